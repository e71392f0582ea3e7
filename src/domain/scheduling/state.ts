import type { Model } from './model.ts';

/** Cost weights of the search: weight dominates, then moved published meetings, then breaks. */
export const COST = { required: 1e7, weight: 1000, moved: 50, unfair: 20, break: 1, idle: 0.1 } as const;

/**
 * A mutable schedule with incremental occupancy, breaks and objective, and a journal so
 * that a tentative move can be undone exactly (the search tries far more moves than it keeps).
 */
export class State {
  readonly slotOf: Int32Array;
  readonly interpOf: Int32Array;
  /** occ[p * S + s]: the meeting participant p holds in slot s, or -1. */
  readonly occ: Int32Array;
  readonly iOcc: Int32Array;
  readonly count: Int32Array;
  readonly members: Int32Array;
  readonly memberPos: Int32Array;
  readonly held: Int32Array;
  readonly brk: Int32Array;
  /** Idle slots inside each participant's breaks: guides the search towards fewer breaks. */
  readonly idle: Int32Array;
  /** How many participants holding meetings have each number of breaks (for fairness). */
  readonly hist: Int32Array;
  /** Slot of each meeting in the kept (published) schedule, or -1. */
  readonly keepSlot: Int32Array;
  readonly journal: number[] = [];
  weight = 0;
  reqMissing: number;
  breaks = 0;
  idleSlots = 0;
  displaced = 0;
  /** Every assign counts: the search's effort budget, proportional to time yet deterministic. */
  work = 0;
  private readonly width: number;
  private readonly visit: Int32Array;
  private stamp = 0;
  /** Bumped whenever an interpreter's assignment in a slot changes. */
  private readonly iVersion: Int32Array;
  /** Interpreters available and not yet working, per slot: none left means no augmenting path. */
  private readonly iFree: Int32Array;
  /** failedAt[g * S + s]: the slot's version when no augmenting path existed for group g. */
  private readonly failedAt: Int32Array;
  private readonly totalWeight: number;

  constructor(readonly model: Model) {
    const { M, P, S, I } = model;
    this.slotOf = new Int32Array(M).fill(-1);
    this.interpOf = new Int32Array(M).fill(-1);
    this.occ = new Int32Array(P * S).fill(-1);
    this.iOcc = new Int32Array(I * S).fill(-1);
    this.count = new Int32Array(S);
    this.width = Math.max(1, Math.min(M, Math.max(0, ...model.tables)));
    this.members = new Int32Array(S * this.width);
    this.memberPos = new Int32Array(M);
    this.held = new Int32Array(P);
    this.brk = new Int32Array(P);
    this.idle = new Int32Array(P);
    this.hist = new Int32Array(S + 1);
    this.keepSlot = new Int32Array(M).fill(-1);
    this.visit = new Int32Array(I);
    this.iVersion = new Int32Array(S);
    this.iFree = new Int32Array(S);
    for (let i = 0; i < I; i++) for (let s = 0; s < S; s++) this.iFree[s] += model.iAvail[i * S + s];
    this.failedAt = new Int32Array(Math.max(1, model.groups) * S).fill(-1);
    this.reqMissing = model.required.reduce((a, b) => a + b, 0);
    this.totalWeight = model.weight.reduce((a, b) => a + b, 0);
  }

  /** Breaks over the spread allowed by the fairness rule (0 when it holds). */
  fairExcess(): number {
    const d = this.model.fairness;
    if (d == null) return 0;
    let lo = -1;
    let hi = -1;
    for (let b = 0; b < this.hist.length; b++) {
      if (this.hist[b] === 0) continue;
      if (lo < 0) lo = b;
      hi = b;
    }
    return lo < 0 ? 0 : Math.max(0, hi - lo - d);
  }

  cost(): number {
    return (
      this.reqMissing * COST.required +
      (this.totalWeight - this.weight) * COST.weight +
      this.displaced * COST.moved +
      this.fairExcess() * COST.unfair +
      this.breaks * COST.break +
      this.idleSlots * COST.idle
    );
  }

  /** Whether meeting m may go to slot s now, apart from its interpreter. */
  canPlace(m: number, s: number): boolean {
    const { model: md, occ } = this;
    const S = md.S;
    const a = md.ma[m];
    const b = md.mb[m];
    if (!md.candMask[m * S + s]) return false;
    if ((occ[a * S + s] >= 0 && occ[a * S + s] !== m) || (occ[b * S + s] >= 0 && occ[b * S + s] !== m))
      return false;
    if (this.slotOf[m] !== s && this.count[s] >= md.tables[s]) return false;
    if (this.slotOf[m] < 0 && (this.held[a] >= md.pMax[a] || this.held[b] >= md.pMax[b])) return false;
    return this.precedenceOk(m, s);
  }

  precedenceOk(m: number, s: number): boolean {
    for (const x of this.model.after[m]) if (this.slotOf[x] >= s) return false;
    for (const y of this.model.before[m]) if (this.slotOf[y] >= 0 && this.slotOf[y] <= s) return false;
    return true;
  }

  /**
   * A free qualified interpreter for m in slot s, found by an augmenting path: interpreters
   * of other meetings in s may be swapped (journaled) to free one. -1 when the matching is full.
   */
  findInterpreter(m: number, s: number): number {
    if (!this.model.needs[m]) return -1;
    // Whether a path exists depends only on the meeting's group and the slot's interpreters:
    // a failure stays valid until an interpreter's assignment in the slot changes.
    const key = this.model.qGroup[m] * this.model.S + s;
    if (this.iFree[s] === 0 || this.failedAt[key] === this.iVersion[s]) return -1;
    this.stamp++;
    const i = this.augment(m, s);
    if (i < 0) this.failedAt[key] = this.iVersion[s];
    return i;
  }

  private augment(m: number, s: number): number {
    const { model: md, iOcc } = this;
    const S = md.S;
    for (const i of md.qual[m]) {
      if (md.iAvail[i * S + s] && iOcc[i * S + s] < 0) return i;
    }
    // Kuhn's augmenting path: each interpreter is tried once per search (the stamp).
    for (const i of md.qual[m]) {
      if (!md.iAvail[i * S + s] || this.visit[i] === this.stamp) continue;
      this.visit[i] = this.stamp;
      const other = iOcc[i * S + s];
      const j = this.augment(other, s);
      if (j >= 0) {
        this.assign(other, s, j);
        return i;
      }
    }
    return -1;
  }

  /** Moves meeting m to slot s (-1: unscheduled) with interpreter i, updating everything. */
  assign(m: number, s: number, i: number, log = true): void {
    const old = this.slotOf[m];
    const oldI = this.interpOf[m];
    this.work++;
    if (log) this.journal.push(m, old, oldI);
    const S = this.model.S;
    if (old === s) {
      if (oldI >= 0) this.iOcc[oldI * S + s] = -1;
      if (i >= 0) this.iOcc[i * S + s] = m;
      this.interpOf[m] = i;
      if (s >= 0 && oldI !== i) {
        this.iVersion[s]++;
        this.iFree[s] += (oldI >= 0 ? 1 : 0) - (i >= 0 ? 1 : 0);
      }
      return;
    }
    const a = this.model.ma[m];
    const b = this.model.mb[m];
    this.leave(a);
    this.leave(b);
    if (old >= 0) this.unplace(m, old, oldI);
    if (s >= 0) this.place(m, s, i);
    this.enter(a);
    this.enter(b);
    if (this.keepSlot[m] >= 0)
      this.displaced += (s !== this.keepSlot[m] ? 1 : 0) - (old !== this.keepSlot[m] ? 1 : 0);
  }

  private unplace(m: number, s: number, i: number): void {
    const { model: md } = this;
    const S = md.S;
    this.occ[md.ma[m] * S + s] = -1;
    this.occ[md.mb[m] * S + s] = -1;
    if (i >= 0) {
      this.iOcc[i * S + s] = -1;
      this.iVersion[s]++;
      this.iFree[s]++;
    }
    const last = this.members[s * this.width + this.count[s] - 1];
    this.members[s * this.width + this.memberPos[m]] = last;
    this.memberPos[last] = this.memberPos[m];
    this.count[s]--;
    this.held[md.ma[m]]--;
    this.held[md.mb[m]]--;
    this.weight -= md.weight[m];
    if (md.required[m]) this.reqMissing++;
    this.slotOf[m] = -1;
    this.interpOf[m] = -1;
  }

  private place(m: number, s: number, i: number): void {
    const { model: md } = this;
    const S = md.S;
    this.occ[md.ma[m] * S + s] = m;
    this.occ[md.mb[m] * S + s] = m;
    if (i >= 0) {
      this.iOcc[i * S + s] = m;
      this.iVersion[s]++;
      this.iFree[s]--;
    }
    this.members[s * this.width + this.count[s]] = m;
    this.memberPos[m] = this.count[s];
    this.count[s]++;
    this.held[md.ma[m]]++;
    this.held[md.mb[m]]++;
    this.weight += md.weight[m];
    if (md.required[m]) this.reqMissing--;
    this.slotOf[m] = s;
    this.interpOf[m] = i;
  }

  private leave(p: number): void {
    if (this.held[p] > 0) this.hist[this.brk[p]]--;
    this.breaks -= this.brk[p];
    this.idleSlots -= this.idle[p];
  }

  private enter(p: number): void {
    const { S, dayOf } = this.model;
    let breaks = 0;
    let idle = 0;
    let last = -1;
    for (let s = 0, base = p * S; s < S; s++) {
      if (this.occ[base + s] < 0) continue;
      if (last >= 0 && s - last > 1 && dayOf[last] === dayOf[s]) {
        breaks++;
        idle += s - last - 1;
      }
      last = s;
    }
    this.brk[p] = breaks;
    this.idle[p] = idle;
    this.idleSlots += idle;
    this.breaks += breaks;
    if (this.held[p] > 0) this.hist[breaks]++;
  }

  /** Change of the break and idle cost of participant p if it also met in slot s (no mutation). */
  addedCost(p: number, s: number): number {
    const { S, dayOf } = this.model;
    let breaks = 0;
    let idle = 0;
    let last = -1;
    for (let t = 0, base = p * S; t < S; t++) {
      if (this.occ[base + t] < 0 && t !== s) continue;
      if (last >= 0 && t - last > 1 && dayOf[last] === dayOf[t]) {
        breaks++;
        idle += t - last - 1;
      }
      last = t;
    }
    return (breaks - this.brk[p]) * COST.break + (idle - this.idle[p]) * COST.idle;
  }

  member(s: number, k: number): number {
    return this.members[s * this.width + k];
  }

  /** Undoes every change journaled after `mark`. */
  rollback(mark: number): void {
    const j = this.journal;
    while (j.length > mark) {
      const i = j.pop()!;
      const s = j.pop()!;
      const m = j.pop()!;
      this.assign(m, s, i, false);
    }
  }

  snapshot(): { slotOf: Int32Array; interpOf: Int32Array } {
    return { slotOf: this.slotOf.slice(), interpOf: this.interpOf.slice() };
  }

  restore(snap: { slotOf: Int32Array; interpOf: Int32Array }): void {
    for (let m = 0; m < this.model.M; m++) if (this.slotOf[m] >= 0) this.assign(m, -1, -1, false);
    for (let m = 0; m < this.model.M; m++) {
      if (snap.slotOf[m] >= 0) this.assign(m, snap.slotOf[m], snap.interpOf[m], false);
    }
    this.journal.length = 0;
  }
}
