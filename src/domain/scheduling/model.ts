import { needsInterpreter, qualifies } from './check.ts';
import type { Problem } from './types.ts';

/**
 * The problem with every id replaced by an index and every static rule pre-computed, so
 * that the search works on typed arrays. Built once per solve.
 */
export interface Model {
  S: number;
  slotIds: string[];
  /** Day index of each slot; breaks never span two days. */
  dayOf: Int32Array;
  tables: Int32Array;
  fairness: number | null;
  P: number;
  pIds: string[];
  pMax: Int32Array;
  I: number;
  iIds: string[];
  /** iAvail[i * S + s] = 1 when interpreter i works in slot s. */
  iAvail: Uint8Array;
  M: number;
  mIds: string[];
  ma: Int32Array;
  mb: Int32Array;
  weight: Float64Array;
  required: Uint8Array;
  needs: Uint8Array;
  /** Interpreters qualified for each meeting (empty when none is needed). */
  qual: Int32Array[];
  /** Meetings with the same qualified interpreters share a group (-1: no interpreter needed). */
  qGroup: Int32Array;
  groups: number;
  /** Slots allowed by availability, allowedSlots, fixedSlot and interpreter availability. */
  cand: Int32Array[];
  candMask: Uint8Array;
  after: Int32Array[];
  /** Reverse of `after`: the meetings that must come later than this one. */
  before: Int32Array[];
  meetingsOf: Int32Array[];
  mIndex: Map<string, number>;
  sIndex: Map<string, number>;
  iIndex: Map<string, number>;
  /** Why each meeting has the candidate slots it has (for unscheduled reasons). */
  pAvail: Uint8Array;
}

const indexOf = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x, i) => [x.id, i]));

export function buildModel(problem: Problem): Model {
  const S = problem.slots.length;
  const sIndex = indexOf(problem.slots);
  const pIndex = indexOf(problem.participants);
  const interpreters = problem.interpreters ?? [];
  const iIndex = indexOf(interpreters);
  const dayIds = new Map<string, number>();
  const dayOf = Int32Array.from(problem.slots, (s) => {
    const d = s.day ?? '';
    if (!dayIds.has(d)) dayIds.set(d, dayIds.size);
    return dayIds.get(d)!;
  });
  const P = problem.participants.length;
  const pAvail = new Uint8Array(P * S).fill(1);
  problem.participants.forEach((p, i) => {
    for (const s of p.unavailable ?? []) pAvail[i * S + sIndex.get(s)!] = 0;
  });
  const I = interpreters.length;
  const iAvail = new Uint8Array(I * S).fill(1);
  interpreters.forEach((p, i) => {
    for (const s of p.unavailable ?? []) iAvail[i * S + sIndex.get(s)!] = 0;
  });
  const M = problem.meetings.length;
  const mIndex = indexOf(problem.meetings);
  const ma = Int32Array.from(problem.meetings, (m) => pIndex.get(m.participants[0])!);
  const mb = Int32Array.from(problem.meetings, (m) => pIndex.get(m.participants[1])!);
  const needs = new Uint8Array(M);
  // Meetings between the same two language lists share their qualified interpreters, and the
  // slots where one of them works: computed once per pair of lists (thousands of meetings, a
  // handful of pairs).
  const byLanguages = new Map<string, { qual: Int32Array; works: Uint8Array; group: number }>();
  const none = new Int32Array(0);
  const qualOf = problem.meetings.map((_, k) => {
    const la = problem.participants[ma[k]].languages;
    const lb = problem.participants[mb[k]].languages;
    if (!needsInterpreter(la, lb)) return null;
    needs[k] = 1;
    const key = `${la!.join(',')}|${lb!.join(',')}`;
    let entry = byLanguages.get(key);
    if (!entry) {
      const q = Int32Array.from(
        interpreters.flatMap((it, i) => (qualifies(it.languages, la!, lb!) ? [i] : [])),
      );
      const works = new Uint8Array(S);
      for (let s = 0; s < S; s++) works[s] = q.some((i) => iAvail[i * S + s]) ? 1 : 0;
      entry = { qual: q, works, group: byLanguages.size };
      byLanguages.set(key, entry);
    }
    return entry;
  });
  const qual = qualOf.map((e) => e?.qual ?? none);
  const qGroup = Int32Array.from(qualOf, (e) => e?.group ?? -1);
  const candMask = new Uint8Array(M * S);
  const cand = problem.meetings.map((m, k) => {
    const allowed = m.allowedSlots ? new Set(m.allowedSlots.map((s) => sIndex.get(s)!)) : null;
    const fixed = m.fixedSlot ? sIndex.get(m.fixedSlot)! : -1;
    const out: number[] = [];
    for (let s = 0; s < S; s++) {
      if (!pAvail[ma[k] * S + s] || !pAvail[mb[k] * S + s]) continue;
      if ((allowed && !allowed.has(s)) || (fixed >= 0 && fixed !== s)) continue;
      if (needs[k] && !qualOf[k]!.works[s]) continue;
      out.push(s);
      candMask[k * S + s] = 1;
    }
    return Int32Array.from(out);
  });
  const after = problem.meetings.map((m) => Int32Array.from((m.after ?? []).map((x) => mIndex.get(x)!)));
  const beforeLists: number[][] = Array.from({ length: M }, () => []);
  after.forEach((list, k) => {
    for (const x of list) beforeLists[x].push(k);
  });
  const meetingsOfLists: number[][] = Array.from({ length: P }, () => []);
  for (let k = 0; k < M; k++) {
    meetingsOfLists[ma[k]].push(k);
    meetingsOfLists[mb[k]].push(k);
  }
  return {
    S,
    slotIds: problem.slots.map((s) => s.id),
    dayOf,
    tables: Int32Array.from(problem.slots, (_, s) => problem.tablesPerSlot?.[s] ?? problem.tables),
    fairness: problem.fairness ?? null,
    P,
    pIds: problem.participants.map((p) => p.id),
    pMax: Int32Array.from(problem.participants, (p) => p.maxMeetings ?? 1 << 30),
    I,
    iIds: interpreters.map((i) => i.id),
    iAvail,
    M,
    mIds: problem.meetings.map((m) => m.id),
    ma,
    mb,
    weight: Float64Array.from(problem.meetings, (m) => m.weight ?? 1),
    required: Uint8Array.from(problem.meetings, (m) => (m.required ? 1 : 0)),
    needs,
    qual,
    qGroup,
    groups: byLanguages.size,
    cand,
    candMask,
    after,
    before: beforeLists.map((l) => Int32Array.from(l)),
    meetingsOf: meetingsOfLists.map((l) => Int32Array.from(l)),
    mIndex,
    sIndex,
    iIndex,
    pAvail,
  };
}
