import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkSchedule } from '../domain/scheduling/check.ts';
import { smallForum, tinyDzn } from '../domain/scheduling/fixtures.ts';
import type { Problem, Schedule } from '../domain/scheduling/types.ts';
import { main } from './main.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kizuna-schedule-'));
});

async function kizuna(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await main(argv, { stdout, stderr, env: {}, cwd: dir });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const write = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return name;
};

const badInput = async (problem: unknown, expected: string) => {
  const input = write('p.json', JSON.stringify(problem));
  const r = await kizuna('schedule', '--input', input, '--output', 'out.json');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(expected);
  expect(r.stdout).toBe('');
  expect(existsSync(join(dir, 'out.json'))).toBe(false);
};

describe('kizuna schedule', () => {
  it('writes a valid schedule and a summary line', async () => {
    const input = write('p.json', JSON.stringify(smallForum()));
    const r = await kizuna('schedule', '--input', input, '--output', 'out.json', '--seed', '4');
    expect(r.code).toBe(0);
    const schedule: Schedule = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(schedule.format).toBe('kizuna.schedule/1');
    expect(checkSchedule(smallForum(), schedule).violations).toEqual([]);
    expect(r.stderr).toMatch(/^schedule: optimal, 5 meetings held \(weight 9, bound 9\)/m);
  });

  it('answers incomplete with exit 3 and the missing required meetings when the time runs out first', async () => {
    // The heavier required meeting, placed first, takes the only table of the one slot the
    // lighter one can use: a schedule holding both exists (ab at s1), the construction misses it.
    const problem: Problem = {
      slots: [{ id: 's0' }, { id: 's1' }],
      tables: 1,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      meetings: [
        { id: 'ab', participants: ['a', 'b'], weight: 3, required: true },
        { id: 'cd', participants: ['c', 'd'], weight: 1, required: true, allowedSlots: ['s0'] },
        { id: 'ac', participants: ['a', 'c'], weight: 1 },
      ],
    };
    const input = write('p.json', JSON.stringify(problem));
    const short = await kizuna('schedule', '--input', input, '--output', 'out.json', '--time-limit', '0.001');
    expect(short.code).toBe(3);
    const schedule: Schedule = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(schedule.status).toBe('incomplete');
    expect(schedule.missingRequired).toEqual(['cd']);
    expect(schedule.reason).toMatch(/time ran out .* nothing proves them impossible/);
    expect(checkSchedule(problem, schedule).violations).toEqual(['required meeting cd not scheduled']);
    expect(short.stderr).toMatch(/^schedule: required meetings missing: cd$/m);
    const enough = await kizuna('schedule', '--input', input, '--time-limit', '5');
    expect(enough.code).toBe(0);
    expect(JSON.parse(enough.stdout).missingRequired).toBeUndefined();
    expect(JSON.parse(enough.stdout).assignments).toHaveLength(2);
  });

  it('reads the published .dzn format and writes to stdout', async () => {
    const r = await kizuna('schedule', '--input', write('tiny.dzn', tinyDzn));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).assignments).toHaveLength(3);
  });

  it('names every input error with its path, exits 2 and writes nothing', async () => {
    const p = smallForum();
    await badInput({ ...p, slots: [] }, 'error: p.json:slots: the slot list is empty');
    p.meetings[0].participants = ['vn-hanoi', 'vn-hanoi'];
    p.meetings[1].participants = ['vn-hanoi', 'jp-x'];
    p.meetings.push({ id: 'm-1', participants: ['jp-osaka', 'jp-shiga'] });
    const r = write('p.json', JSON.stringify(p));
    const out = await kizuna('schedule', '--input', r);
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n').filter(Boolean)).toEqual([
      'error: p.json:meetings[5].id: duplicate id m-1',
      'error: p.json:meetings[0].participants: a meeting of participant vn-hanoi with itself',
      'error: p.json:meetings[1].participants[1]: unknown participant id jp-x',
    ]);
    await badInput(
      { ...smallForum(), meetings: [{ id: 'm', participants: ['vn-hanoi', 'jp-osaka'], weight: -2 }] },
      'p.json:meetings[0].weight: weight must not be negative',
    );
  });

  it('rejects damaged .dzn files', async () => {
    const cut = write('cut.dzn', tinyDzn.slice(0, tinyDzn.length - 10));
    expect((await kizuna('schedule', '--input', cut)).stderr).toContain(
      'error: cut.dzn:(end of file): truncated',
    );
    const wrong = write('wrong.dzn', tinyDzn.replace('nMeetings = 3', 'nMeetings = 2'));
    const r = await kizuna('schedule', '--input', wrong);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: wrong.dzn:requested: has 3 rows but nMeetings = 2');
  });

  it('refuses files of 100 MB by size and bytes that are not UTF-8', async () => {
    const big = write('big.json', '');
    truncateSync(join(dir, big), 100 * 1024 * 1024);
    const r = await kizuna('schedule', '--input', big);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big\.json: file is 104857600 bytes; the limit is 100 MB/);
    const latin = write('latin.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect((await kizuna('schedule', '--input', latin)).stderr).toContain(
      'error: latin.json: not valid UTF-8 text',
    );
  });

  it('rejects bad options and missing files', async () => {
    expect((await kizuna('schedule')).stderr).toContain('error: --input: required');
    expect((await kizuna('schedule', '--input', 'nope.json')).stderr).toContain(
      'error: nope.json: cannot read: ENOENT',
    );
    const r = await kizuna('schedule', '--input', write('p.json', '{}'), '--seed', 'x');
    expect(r).toMatchObject({ code: 2, stderr: 'error: --seed: expected a number ≥ 0, got x\n' });
    expect((await kizuna('schedule', '--bogus')).code).toBe(2);
  });

  it('exits 1 with the reason when the problem is infeasible', async () => {
    const p: Problem = {
      slots: [{ id: 's1' }],
      tables: 1,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      meetings: [
        { id: 'm-1', participants: ['a', 'b'], required: true },
        { id: 'm-2', participants: ['b', 'c'], required: true },
      ],
    };
    const r = await kizuna('schedule', '--input', write('p.json', JSON.stringify(p)), '--output', 'o.json');
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'o.json'), 'utf8')).status).toBe('infeasible');
    expect(r.stderr).toContain('reason: required meetings m-1 and m-2 both need participant b');
  });

  it('repairs a published schedule moving only what must move', async () => {
    const input = write('p.json', JSON.stringify(smallForum()));
    await kizuna('schedule', '--input', input, '--output', 'v1.json');
    const v1: Schedule = JSON.parse(readFileSync(join(dir, 'v1.json'), 'utf8'));
    const changed = smallForum();
    const m1 = v1.assignments.find((a) => a.meeting === 'm-1')!;
    changed.participants[2].unavailable = [m1.slot];
    changed.meetings = changed.meetings.filter((m) => m.id !== 'm-5');
    const r = await kizuna(
      'schedule',
      '--input',
      write('p2.json', JSON.stringify(changed)),
      '--keep',
      'v1.json',
    );
    expect(r.code).toBe(0);
    const v2: Schedule = JSON.parse(r.stdout);
    expect(checkSchedule(changed, v2).violations).toEqual([]);
    const moved = Object.fromEntries((v2.moved ?? []).map((m) => [m.meeting, m.reason]));
    expect(moved['m-1']).toBe(`participant jp-osaka is no longer available in ${m1.slot}`);
    expect(moved['m-5']).toBe('cancelled: no longer in the problem');
    const stay = v1.assignments.filter((a) => a.meeting !== 'm-1' && a.meeting !== 'm-5');
    for (const a of stay) expect(v2.assignments.find((b) => b.meeting === a.meeting)?.slot).toBe(a.slot);
  });
});
