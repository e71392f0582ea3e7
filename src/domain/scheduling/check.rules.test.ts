import { describe, expect, it } from 'vitest';
import { checkSchedule, countBreaks, needsInterpreter, qualifies } from './check.ts';
import { smallForum } from './fixtures.ts';
import type { Assignment, Problem } from './types.ts';

// Each broken rule gives exactly its own violation (no more, no less), and each rule's boundary
// (equal is allowed) is checked on both sides: a checker that reports too much is as wrong as one
// that reports too little.

const valid = (): Assignment[] => [
  { meeting: 'm-1', slot: '25-1', table: 1, interpreter: 'int-01' },
  { meeting: 'm-2', slot: '25-0', table: 1 },
  { meeting: 'm-3', slot: '25-1', table: 2 },
  { meeting: 'm-4', slot: '25-2', table: 2, interpreter: 'int-01' },
];

const check = (change: (a: Assignment[], p: Problem) => void = () => {}) => {
  const problem = smallForum();
  const assignments = valid();
  change(assignments, problem);
  return checkSchedule(problem, { assignments });
};
const violations = (change: (a: Assignment[], p: Problem) => void) => check(change).violations;

describe('checkSchedule, one rule at a time', () => {
  it('names an unknown meeting or slot, and counts nothing for it', () => {
    expect(violations((a) => a.push({ meeting: 'm-9', slot: '25-3', table: 1 }))).toEqual([
      'assignment of unknown meeting m-9',
    ]);
    expect(violations((a) => (a[2].slot = '99-9'))).toEqual(['meeting m-3 in unknown slot 99-9']);
    const both = check((a) => a.push({ meeting: 'm-9', slot: 'nowhere', table: 1 }));
    expect(both.violations).toEqual([
      'assignment of unknown meeting m-9',
      'meeting m-9 in unknown slot nowhere',
    ]);
    expect(both.objective.meetings).toBe(4);
  });

  it('refuses a meeting assigned twice', () => {
    expect(violations((a) => a.push({ meeting: 'm-2', slot: '25-3', table: 1 }))).toEqual([
      'meeting m-2 assigned twice',
    ]);
  });

  it('refuses tables that are not whole numbers within the slot', () => {
    expect(violations((a) => (a[2].table = 1.5))).toEqual(['meeting m-3: table 1.5 outside 1..2']);
    expect(violations((a) => (a[1].table = 0))).toEqual(['meeting m-2: table 0 outside 1..2']);
    expect(violations((a) => (a[1].table = 2))).toEqual([]);
  });

  it('uses the tables of each slot when they differ', () => {
    expect(violations((_, p) => (p.tablesPerSlot = [2, 1, 2, 2]))).toEqual([
      'meeting m-3: table 2 outside 1..1',
      'slot 25-1 has 2 meetings for 1 tables',
    ]);
    expect(violations((_, p) => (p.tablesPerSlot = [1, 2, 2, 0]))).toEqual([]);
  });

  it('checks the interpreter: known, qualified, available, in one meeting at a time', () => {
    expect(violations((a) => (a[0].interpreter = 'int-99'))).toEqual([
      'meeting m-1: unknown interpreter int-99',
    ]);
    expect(
      violations((a, p) => {
        p.interpreters!.push({ id: 'int-02', languages: ['en'] });
        a[0].interpreter = 'int-02';
      }),
    ).toEqual(['interpreter int-02 cannot interpret meeting m-1']);
    // An interpreter with no language list interprets anything.
    expect(
      violations((a, p) => {
        p.interpreters!.push({ id: 'int-03' });
        a[0].interpreter = 'int-03';
      }),
    ).toEqual([]);
    expect(violations((a) => (a[0].slot = '25-2'))).toEqual([
      'interpreter int-01 in two meetings in slot 25-2',
    ]);
  });

  it('needs no interpreter when a side names no language', () => {
    expect(violations((_, p) => (p.participants[2].languages = undefined))).toEqual([
      'meeting m-1 has an interpreter it does not need',
    ]);
    expect(violations((_, p) => (p.participants[2].languages = []))).toEqual([
      'meeting m-1 has an interpreter it does not need',
    ]);
  });

  it('holds a participant to its maximum, equal allowed', () => {
    expect(violations((_, p) => (p.participants[3].maxMeetings = 1))).toEqual([]);
    expect(violations((_, p) => (p.participants[3].maxMeetings = 0))).toEqual([
      'participant jp-shiga holds 1 meetings, more than its maximum 0',
    ]);
  });

  it('orders meetings: strictly after, a shared slot is not after', () => {
    expect(violations((_, p) => (p.meetings[1].after = ['m-1']))).toEqual([
      'meeting m-2 not after meeting m-1',
    ]);
    expect(violations((_, p) => (p.meetings[2].after = ['m-1']))).toEqual([
      'meeting m-3 not after meeting m-1',
    ]);
    expect(violations((_, p) => (p.meetings[0].after = ['m-2']))).toEqual([]);
    // An unscheduled predecessor (not required) is no violation.
    expect(violations((_, p) => (p.meetings[0].after = ['m-5']))).toEqual([]);
  });

  it('keeps fixed and allowed slots when they are kept', () => {
    expect(
      violations((_, p) => {
        p.meetings[0].fixedSlot = '25-1';
        p.meetings[2].allowedSlots = ['25-1', '25-3'];
      }),
    ).toEqual([]);
  });

  it('holds breaks to the fairness bound, equal allowed', () => {
    // m-1 moved to 25-3 (its interpreter made available there) gives vn-hanoi a break.
    const withBreak = (fairness?: number) =>
      check((a, p) => {
        a[0].slot = '25-3';
        p.interpreters![0].unavailable = [];
        if (fairness !== undefined) p.fairness = fairness;
      });
    const r = withBreak();
    expect(r.violations).toEqual([]);
    expect(r.objective.breaks).toBe(1);
    expect(r.objective.breakSpread).toBe(1);
    expect(withBreak(1).violations).toEqual([]);
    expect(withBreak(0).violations).toEqual([
      'breaks differ by 1 between participants, more than fairness 0',
    ]);
  });

  it('recomputes the objective: weight 1 by default, table changes per participant', () => {
    const r = check((_, p) => {
      delete p.meetings[0].weight;
    });
    expect(r.objective).toEqual({ weight: 6, meetings: 4, breaks: 0, breakSpread: 0, tableChanges: 1 });
    // Every meeting at table 1 where the slot allows: vn-danang and jp-jetro keep their table.
    const same = check((a) => {
      a[0].table = 2;
      a[2].table = 1;
      a[3].table = 1;
    });
    expect(same.violations).toEqual([]);
    expect(same.objective.tableChanges).toBe(1); // vn-hanoi: table 1 at 25-0, table 2 at 25-1
  });
});

describe('checkSchedule on unusual problems', () => {
  it('takes slots without a day as one day, and participants not listed as speaking anything', () => {
    const r = check((a, p) => {
      for (const slot of p.slots) delete slot.day;
      a[0].slot = '25-3';
      p.interpreters![0].unavailable = [];
    });
    expect(r.violations).toEqual([]);
    expect(r.objective.breaks).toBe(1);
    for (const pair of [
      ['ghost', 'jp-jetro'],
      ['vn-hanoi', 'ghost'],
    ] as const)
      expect(violations((_, p) => (p.meetings[1].participants = [...pair]))).toEqual([]);
    // An unscheduled meeting that must follow another is no violation either.
    expect(violations((_, p) => (p.meetings[4].after = ['m-1']))).toEqual([]);
  });

  it('sums the breaks of every participant and measures their spread', () => {
    const day = '2025-11-25';
    const problem: Problem = {
      ...smallForum(),
      tables: 2,
      interpreters: [],
      participants: ['a', 'b', 'c', 'd'].map((id) => ({ id, languages: ['vi'] })),
      meetings: [
        { id: 'ab1', participants: ['a', 'b'] },
        { id: 'ab2', participants: ['a', 'b'] },
        { id: 'cd1', participants: ['c', 'd'] },
        { id: 'cd2', participants: ['c', 'd'] },
      ],
    };
    const slot = (i: number) => `${day.slice(-2)}-${i}`;
    const assignments: Assignment[] = [
      { meeting: 'ab1', slot: slot(0), table: 1 },
      { meeting: 'ab2', slot: slot(2), table: 1 },
      { meeting: 'cd1', slot: slot(0), table: 2 },
      { meeting: 'cd2', slot: slot(3), table: 2 },
    ];
    const r = checkSchedule({ ...problem, fairness: 0 }, { assignments });
    // Every participant has one break: four in all, none more than another.
    expect(r.objective).toEqual({ weight: 4, meetings: 4, breaks: 4, breakSpread: 0, tableChanges: 0 });
    expect(r.violations).toEqual([]);
  });
});

describe('the helpers', () => {
  it('needsInterpreter only when both sides name languages and share none', () => {
    expect(needsInterpreter(['vi'], ['ja'])).toBe(true);
    expect(needsInterpreter(['vi', 'en'], ['ja', 'en'])).toBe(false);
    expect(needsInterpreter(['vi'], [])).toBe(false);
    expect(needsInterpreter([], ['ja'])).toBe(false);
    expect(needsInterpreter(null, ['ja'])).toBe(false);
    expect(needsInterpreter(['vi'], undefined)).toBe(false);
  });

  it('qualifies an interpreter speaking a language of each side', () => {
    expect(qualifies(['vi', 'ja'], ['vi'], ['ja'])).toBe(true);
    expect(qualifies(['vi'], ['vi'], ['ja'])).toBe(false);
    expect(qualifies(['ja'], ['vi'], ['ja'])).toBe(false);
    expect(qualifies([], ['vi'], ['ja'])).toBe(true);
    expect(qualifies(null, ['vi'], ['ja'])).toBe(true);
  });

  it('counts a break only between meetings of the same day with a gap', () => {
    expect(countBreaks([true, true, true], ['d', 'd', 'd'])).toBe(0);
    expect(countBreaks([true, false, true], ['d', 'd', 'd'])).toBe(1);
    expect(countBreaks([false, true, false, true], ['d', 'd', 'd', 'd'])).toBe(1);
    expect(countBreaks([true, false, false, true, false, true], ['a', 'a', 'a', 'a', 'b', 'b'])).toBe(1);
    expect(countBreaks([false, false, false, true], ['d', 'd', 'd', 'd'])).toBe(0);
    expect(countBreaks([], [])).toBe(0);
  });
});
