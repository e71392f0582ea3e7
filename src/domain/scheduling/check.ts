import type { Assignment, Objective, Problem } from './types.ts';

// An independent checker of every hard rule of the spec, written directly on the JSON
// formats and sharing no code with the solver, so that a solver bug cannot hide itself.

export interface CheckResult {
  violations: string[];
  objective: Objective;
}

const speaks = (langs: readonly string[] | null | undefined, lang: string): boolean =>
  !langs || langs.length === 0 || langs.includes(lang);

/** Two parties need an interpreter when both name languages and share none. */
export const needsInterpreter = (a?: readonly string[] | null, b?: readonly string[] | null): boolean =>
  !!a && !!b && a.length > 0 && b.length > 0 && !a.some((l) => b.includes(l));

/** An interpreter qualifies when it speaks a language of each side (no list: speaks all). */
export const qualifies = (
  langs: readonly string[] | null | undefined,
  a: readonly string[],
  b: readonly string[],
) => a.some((l) => speaks(langs, l)) && b.some((l) => speaks(langs, l));

/** Breaks of one participant: maximal idle runs between two of its meetings on the same day. */
export const countBreaks = (busy: readonly boolean[], day: readonly string[]): number => {
  let breaks = 0;
  let last = -1;
  for (let s = 0; s < busy.length; s++) {
    if (!busy[s]) continue;
    if (last >= 0 && day[last] === day[s] && s - last > 1) breaks++;
    last = s;
  }
  return breaks;
};

/**
 * Checks a schedule's assignments against every hard rule and recomputes its objective.
 * @example checkSchedule(problem, schedule).violations // [] when the schedule is valid
 */
export function checkSchedule(problem: Problem, schedule: { assignments: Assignment[] }): CheckResult {
  const v: string[] = [];
  const slotIndex = new Map(problem.slots.map((s, i) => [s.id, i]));
  const days = problem.slots.map((s) => s.day ?? '');
  const people = new Map(problem.participants.map((p) => [p.id, p]));
  const interpreters = new Map((problem.interpreters ?? []).map((i) => [i.id, i]));
  const meetings = new Map(problem.meetings.map((m) => [m.id, m]));
  const slotOf = new Map<string, number>();
  const seen = new Set<string>(); // participant|slot, interpreter|slot, table|slot
  const perSlot = new Array(problem.slots.length).fill(0);
  const busy = new Map<string, boolean[]>();
  const tableSeq = new Map<string, number[]>();
  const held = new Map<string, number>();
  let weight = 0;
  for (const a of schedule.assignments) {
    const m = meetings.get(a.meeting);
    const s = slotIndex.get(a.slot);
    if (!m) v.push(`assignment of unknown meeting ${a.meeting}`);
    if (s === undefined) v.push(`meeting ${a.meeting} in unknown slot ${a.slot}`);
    if (!m || s === undefined) continue;
    if (slotOf.has(m.id)) v.push(`meeting ${m.id} assigned twice`);
    slotOf.set(m.id, s);
    weight += m.weight ?? 1;
    perSlot[s]++;
    const limit = problem.tablesPerSlot?.[s] ?? problem.tables;
    if (!Number.isInteger(a.table) || a.table < 1 || a.table > limit) {
      v.push(`meeting ${m.id}: table ${a.table} outside 1..${limit}`);
    }
    if (seen.has(`t|${a.table}|${s}`)) v.push(`table ${a.table} used twice in slot ${a.slot}`);
    seen.add(`t|${a.table}|${s}`);
    if (m.allowedSlots && !m.allowedSlots.includes(a.slot))
      v.push(`meeting ${m.id} outside its allowed slots`);
    if (m.fixedSlot && m.fixedSlot !== a.slot) v.push(`meeting ${m.id} not in its fixed slot ${m.fixedSlot}`);
    for (const pid of m.participants) {
      const p = people.get(pid);
      if (p?.unavailable?.includes(a.slot))
        v.push(`participant ${pid} unavailable in ${a.slot} (meeting ${m.id})`);
      if (seen.has(`p|${pid}|${s}`)) v.push(`participant ${pid} in two meetings in slot ${a.slot}`);
      seen.add(`p|${pid}|${s}`);
      if (!busy.has(pid)) busy.set(pid, new Array(problem.slots.length).fill(false));
      busy.get(pid)![s] = true;
      if (!tableSeq.has(pid)) tableSeq.set(pid, new Array(problem.slots.length).fill(0));
      tableSeq.get(pid)![s] = a.table;
      held.set(pid, (held.get(pid) ?? 0) + 1);
    }
    checkInterpreter(problem, people, interpreters, m.id, m.participants, a, s, seen, v);
  }
  perSlot.forEach((n, s) => {
    const limit = problem.tablesPerSlot?.[s] ?? problem.tables;
    if (n > limit) v.push(`slot ${problem.slots[s].id} has ${n} meetings for ${limit} tables`);
  });
  for (const p of problem.participants) {
    if (p.maxMeetings != null && (held.get(p.id) ?? 0) > p.maxMeetings) {
      v.push(`participant ${p.id} holds ${held.get(p.id)} meetings, more than its maximum ${p.maxMeetings}`);
    }
  }
  for (const m of problem.meetings) {
    const s = slotOf.get(m.id);
    if (m.required && s === undefined) v.push(`required meeting ${m.id} not scheduled`);
    for (const before of m.after ?? []) {
      const t = slotOf.get(before);
      if (s !== undefined && t !== undefined && t >= s) v.push(`meeting ${m.id} not after meeting ${before}`);
    }
  }
  const breaks = [...busy.values()].map((b) => countBreaks(b, days));
  const spread = breaks.length ? Math.max(...breaks) - Math.min(...breaks) : 0;
  if (problem.fairness != null && spread > problem.fairness) {
    v.push(`breaks differ by ${spread} between participants, more than fairness ${problem.fairness}`);
  }
  const objective: Objective = {
    weight,
    meetings: slotOf.size,
    breaks: breaks.reduce((x, y) => x + y, 0),
    breakSpread: spread,
    tableChanges: countTableChanges(tableSeq),
  };
  return { violations: v, objective };
}

function checkInterpreter(
  problem: Problem,
  people: Map<string, Problem['participants'][number]>,
  interpreters: Map<string, NonNullable<Problem['interpreters']>[number]>,
  mid: string,
  pair: readonly [string, string],
  a: Assignment,
  s: number,
  seen: Set<string>,
  v: string[],
): void {
  const la = people.get(pair[0])?.languages;
  const lb = people.get(pair[1])?.languages;
  if (!needsInterpreter(la, lb)) {
    if (a.interpreter) v.push(`meeting ${mid} has an interpreter it does not need`);
    return;
  }
  if (!a.interpreter) return void v.push(`meeting ${mid} needs an interpreter and has none`);
  const i = interpreters.get(a.interpreter);
  if (!i) return void v.push(`meeting ${mid}: unknown interpreter ${a.interpreter}`);
  if (!qualifies(i.languages, la!, lb!)) v.push(`interpreter ${i.id} cannot interpret meeting ${mid}`);
  if (i.unavailable?.includes(problem.slots[s].id)) v.push(`interpreter ${i.id} unavailable in ${a.slot}`);
  if (seen.has(`i|${i.id}|${s}`)) v.push(`interpreter ${i.id} in two meetings in slot ${a.slot}`);
  seen.add(`i|${i.id}|${s}`);
}

/** A table change: a participant's table differs between two of its consecutive meetings. */
function countTableChanges(tableSeq: Map<string, number[]>): number {
  let changes = 0;
  for (const seq of tableSeq.values()) {
    let last = 0;
    for (const t of seq) {
      if (t === 0) continue;
      if (last !== 0 && t !== last) changes++;
      last = t;
    }
  }
  return changes;
}
