import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insideGrid, overlaps, type PlacedBooth, placementProblems } from './floor.ts';

const hall = { id: 'h1', columns: 8, rows: 5 };
const booth = (id: string, code: string, x: number, y: number, w = 2, h = 2): PlacedBooth => ({
  id,
  code,
  hallId: 'h1',
  x,
  y,
  w,
  h,
});

describe('placing a booth', () => {
  it('accepts booths that touch and refuses one that shares a cell, outside the grid or a code in use', () => {
    const a = booth('a', 'A1', 0, 0);
    expect(placementProblems(booth('b', 'A2', 2, 0), hall, [a])).toEqual([]);
    expect(placementProblems(booth('b', 'A2', 1, 1), hall, [a]).map((p) => [p.path, p.code])).toEqual([
      ['x', 'overlap'],
    ]);
    expect(placementProblems(booth('b', 'A2', 7, 0), hall, [a]).map((p) => p.code)).toEqual(['outside_grid']);
    expect(placementProblems(booth('b', 'A2', 0, 4), hall, [a]).map((p) => p.path)).toEqual(['y']);
    expect(placementProblems(booth('b', ' a1', 4, 0), hall, [a]).map((p) => [p.path, p.code])).toEqual([
      ['code', 'code_taken'],
    ]);
    // Moving a booth onto its own old place is no clash with itself.
    expect(placementProblems(booth('a', 'A1', 1, 0), hall, [a])).toEqual([]);
    // Another hall's booths do not take this hall's cells.
    expect(placementProblems(booth('b', 'B1', 0, 0), hall, [{ ...a, hallId: 'h2' }])).toEqual([]);
  });

  it('never lets two accepted booths share a cell, nor one leave the grid', () => {
    const rect = fc.record({
      x: fc.integer({ min: -2, max: 9 }),
      y: fc.integer({ min: -2, max: 6 }),
      w: fc.integer({ min: 1, max: 4 }),
      h: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 20 }), (rects) => {
        const placed: PlacedBooth[] = [];
        rects.forEach((r, i) => {
          const b = booth(`b${i}`, `C${i}`, r.x, r.y, r.w, r.h);
          if (placementProblems(b, hall, placed).length === 0) placed.push(b);
        });
        for (const p of placed) expect(insideGrid(p, hall)).toBe(true);
        for (let i = 0; i < placed.length; i++)
          for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!)).toBe(false);
        // Cell by cell: the covered cells are the sum of the booths' areas (no cell twice).
        const cells = new Set(
          placed.flatMap((p) =>
            Array.from({ length: p.w * p.h }, (_, k) => `${p.x + (k % p.w)},${p.y + Math.floor(k / p.w)}`),
          ),
        );
        expect(cells.size).toBe(placed.reduce((n, p) => n + p.w * p.h, 0));
      }),
    );
  });
});
