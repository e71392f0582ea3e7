import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check.ts';
import { slots, smallForum } from './fixtures.ts';
import { solve } from './solve.ts';
import type { Problem } from './types.ts';

describe('solve', () => {
  it('holds every meeting of the small forum within the rules, interpreters included', async () => {
    const problem = smallForum();
    const s = await solve(problem, { seed: 3 });
    expect(checkSchedule(problem, s).violations).toEqual([]);
    expect(s.objective.weight).toBe(9);
    expect(s.bound?.weight).toBe(9);
    expect(s.status).toBe('optimal');
    const interpreted = s.assignments.filter((a) => a.interpreter).map((a) => a.meeting);
    expect(interpreted.sort()).toEqual(['m-1', 'm-4', 'm-5']);
  });

  it('proves that required meetings cannot all be held when no simpler proof applies', async () => {
    // Three people who must all meet each other in two slots: any two meetings share someone,
    // so each slot holds one and the third cannot be held. Each person alone fits (two meetings,
    // two slots) and the linear relaxation holds all three at one half per slot.
    const problem: Problem = {
      slots: slots(2),
      tables: 3,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      meetings: [
        { id: 'ab', participants: ['a', 'b'], required: true },
        { id: 'bc', participants: ['b', 'c'], required: true },
        { id: 'ca', participants: ['c', 'a'], required: true },
      ],
    };
    const s = await solve(problem);
    expect(s.status).toBe('infeasible');
    expect(s.reason).toMatch(/no schedule holds all 3 required meetings/);
    expect(s.assignments).toHaveLength(2);
  });

  it('explains unscheduled meetings when the only interpreter is the bottleneck', async () => {
    const problem: Problem = {
      slots: slots(1),
      tables: 5,
      participants: [
        { id: 'vn-a', languages: ['vi'] },
        { id: 'vn-b', languages: ['vi'] },
        { id: 'jp-a', languages: ['ja'] },
        { id: 'jp-b', languages: ['ja'] },
      ],
      interpreters: [{ id: 'int-1', languages: ['vi', 'ja'] }],
      meetings: [
        { id: 'm-1', participants: ['vn-a', 'jp-a'], weight: 1 },
        { id: 'm-2', participants: ['vn-b', 'jp-b'], weight: 2 },
      ],
    };
    const s = await solve(problem);
    expect(s.assignments).toEqual([{ meeting: 'm-2', slot: '25-0', table: 1, interpreter: 'int-1' }]);
    expect(s.unscheduled[0].reason).toMatch(/every qualified interpreter is busy/);
    expect(s.bound?.weight).toBe(2);
    expect(s.status).toBe('optimal');
  });

  it('answers infeasible with the smallest reason found', async () => {
    const problem: Problem = {
      slots: slots(3),
      tables: 3,
      participants: [
        { id: 'vn-hanoi', unavailable: ['25-1', '25-2'] },
        { id: 'jp-a' },
        { id: 'jp-b' },
        { id: 'jp-c' },
      ],
      meetings: [
        { id: 'm-1', participants: ['vn-hanoi', 'jp-c'] },
        { id: 'm-3', participants: ['vn-hanoi', 'jp-a'], required: true },
        { id: 'm-8', participants: ['jp-b', 'vn-hanoi'], required: true },
      ],
    };
    const s = await solve(problem);
    expect(s.status).toBe('infeasible');
    expect(s.reason).toBe(
      'required meetings m-3 and m-8 both need participant vn-hanoi and only 1 slot(s) (25-0) where it can meet them',
    );
    expect(checkSchedule(problem, s).violations).toEqual(['required meeting m-8 not scheduled']);
  });

  it('detects precedence chains longer than the day', async () => {
    const problem: Problem = {
      slots: slots(2),
      tables: 3,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      meetings: [
        { id: 'm-1', participants: ['a', 'b'], required: true },
        { id: 'm-2', participants: ['b', 'c'], required: true, after: ['m-1'] },
        { id: 'm-3', participants: ['a', 'c'], required: true, after: ['m-2'] },
      ],
    };
    const s = await solve(problem);
    expect(s.status).toBe('infeasible');
    expect(s.reason).toMatch(/^required meeting m-\d cannot fit between/);
  });

  it('is deterministic for a seed', async () => {
    const problem = smallForum();
    problem.tables = 1;
    const a = await solve(problem, { seed: 7 });
    const b = await solve(problem, { seed: 7 });
    expect(b.assignments).toEqual(a.assignments);
  });

  it('minimises breaks when every meeting fits', async () => {
    const problem: Problem = {
      slots: slots(5),
      tables: 2,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      meetings: [
        { id: 'm-1', participants: ['a', 'b'], fixedSlot: '25-0' },
        { id: 'm-2', participants: ['a', 'c'] },
        { id: 'm-3', participants: ['a', 'd'] },
        { id: 'm-4', participants: ['b', 'c'] },
      ],
    };
    const s = await solve(problem, { seed: 1 });
    expect(s.objective).toMatchObject({ meetings: 4, breaks: 0 });
    expect(s.status).toBe('optimal');
  });

  it('repairs after an interpreter falls ill, moving only the meetings that lost theirs', async () => {
    const problem = smallForum();
    problem.slots = slots(6);
    problem.interpreters = [
      { id: 'int-01', languages: ['vi', 'ja'] },
      { id: 'int-02', languages: ['vi', 'ja'] },
    ];
    const before = await solve(problem, { seed: 2 });
    const ill = before.assignments.find((a) => a.interpreter === 'int-01');
    expect(ill).toBeDefined();
    const changed = structuredClone(problem);
    changed.interpreters = [
      { id: 'int-01', languages: ['vi', 'ja'], unavailable: [ill!.slot] },
      problem.interpreters[1],
    ];
    const after = await solve(changed, { seed: 2, keep: before });
    expect(checkSchedule(changed, after).violations).toEqual([]);
    expect(after.objective.weight).toBe(before.objective.weight);
    // int-02 is free in that slot unless it already works there; either way nothing else moves.
    for (const m of after.moved ?? []) expect(m.meeting).toBe(ill!.meeting);
  });
});
