import type { State } from './state.ts';
import type { KeptSchedule, Move } from './types.ts';

// Repair: a published schedule is the starting point, and every meeting that leaves its
// published slot costs (COST.moved in state.ts) more than any number of breaks and less than
// any weight, so the search moves a published meeting only to hold more meetings.

export interface KeepInfo {
  previous: Map<number, string>;
  /** Meetings whose published placement broke a rule of the new problem, with the rule. */
  forced: Map<number, string>;
  /** Published meetings that are no longer in the problem. */
  cancelled: { meeting: string; slot: string }[];
}

function whyNot(st: State, m: number, s: number): string | null {
  const md = st.model;
  const S = md.S;
  for (const p of [md.ma[m], md.mb[m]]) {
    if (!md.pAvail[p * S + s]) return `participant ${md.pIds[p]} is no longer available in ${md.slotIds[s]}`;
    const other = st.occ[p * S + s];
    if (other >= 0)
      return `participant ${md.pIds[p]} is also in meeting ${md.mIds[other]} in ${md.slotIds[s]}`;
    if (st.held[p] >= md.pMax[p])
      return `participant ${md.pIds[p]} now accepts at most ${md.pMax[p]} meetings`;
  }
  if (!md.candMask[m * S + s]) {
    return md.needs[m]
      ? `no qualified interpreter is available in ${md.slotIds[s]} any more`
      : `slot ${md.slotIds[s]} is no longer allowed for this meeting`;
  }
  if (st.count[s] >= md.tables[s]) return `slot ${md.slotIds[s]} now has only ${md.tables[s]} tables`;
  if (!st.precedenceOk(m, s)) return `it must now come after or before other meetings`;
  return null;
}

/** Places the published assignments that are still valid; records why the others cannot stay. */
export function applyKept(st: State, kept: KeptSchedule): KeepInfo {
  const md = st.model;
  const S = md.S;
  const info: KeepInfo = { previous: new Map(), forced: new Map(), cancelled: [] };
  for (const a of kept.assignments) {
    const m = md.mIndex.get(a.meeting);
    if (m === undefined) {
      info.cancelled.push({ meeting: a.meeting, slot: a.slot });
      continue;
    }
    info.previous.set(m, a.slot);
    const s = md.sIndex.get(a.slot);
    if (s === undefined) {
      info.forced.set(m, `slot ${a.slot} no longer exists`);
      continue;
    }
    st.keepSlot[m] = s;
    st.displaced++;
    const reason = whyNot(st, m, s);
    if (reason) {
      info.forced.set(m, reason);
      continue;
    }
    let interpreter = -1;
    if (md.needs[m]) {
      const same = a.interpreter ? md.iIndex.get(a.interpreter) : undefined;
      const sameOk =
        same !== undefined &&
        md.qual[m].includes(same) &&
        md.iAvail[same * S + s] &&
        st.iOcc[same * S + s] < 0;
      interpreter = sameOk ? same : st.findInterpreter(m, s);
      if (interpreter < 0) {
        info.forced.set(
          m,
          `interpreter ${a.interpreter ?? ''} is unavailable in ${a.slot} and no other qualified interpreter is free`,
        );
        continue;
      }
    }
    st.assign(m, s, interpreter, false);
  }
  st.journal.length = 0;
  return info;
}

/** The published meetings that moved, and why, in a form a forum desk can read out. */
export function movedMeetings(st: State, info: KeepInfo): Move[] {
  const md = st.model;
  const moves: Move[] = info.cancelled.map((c) => ({
    meeting: c.meeting,
    from: c.slot,
    to: null,
    reason: 'cancelled: no longer in the problem',
  }));
  for (const [m, from] of info.previous) {
    const s = st.slotOf[m];
    if (s >= 0 && md.slotIds[s] === from) continue;
    const forced = info.forced.get(m);
    const reason =
      forced ??
      (s < 0
        ? 'dropped so that meetings of more weight could be held'
        : 'moved so that more meetings could be held');
    moves.push({ meeting: md.mIds[m], from, to: s >= 0 ? md.slotIds[s] : null, reason });
  }
  return moves;
}
