import { describe, expect, it } from 'vitest';
import { checkSchedule, countBreaks } from './check.ts';
import { smallForum } from './fixtures.ts';
import type { Assignment } from './types.ts';

const valid: Assignment[] = [
  { meeting: 'm-1', slot: '25-1', table: 1, interpreter: 'int-01' },
  { meeting: 'm-2', slot: '25-0', table: 1 },
  { meeting: 'm-3', slot: '25-1', table: 2 },
  { meeting: 'm-4', slot: '25-2', table: 2, interpreter: 'int-01' },
];

const violations = (change: (a: Assignment[]) => void, problem = smallForum()) => {
  const assignments = structuredClone(valid);
  change(assignments);
  return checkSchedule(problem, { assignments }).violations;
};

describe('checkSchedule', () => {
  it('accepts a valid schedule and computes its objective', () => {
    const r = checkSchedule(smallForum(), { assignments: valid });
    expect(r.violations).toEqual([]);
    expect(r.objective).toEqual({ weight: 8, meetings: 4, breaks: 0, breakSpread: 0, tableChanges: 1 });
  });

  it('catches every broken rule', () => {
    expect(violations((a) => (a[2].slot = '25-0'))).toContain(
      'participant vn-danang unavailable in 25-0 (meeting m-3)',
    );
    expect(violations((a) => (a[0].slot = '25-0'))).toContain(
      'participant vn-hanoi in two meetings in slot 25-0',
    );
    expect(violations((a) => (a[2].table = 1))).toContain('table 1 used twice in slot 25-1');
    expect(violations((a) => (a[2].table = 3))).toContain('meeting m-3: table 3 outside 1..2');
    expect(violations((a) => delete a[0].interpreter)).toContain(
      'meeting m-1 needs an interpreter and has none',
    );
    expect(violations((a) => (a[2].interpreter = 'int-01'))).toContain(
      'meeting m-3 has an interpreter it does not need',
    );
    expect(violations((a) => (a[3].slot = '25-3'))).toContain('interpreter int-01 unavailable in 25-3');
    expect(violations((a) => (a[3].slot = '25-1'))).toContain('meeting m-4 not after meeting m-3');
    expect(violations((a) => a.splice(1, 1))).toContain('required meeting m-2 not scheduled');
    expect(
      violations((a) => a.push({ meeting: 'm-5', slot: '25-3', table: 1, interpreter: 'int-01' })),
    ).toContain('interpreter int-01 unavailable in 25-3');
  });

  it('enforces maxMeetings, fixed and allowed slots, table counts and fairness', () => {
    const p = smallForum();
    p.participants[3].maxMeetings = 0;
    p.meetings[0].fixedSlot = '25-2';
    p.meetings[2].allowedSlots = ['25-3'];
    p.tables = 1;
    p.fairness = 0;
    const v = violations((a) => a.push({ meeting: 'm-5', slot: '25-3', table: 1, interpreter: 'int-01' }), p);
    expect(v).toEqual(
      expect.arrayContaining([
        'participant jp-shiga holds 2 meetings, more than its maximum 0',
        'meeting m-1 not in its fixed slot 25-2',
        'meeting m-3 outside its allowed slots',
        'slot 25-1 has 2 meetings for 1 tables',
        'breaks differ by 1 between participants, more than fairness 0',
      ]),
    );
  });

  it('counts breaks as idle runs between meetings of the same day', () => {
    expect(countBreaks([false, true, false, false, true, false, true, false], Array(8).fill('d'))).toBe(2);
    expect(countBreaks([true, false, true], ['a', 'b', 'b'])).toBe(0);
  });
});
