// A CNF under construction, with the cardinality encodings the breaks model uses (breaks.ts):
// at-most-one, Sinz's sequential counter, and totalizers (unary counts merged pairwise).

export class Cnf {
  vars = 0;
  readonly clauses: number[][] = [];
  fresh(): number {
    return ++this.vars;
  }
  add(...lits: number[]): void {
    this.clauses.push(lits);
  }
  /** At most one of `lits`: pairwise for a few, a ladder (sequential counter) beyond. */
  atMostOne(lits: number[]): void {
    if (lits.length <= 6) {
      for (let i = 0; i < lits.length; i++)
        for (let j = i + 1; j < lits.length; j++) this.add(-lits[i], -lits[j]);
      return;
    }
    this.atMost(lits, 1);
  }
  /** At most k of `lits` (Sinz's sequential counter). */
  atMost(lits: number[], k: number): void {
    const n = lits.length;
    if (k >= n) return;
    if (k === 0) {
      for (const l of lits) this.add(-l);
      return;
    }
    // r[i][j]: at least j+1 of the first i+1 literals are true.
    let prev: number[] = [];
    for (let i = 0; i < n; i++) {
      const cur: number[] = [];
      for (let j = 0; j < Math.min(k, i + 1); j++) cur.push(this.fresh());
      this.add(-lits[i], cur[0]);
      for (let j = 0; j < prev.length; j++) {
        this.add(-prev[j], cur[j]);
        if (j + 1 < cur.length) this.add(-lits[i], -prev[j], cur[j + 1]);
      }
      if (prev.length === k) this.add(-lits[i], -prev[k - 1]);
      prev = cur;
    }
  }
  /**
   * Merges two unary numbers (a[i] = "at least i+1") into one capped at `cap`: upward
   * clauses always, downward ones (so that the result is exact) when asked.
   */
  merge(a: number[], b: number[], cap: number, exact: boolean): number[] {
    const n = Math.min(a.length + b.length, cap);
    const r = Array.from({ length: n }, () => this.fresh());
    for (let i = 0; i <= a.length; i++) {
      for (let j = 0; j <= b.length; j++) {
        if (exact && i + j < n) {
          // a < i+1 and b < j+1 → r < i+j+1
          this.add(...[a[i] ?? 0, b[j] ?? 0].filter((l) => l !== 0), -r[i + j]);
        }
        if (i + j === 0) continue;
        const up = [-(a[i - 1] ?? 0), -(b[j - 1] ?? 0)].filter((l) => l !== 0);
        this.add(...up, r[Math.min(i + j, n) - 1]);
      }
    }
    return r;
  }
  /**
   * At most k of `lits` by a totalizer, counting whichever is smaller: the true literals (cap
   * k+1) or, when k is near the number of literals, the false ones (at least n−k of them).
   */
  atMostCounted(lits: number[], k: number): void {
    const n = lits.length;
    if (k >= n) return;
    if (k <= n - k) {
      const c = this.count(lits, k + 1, false);
      this.add(-c[k]);
    } else {
      // Exact, since "at least" needs the downward clauses.
      const c = this.count(
        lits.map((l) => -l),
        n - k,
        true,
      );
      this.add(c[n - k - 1]);
    }
  }
  /** A unary count of `lits` (totalizer), capped at `cap`. */
  count(lits: number[], cap: number, exact: boolean): number[] {
    if (lits.length === 0) return [];
    if (lits.length === 1) return [lits[0]];
    const mid = lits.length >> 1;
    return this.merge(
      this.count(lits.slice(0, mid), cap, exact),
      this.count(lits.slice(mid), cap, exact),
      cap,
      exact,
    );
  }
}
