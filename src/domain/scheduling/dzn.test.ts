import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDzn } from './dzn.ts';
import { tinyDzn } from './fixtures.ts';
import { solve } from './solve.ts';

const reason = (text: string) => {
  const parsed = parseDzn(text);
  return parsed.ok ? 'ok' : `${parsed.problems[0].path}: ${parsed.problems[0].reason}`;
};

describe('parseDzn', () => {
  it('maps sessions, forbidden slots (without the dummy 0) and precedences', () => {
    const parsed = parseDzn(tinyDzn);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const p = parsed.value;
    expect(p.slots.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(p.fairness).toBe(2);
    expect(p.participants[1].unavailable).toEqual(['s3']);
    expect(p.participants[0].unavailable).toEqual([]);
    expect(p.meetings[0]).toMatchObject({
      participants: ['p1', 'p2'],
      required: true,
      allowedSlots: ['s1', 's2'],
    });
    expect(p.meetings[1]).toMatchObject({ allowedSlots: null, after: ['m1'] });
    expect(p.meetings[2].allowedSlots).toEqual(['s3']);
  });

  it('solves the tiny instance with its only schedule', async () => {
    const parsed = parseDzn(tinyDzn);
    if (!parsed.ok) throw new Error('parse');
    const s = await solve(parsed.value);
    // p1 meets in s1 and s3: one break, forced; the exact MIP of breaks proves it minimal.
    expect(s.status).toBe('optimal');
    expect(s.objective.breaks).toBe(1);
    expect(s.assignments.map((a) => `${a.meeting}@${a.slot}`)).toEqual(['m1@s1', 'm2@s2', 'm3@s3']);
  });

  it('rejects a truncated file', () => {
    expect(reason(tinyDzn.slice(0, tinyDzn.indexOf('forbidden') + 20))).toBe(
      '(end of file): truncated: last statement has no closing ;',
    );
    expect(reason(tinyDzn.replace('|2, 3,3,\n|1, 3,2,\n|];', '|2, 3,3,\n|1, 3,2,\n];'))).toMatch(
      /^requested: truncated/,
    );
  });

  it('rejects nMeetings that does not match the rows', () => {
    expect(reason(tinyDzn.replace('nMeetings = 3;', 'nMeetings = 4;'))).toBe(
      'requested: has 3 rows but nMeetings = 4',
    );
  });

  it('rejects inconsistent per-participant lists and out-of-range values', () => {
    expect(reason(tinyDzn.replace('nMeetingsBusiness = [2,2,2]', 'nMeetingsBusiness = [2,3,2]'))).toBe(
      'nMeetingsBusiness[2]: says 3 meetings but requested has 2',
    );
    expect(reason(tinyDzn.replace('|1, 3,2,', '|1, 7,2,'))).toBe(
      'requested[3]: participant 7 is outside 1..3',
    );
    expect(reason(tinyDzn.replace('fixed = [0,0,0]', 'fixed = [0,9,0]'))).toBe(
      'fixed[2]: slot 9 is outside 0..3',
    );
    expect(reason(tinyDzn.replace('nTables = 1;', ''))).toBe('nTables: missing');
  });

  const real = resolve(
    import.meta.dirname,
    '../../../../shared/benchmarks/b2b/instances/tic-12.original.dzn',
  );
  it.skipIf(!existsSync(real))('reads a published instance', () => {
    const parsed = parseDzn(readFileSync(real, 'utf8'));
    expect(parsed.ok && [parsed.value.participants.length, parsed.value.meetings.length]).toEqual([42, 125]);
  });
});
