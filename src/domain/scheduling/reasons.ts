import type { Model } from './model.ts';
import type { State } from './state.ts';

/** Why a meeting has no possible slot at all, whatever the rest of the schedule. */
function staticReason(md: Model, m: number): string {
  const S = md.S;
  const a = md.ma[m];
  const b = md.mb[m];
  const [pa, pb] = [md.pIds[a], md.pIds[b]];
  let both = 0;
  for (let s = 0; s < S; s++) if (md.pAvail[a * S + s] && md.pAvail[b * S + s]) both++;
  if (both === 0) return `participants ${pa} and ${pb} have no available slot in common`;
  if (md.needs[m] && md.qual[m].length === 0) {
    return `${pa} and ${pb} share no language and no interpreter speaks a language of each`;
  }
  if (md.needs[m]) {
    return `no qualified interpreter is available in a slot where ${pa} and ${pb} are both available and the meeting is allowed`;
  }
  return `the meeting's allowed or fixed slot is not one where ${pa} and ${pb} are both available`;
}

/**
 * A sentence a person understands, saying what blocks an unscheduled meeting in the final
 * schedule: the participants' other meetings, full tables, busy interpreters, limits.
 */
export function unscheduledReason(st: State, m: number): string {
  const md = st.model;
  const S = md.S;
  if (md.cand[m].length === 0) return staticReason(md, m);
  const a = md.ma[m];
  const b = md.mb[m];
  for (const p of [a, b]) {
    if (st.held[p] >= md.pMax[p])
      return `participant ${md.pIds[p]} already holds its maximum of ${md.pMax[p]} meetings`;
  }
  const blocked = { a: 0, b: 0, tables: 0, interpreters: 0, order: 0 };
  for (const s of md.cand[m]) {
    if (st.occ[a * S + s] >= 0) blocked.a++;
    else if (st.occ[b * S + s] >= 0) blocked.b++;
    else if (st.count[s] >= md.tables[s]) blocked.tables++;
    else if (!st.precedenceOk(m, s)) blocked.order++;
    else blocked.interpreters++;
  }
  const parts = [
    blocked.a && `${md.pIds[a]} is in other meetings in ${blocked.a}`,
    blocked.b && `${md.pIds[b]} is in other meetings in ${blocked.b}`,
    blocked.tables && `all tables are taken in ${blocked.tables}`,
    blocked.interpreters && `every qualified interpreter is busy in ${blocked.interpreters}`,
    blocked.order && `the required order with other meetings rules out ${blocked.order}`,
  ].filter(Boolean);
  const n = md.cand[m].length;
  return `no free slot: of the ${n} slot${n > 1 ? 's' : ''} where ${md.pIds[a]} and ${md.pIds[b]} could meet, ${parts.join('; ')}`;
}
