import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../scheduling/check.ts';
import { solve } from '../scheduling/solve.ts';
import type { Assignment } from '../scheduling/types.ts';
import { buildProblem, type ProblemInput, slotsOf } from './meetings.ts';
import { applyMove, changedMeetings } from './meetings-moves.ts';

const ZONE = 'Asia/Ho_Chi_Minh';

const input = (over: Partial<ProblemInput> = {}): ProblemInput => ({
  zone: ZONE,
  blocks: [
    { id: 'a', startAt: '2027-05-10T02:00:00Z', slotMinutes: 20, slots: 3, tables: 2 },
    { id: 'b', startAt: '2027-05-10T06:00:00Z', slotMinutes: 30, slots: 2, tables: 1 },
  ],
  delegations: [
    { id: 'vn1', languages: ['vi'], speaking: [] },
    { id: 'vn2', languages: ['vi', 'en'], arrivesAt: '2027-05-10T02:20:00Z', speaking: [] },
    {
      id: 'jp1',
      languages: ['ja'],
      speaking: [{ from: '2027-05-10T06:00:00Z', to: '2027-05-10T06:15:00Z' }],
    },
    { id: 'jp2', languages: ['ja', 'en'], leavesAt: '2027-05-10T06:30:00Z', speaking: [] },
  ],
  interpreters: [
    { id: 'i1', languages: ['vi', 'ja'], unavailable: [] },
    {
      id: 'i2',
      languages: ['vi', 'ja'],
      unavailable: [{ from: '2027-05-10T02:00:00Z', to: '2027-05-10T02:40:00Z' }],
    },
  ],
  meetings: [
    { id: 'm1', from: 'vn1', to: 'jp1', priority: 'must', required: false, fixedSlot: null },
    { id: 'm2', from: 'vn1', to: 'jp2', priority: 'would_like', required: false, fixedSlot: null },
    { id: 'm3', from: 'vn2', to: 'jp1', priority: 'would_like', required: false, fixedSlot: null },
    { id: 'm4', from: 'vn2', to: 'jp2', priority: 'must', required: false, fixedSlot: null },
  ],
  maxMeetings: null,
  locked: {},
  ...over,
});

describe('the problem built from forum records', () => {
  it('makes slots in the forum zone, across the lunch gap, with their tables', () => {
    const slots = slotsOf(input().blocks, ZONE);
    expect(slots.map((s) => s.id)).toEqual([
      '2027-05-10T09:00',
      '2027-05-10T09:20',
      '2027-05-10T09:40',
      '2027-05-10T13:00',
      '2027-05-10T13:30',
    ]);
    const p = buildProblem(input());
    expect(p.tables).toBe(2);
    expect(p.tablesPerSlot).toEqual([2, 2, 2, 1, 1]);
  });

  it('derives availability from arrival, departure and talks', () => {
    const p = buildProblem(input());
    const un = Object.fromEntries(p.participants.map((x) => [x.id, x.unavailable]));
    expect(un).toEqual({
      jp1: ['2027-05-10T13:00'],
      jp2: ['2027-05-10T13:30'],
      vn1: [],
      vn2: ['2027-05-10T09:00'],
    });
    expect(p.interpreters!.find((i) => i.id === 'i2')!.unavailable).toEqual([
      '2027-05-10T09:00',
      '2027-05-10T09:20',
    ]);
  });

  it('weights must above would-like and pins locked meetings', () => {
    const p = buildProblem(input({ locked: { m2: '2027-05-10T09:40' } }));
    expect(p.meetings.map((m) => [m.id, m.weight, m.fixedSlot])).toEqual([
      ['m1', 3, null],
      ['m2', 1, '2027-05-10T09:40'],
      ['m3', 1, null],
      ['m4', 3, null],
    ]);
  });
});

describe('hand moves', () => {
  const problem = buildProblem(input());
  const slotIds = problem.slots.map((s) => s.id);

  it('refuses a move into a slot where a side is away, with the reason', () => {
    const r = applyMove(problem, [], { meeting: 'm3', slot: '2027-05-10T09:00' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violations.join()).toContain('participant vn2 unavailable');
  });

  it('chooses a free table and a qualified interpreter', () => {
    const r = applyMove(problem, [], { meeting: 'm1', slot: '2027-05-10T09:00' });
    expect(r).toEqual({
      ok: true,
      assignments: [{ meeting: 'm1', slot: '2027-05-10T09:00', table: 1, interpreter: 'i1' }],
    });
  });

  it('keeps every rule through any sequence of moves (property)', () => {
    const move = fc.record({
      meeting: fc.constantFrom('m1', 'm2', 'm3', 'm4'),
      slot: fc.option(fc.constantFrom(...slotIds), { nil: null }),
      table: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      interpreter: fc.option(fc.constantFrom('i1', 'i2'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 25 }), (moves) => {
        let current: Assignment[] = [];
        for (const m of moves) {
          const { table, interpreter, ...rest } = m;
          const r = applyMove(problem, current, {
            ...rest,
            ...(table !== undefined ? { table } : {}),
            ...(interpreter !== undefined ? { interpreter } : {}),
          });
          if (r.ok) current = r.assignments;
          expect(checkSchedule(problem, { assignments: current }).violations).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every rule when a repair follows hand moves and a change of records (property)', async () => {
    const move = fc.record({
      meeting: fc.constantFrom('m1', 'm2', 'm3', 'm4'),
      slot: fc.option(fc.constantFrom(...slotIds), { nil: null }),
    });
    const change = fc.constantFrom('cancel-m1', 'late-vn1', 'lost-table', 'interpreter-away');
    await fc.assert(
      fc.asyncProperty(fc.array(move, { maxLength: 10 }), change, async (moves, what) => {
        let current: Assignment[] = [];
        for (const m of moves) {
          const r = applyMove(problem, current, m);
          if (r.ok) current = r.assignments;
        }
        const base = input();
        const changed = buildProblem(
          what === 'cancel-m1'
            ? { ...base, meetings: base.meetings.filter((m) => m.id !== 'm1') }
            : what === 'late-vn1'
              ? {
                  ...base,
                  delegations: base.delegations.map((d) =>
                    d.id === 'vn1' ? { ...d, arrivesAt: '2027-05-10T06:00:00Z' } : d,
                  ),
                }
              : what === 'lost-table'
                ? { ...base, blocks: base.blocks.map((b) => ({ ...b, tables: 1 })) }
                : { ...base, interpreters: base.interpreters.filter((i) => i.id !== 'i1') },
        );
        const repaired = await solve(changed, { seed: 1, keep: { assignments: current }, effort: 20_000 });
        expect(checkSchedule(changed, repaired).violations).toEqual([]);
        // A meeting the change does not touch and that still fits stays where it was.
        for (const m of repaired.moved ?? []) expect(current.some((a) => a.meeting === m.meeting)).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('names the meetings that changed between two schedules', () => {
    const a: Assignment[] = [
      { meeting: 'm1', slot: 's1', table: 1 },
      { meeting: 'm2', slot: 's2', table: 1 },
    ];
    expect(changedMeetings(a, [{ meeting: 'm1', slot: 's1', table: 2 }])).toEqual(['m1', 'm2']);
    expect(changedMeetings(a, a)).toEqual([]);
  });
});
