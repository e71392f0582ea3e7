/**
 * A delegation's states and the forum's capacity. One delegation per party per forum:
 * `invited → submitted → approved | waitlisted | declined | withdrawn`. The forum's capacity (in
 * members) is never exceeded: approving a delegation that does not fit waitlists it instead,
 * and when places free (a withdrawal, a decline, a smaller delegation) the waitlist moves up in
 * the order delegations joined it.
 */

export type DelegationState = 'invited' | 'submitted' | 'approved' | 'waitlisted' | 'declined' | 'withdrawn';

export type DelegationAction = 'submit' | 'approve' | 'waitlist' | 'decline' | 'withdraw' | 'reopen';

/** Which action moves which state where; anything else is refused with the state it is in. */
const TRANSITIONS: Record<DelegationAction, Partial<Record<DelegationState, DelegationState>>> = {
  submit: { invited: 'submitted' },
  approve: { submitted: 'approved', waitlisted: 'approved' },
  waitlist: { submitted: 'waitlisted', approved: 'waitlisted' },
  decline: { submitted: 'declined', waitlisted: 'declined' },
  withdraw: { invited: 'withdrawn', submitted: 'withdrawn', approved: 'withdrawn', waitlisted: 'withdrawn' },
  reopen: { declined: 'submitted', withdrawn: 'submitted' },
};

export function nextState(state: DelegationState, action: DelegationAction): DelegationState | null {
  return TRANSITIONS[action][state] ?? null;
}

export interface Seat {
  id: string;
  state: DelegationState;
  /** Members the delegation brings (counted against the forum's capacity when approved). */
  members: number;
  /** When it joined the waitlist (ISO), which orders moving up. */
  waitlistedAt?: string | null;
}

export function approvedMembers(seats: readonly Seat[]): number {
  return seats.reduce((n, s) => n + (s.state === 'approved' ? s.members : 0), 0);
}

/**
 * Approving one delegation: approved when it fits, waitlisted when it does not.
 * @example approve(seats, 'd3', 300, '2026-10-01T00:00:00Z') // { state: 'waitlisted', … } when 300 are taken
 */
export function approve(
  seats: readonly Seat[],
  id: string,
  capacity: number,
  now: string,
): { state: 'approved' | 'waitlisted'; seats: Seat[] } {
  const target = seats.find((s) => s.id === id);
  if (!target) throw new Error(`no delegation ${id}`);
  const others = approvedMembers(seats.filter((s) => s.id !== id));
  const fits = others + target.members <= capacity;
  const state = fits ? 'approved' : 'waitlisted';
  return {
    state,
    seats: seats.map((s) =>
      s.id === id ? { ...s, state, waitlistedAt: fits ? null : (s.waitlistedAt ?? now) } : s,
    ),
  };
}

/**
 * Moves the waitlist up while places are free: in the order delegations joined it, each that
 * fits is approved (a large delegation that does not fit does not block a smaller one behind it).
 * Returns the ids that moved up, so that their heads can be told.
 */
export function promoteWaitlist(
  seats: readonly Seat[],
  capacity: number,
): { promoted: string[]; seats: Seat[] } {
  let used = approvedMembers(seats);
  const queue = seats
    .filter((s) => s.state === 'waitlisted')
    .sort((a, b) => (a.waitlistedAt ?? '').localeCompare(b.waitlistedAt ?? '') || a.id.localeCompare(b.id));
  const promoted = new Set<string>();
  for (const s of queue) {
    if (used + s.members <= capacity) {
      used += s.members;
      promoted.add(s.id);
    }
  }
  return {
    promoted: [...promoted],
    seats: seats.map((s) => (promoted.has(s.id) ? { ...s, state: 'approved', waitlistedAt: null } : s)),
  };
}
