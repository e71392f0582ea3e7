/**
 * Hand moves on a schedule, checked by the scheduler's independent checker (`check.ts`): a move
 * (or taking a meeting off) is applied to a copy and refused with the checker's reasons when it
 * breaks a rule that held before. A table and an interpreter are chosen when the move does not
 * name them: the lowest free table of the slot, the first free qualified interpreter by id.
 */
import { checkSchedule, needsInterpreter, qualifies } from '../scheduling/check.ts';
import type { Assignment, Problem } from '../scheduling/types.ts';

export interface Move {
  meeting: string;
  /** null takes the meeting off the schedule. */
  slot: string | null;
  table?: number;
  interpreter?: string;
}

export type MoveResult = { ok: true; assignments: Assignment[] } | { ok: false; violations: string[] };

function chooseTable(problem: Problem, others: readonly Assignment[], slot: string): number {
  const s = problem.slots.findIndex((x) => x.id === slot);
  const limit = problem.tablesPerSlot?.[s] ?? problem.tables;
  const used = new Set(others.filter((a) => a.slot === slot).map((a) => a.table));
  for (let t = 1; t <= limit; t++) if (!used.has(t)) return t;
  return limit + 1; // the checker names the full slot
}

function chooseInterpreter(
  problem: Problem,
  others: readonly Assignment[],
  meetingId: string,
  slot: string,
): string | undefined {
  const m = problem.meetings.find((x) => x.id === meetingId);
  if (!m) return undefined;
  const langs = m.participants.map((p) => problem.participants.find((x) => x.id === p)?.languages);
  if (!needsInterpreter(langs[0], langs[1])) return undefined;
  const busy = new Set(others.filter((a) => a.slot === slot).map((a) => a.interpreter));
  const free = (problem.interpreters ?? [])
    .filter(
      (i) =>
        !busy.has(i.id) && !i.unavailable?.includes(slot) && qualifies(i.languages, langs[0]!, langs[1]!),
    )
    .map((i) => i.id)
    .sort();
  return free[0];
}

/**
 * Applies one move and checks every rule; only the rules the move breaks refuse it (a schedule
 * whose records changed under it may already break one, which a move should be able to mend).
 * @example applyMove(problem, assignments, { meeting: 'm-1', slot: 'd1-0900' })
 */
export function applyMove(problem: Problem, assignments: readonly Assignment[], move: Move): MoveResult {
  if (!problem.meetings.some((m) => m.id === move.meeting))
    return { ok: false, violations: [`no meeting ${move.meeting} to schedule`] };
  if (move.slot !== null && !problem.slots.some((s) => s.id === move.slot))
    return { ok: false, violations: [`no slot ${move.slot}`] };
  const others = assignments.filter((a) => a.meeting !== move.meeting);
  const next = [...others];
  if (move.slot !== null) {
    const a: Assignment = {
      meeting: move.meeting,
      slot: move.slot,
      table: move.table ?? chooseTable(problem, others, move.slot),
    };
    const interpreter = move.interpreter ?? chooseInterpreter(problem, others, move.meeting, move.slot);
    if (interpreter) a.interpreter = interpreter;
    next.push(a);
  }
  const before = new Set(checkSchedule(problem, { assignments: [...assignments] }).violations);
  const broken = checkSchedule(problem, { assignments: next }).violations.filter((v) => !before.has(v));
  return broken.length ? { ok: false, violations: broken } : { ok: true, assignments: sortAssignments(next) };
}

/** Assignments in slot order, then table: the order every view and file shows. */
export function sortAssignments(list: readonly Assignment[], slotOrder?: readonly string[]): Assignment[] {
  const rank = new Map((slotOrder ?? []).map((s, i) => [s, i]));
  return [...list].sort(
    (a, b) =>
      (rank.get(a.slot) ?? 0) - (rank.get(b.slot) ?? 0) ||
      (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0) ||
      a.table - b.table ||
      (a.meeting < b.meeting ? -1 : 1),
  );
}

/** Meetings whose slot, table or interpreter differ between two schedules (or that one lacks). */
export function changedMeetings(before: readonly Assignment[], after: readonly Assignment[]): string[] {
  const key = (a: Assignment) => `${a.slot}|${a.table}|${a.interpreter ?? ''}`;
  const b = new Map(before.map((a) => [a.meeting, key(a)]));
  const f = new Map(after.map((a) => [a.meeting, key(a)]));
  return [...new Set([...b.keys(), ...f.keys()])].filter((m) => b.get(m) !== f.get(m)).sort();
}
