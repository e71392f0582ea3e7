import type { Model } from './model.ts';

// Proofs that the required meetings cannot all be held, smallest first. Each check is a
// necessary condition, so a reason returned here is a proof; finding none proves nothing.

const list = (ids: string[]): string =>
  ids.length <= 2 ? ids.join(' and ') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;

/**
 * Earliest and latest slot of each required meeting once precedences among required meetings
 * are propagated (a chain of k meetings needs k distinct, increasing slots).
 */
function propagateWindows(md: Model): { lo: Int32Array; hi: Int32Array; failed: number } {
  const lo = Int32Array.from(md.cand, (c) => (c.length ? c[0] : md.S));
  const hi = Int32Array.from(md.cand, (c) => (c.length ? c[c.length - 1] : -1));
  for (let round = 0; round <= md.M; round++) {
    let changed = false;
    for (let m = 0; m < md.M; m++) {
      if (!md.required[m]) continue;
      for (const x of md.after[m]) {
        if (!md.required[x]) continue;
        if (lo[m] <= lo[x]) {
          lo[m] = lo[x] + 1;
          changed = true;
        }
        if (hi[x] >= hi[m]) {
          hi[x] = hi[m] - 1;
          changed = true;
        }
      }
    }
    for (let m = 0; m < md.M; m++) if (md.required[m] && lo[m] > hi[m]) return { lo, hi, failed: m };
    if (!changed) break;
  }
  return { lo, hi, failed: -1 };
}

const slotsIn = (md: Model, m: number, lo: Int32Array, hi: Int32Array): number[] =>
  Array.from(md.cand[m]).filter((s) => s >= lo[m] && s <= hi[m]);

/** Hall's condition on one participant: k required meetings whose slots fit in fewer than k slots. */
function participantHall(md: Model, lo: Int32Array, hi: Int32Array): string | null {
  for (let p = 0; p < md.P; p++) {
    const req = Array.from(md.meetingsOf[p]).filter((m) => md.required[m]);
    if (req.length > md.pMax[p]) {
      return `participant ${md.pIds[p]} has ${req.length} required meetings but at most ${md.pMax[p]} allowed`;
    }
    const slots = new Map(req.map((m) => [m, new Set(slotsIn(md, m, lo, hi))]));
    for (const m of req) {
      const mine = slots.get(m)!;
      const inside = req.filter((x) => [...slots.get(x)!].every((s) => mine.has(s)));
      if (inside.length > mine.size) {
        const group = inside.sort((x, y) => slots.get(x)!.size - slots.get(y)!.size).slice(0, mine.size + 1);
        const where =
          mine.size === 0
            ? 'no slot'
            : `only ${mine.size} slot(s) (${[...mine].map((s) => md.slotIds[s]).join(', ')})`;
        return `required meetings ${list(group.map((x) => md.mIds[x]))} ${group.length === 2 ? 'both' : 'all'} need participant ${md.pIds[p]} and ${where} where it can meet them`;
      }
    }
  }
  return null;
}

/** More required meetings pinned to one slot than it has tables. */
function slotCapacity(md: Model, lo: Int32Array, hi: Int32Array): string | null {
  const pinned: number[][] = Array.from({ length: md.S }, () => []);
  for (let m = 0; m < md.M; m++) {
    if (!md.required[m]) continue;
    const slots = slotsIn(md, m, lo, hi);
    if (slots.length === 1) pinned[slots[0]].push(m);
  }
  for (let s = 0; s < md.S; s++) {
    if (pinned[s].length > md.tables[s]) {
      return `required meetings ${list(pinned[s].map((m) => md.mIds[m]))} can only be held in slot ${md.slotIds[s]}, which has ${md.tables[s]} tables`;
    }
  }
  return null;
}

/** The smallest reason found why the required meetings cannot all be held, or null. */
export function findInfeasibility(md: Model): string | null {
  for (let m = 0; m < md.M; m++) {
    if (md.required[m] && md.cand[m].length === 0) {
      return `required meeting ${md.mIds[m]} has no slot where ${md.pIds[md.ma[m]]} and ${md.pIds[md.mb[m]]} are both available${md.needs[m] ? ' with a qualified interpreter' : ''} and which its slot rules allow`;
    }
  }
  const { lo, hi, failed } = propagateWindows(md);
  if (failed >= 0) {
    return `required meeting ${md.mIds[failed]} cannot fit between the required meetings it must follow and precede (a chain longer than the slots that allow it, or a cycle)`;
  }
  return participantHall(md, lo, hi) ?? slotCapacity(md, lo, hi);
}
