import type { Model } from './model.ts';

/**
 * Table numbers for a fixed slot assignment. Any ≤ L meetings of a slot fit on tables 1..L,
 * so this only serves the third objective: a meeting keeps the table one of its participants
 * sat at last, when that table is still free in its slot.
 */
export function assignTables(model: Model, slotOf: Int32Array): Int32Array {
  const { S, M } = model;
  const table = new Int32Array(M);
  const lastTable = new Int32Array(model.P);
  const bySlot: number[][] = Array.from({ length: S }, () => []);
  for (let m = 0; m < M; m++) if (slotOf[m] >= 0) bySlot[slotOf[m]].push(m);
  for (let s = 0; s < S; s++) {
    const used = new Set<number>();
    const limit = model.tables[s];
    const rest: number[] = [];
    for (const m of bySlot[s]) {
      const wish = [lastTable[model.ma[m]], lastTable[model.mb[m]]].find(
        (t) => t > 0 && t <= limit && !used.has(t),
      );
      if (wish) {
        table[m] = wish;
        used.add(wish);
      } else rest.push(m);
    }
    let next = 1;
    for (const m of rest) {
      while (used.has(next)) next++;
      table[m] = next;
      used.add(next);
    }
    for (const m of bySlot[s]) {
      lastTable[model.ma[m]] = table[m];
      lastTable[model.mb[m]] = table[m];
    }
  }
  return table;
}
