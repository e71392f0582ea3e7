import type { State } from './state.ts';

const MAX_CHAIN = 40;

/**
 * A Kempe-chain swap between two slots: m goes from its slot s1 to s2, the meetings in s2 that
 * share a participant with it go to s1, the meetings in s1 sharing one with those go to s2,
 * and so on. No participant is ever double-booked, so the move keeps every meeting held
 * while reshaping breaks (the classical move of timetabling). Journaled; false when closed.
 */
export function kempeSwap(st: State, m: number, s2: number): boolean {
  const md = st.model;
  const S = md.S;
  const s1 = st.slotOf[m];
  if (s1 < 0 || s1 === s2) return false;
  const toS2 = [m];
  const toS1: number[] = [];
  const seen = new Set<number>([m]);
  let i1 = 0;
  let i2 = 0;
  while (i1 < toS2.length || i2 < toS1.length) {
    if (toS2.length + toS1.length > MAX_CHAIN) return false;
    if (i1 < toS2.length) grow(st, toS2[i1++], s2, toS1, seen);
    else grow(st, toS1[i2++], s1, toS2, seen);
  }
  for (const x of toS2) if (!md.candMask[x * S + s2]) return false;
  for (const y of toS1) if (!md.candMask[y * S + s1]) return false;
  if (st.count[s1] - toS2.length + toS1.length > md.tables[s1]) return false;
  if (st.count[s2] - toS1.length + toS2.length > md.tables[s2]) return false;
  for (const x of [...toS2, ...toS1]) st.assign(x, -1, -1);
  return (
    place(st, toS2, s2) &&
    place(st, toS1, s1) &&
    [...toS2, ...toS1].every((x) => st.precedenceOk(x, st.slotOf[x]))
  );
}

function grow(st: State, x: number, target: number, into: number[], seen: Set<number>): void {
  const md = st.model;
  for (const p of [md.ma[x], md.mb[x]]) {
    const y = st.occ[p * md.S + target];
    if (y >= 0 && !seen.has(y)) {
      seen.add(y);
      into.push(y);
    }
  }
}

function place(st: State, meetings: number[], s: number): boolean {
  for (const x of meetings) {
    const i = st.findInterpreter(x, s);
    if (st.model.needs[x] && i < 0) return false;
    st.assign(x, s, i);
  }
  return true;
}
