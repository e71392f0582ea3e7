import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approve, approvedMembers, nextState, promoteWaitlist, type Seat } from './delegations.ts';

describe('delegation states', () => {
  it('follows the spec and refuses the rest', () => {
    expect(nextState('invited', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'approve')).toBe('approved');
    expect(nextState('waitlisted', 'approve')).toBe('approved');
    expect(nextState('approved', 'withdraw')).toBe('withdrawn');
    expect(nextState('invited', 'approve')).toBeNull();
    expect(nextState('declined', 'approve')).toBeNull();
    expect(nextState('withdrawn', 'submit')).toBeNull();
  });
});

describe('capacity', () => {
  const seat = (id: string, members: number, state: Seat['state'] = 'submitted'): Seat => ({
    id,
    members,
    state,
  });

  it('waitlists a delegation that does not fit, and moves it up when a place frees', () => {
    let seats = [seat('a', 6), seat('b', 5), seat('c', 2)];
    seats = approve(seats, 'a', 10, '2026-10-01T00:00:00Z').seats;
    const b = approve(seats, 'b', 10, '2026-10-02T00:00:00Z');
    expect(b.state).toBe('waitlisted');
    seats = approve(b.seats, 'c', 10, '2026-10-03T00:00:00Z').seats;
    expect(approvedMembers(seats)).toBe(8);
    seats = seats.map((s) => (s.id === 'a' ? { ...s, state: 'withdrawn' } : s));
    const up = promoteWaitlist(seats, 10);
    expect(up.promoted).toEqual(['b']);
    expect(approvedMembers(up.seats)).toBe(7);
  });

  it('never exceeds the capacity, whatever the order of approvals, withdrawals and promotions', () => {
    const ops = fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('approve' as const), who: fc.integer({ min: 0, max: 7 }) }),
        fc.record({ op: fc.constant('withdraw' as const), who: fc.integer({ min: 0, max: 7 }) }),
        fc.record({ op: fc.constant('promote' as const), who: fc.constant(0) }),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        ops,
        (sizes, capacity, steps) => {
          let seats: Seat[] = sizes.map((m, i) => ({ id: `d${i}`, members: m, state: 'submitted' }));
          steps.forEach((step, t) => {
            const id = `d${step.who}`;
            const s = seats.find((x) => x.id === id)!;
            if (step.op === 'approve' && (s.state === 'submitted' || s.state === 'waitlisted')) {
              seats = approve(seats, id, capacity, `2026-10-01T00:00:${String(t).padStart(2, '0')}Z`).seats;
            } else if (step.op === 'withdraw' && s.state !== 'withdrawn') {
              seats = seats.map((x) => (x.id === id ? { ...x, state: 'withdrawn' } : x));
            } else if (step.op === 'promote') {
              seats = promoteWaitlist(seats, capacity).seats;
            }
            expect(approvedMembers(seats)).toBeLessThanOrEqual(capacity);
          });
          // After promotion no waitlisted delegation would still fit.
          seats = promoteWaitlist(seats, capacity).seats;
          const free = capacity - approvedMembers(seats);
          for (const s of seats) if (s.state === 'waitlisted') expect(s.members).toBeGreaterThan(free);
        },
      ),
      { numRuns: 300 },
    );
  });
});
