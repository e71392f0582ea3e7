/**
 * The exhibition floor: booths are rectangles of whole cells on a hall's grid. A booth must lie
 * inside its hall, must not overlap another booth of the same hall (sharing an edge is fine), and
 * its code is unique in the forum. Pure: the caller passes the hall and the other booths.
 */

export interface Cells {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedBooth extends Cells {
  id: string;
  code: string;
  hallId: string;
}

export interface FloorProblem {
  path: string;
  code: 'outside_grid' | 'overlap' | 'code_taken';
  message: string;
}

/** Two rectangles of cells share at least one cell (touching edges do not). */
export const overlaps = (a: Cells, b: Cells): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The cells a rectangle covers lie within a grid of `columns` × `rows`, counted from 0. */
export const insideGrid = (c: Cells, grid: { columns: number; rows: number }): boolean =>
  c.x >= 0 && c.y >= 0 && c.w >= 1 && c.h >= 1 && c.x + c.w <= grid.columns && c.y + c.h <= grid.rows;

/**
 * Everything wrong with placing `booth` (new, or moved: `others` may hold its old self, which is
 * skipped by id) in `hall`, each at the field it concerns.
 * @example placementProblems({ id: 'b2', code: 'A1', hallId: 'h', x: 0, y: 0, w: 2, h: 2 }, { id: 'h', columns: 10, rows: 6 }, others)
 */
export function placementProblems(
  booth: PlacedBooth,
  hall: { id: string; columns: number; rows: number },
  others: readonly PlacedBooth[],
): FloorProblem[] {
  const problems: FloorProblem[] = [];
  if (!insideGrid(booth, hall)) {
    const path = booth.x + booth.w > hall.columns || booth.x < 0 ? 'x' : 'y';
    problems.push({
      path,
      code: 'outside_grid',
      message: `the booth (${booth.w}×${booth.h} at ${booth.x},${booth.y}) does not fit in the hall's ${hall.columns}×${hall.rows} grid`,
    });
  }
  const rest = others.filter((o) => o.id !== booth.id);
  const clash = rest.find((o) => o.hallId === booth.hallId && overlaps(o, booth));
  if (clash) problems.push({ path: 'x', code: 'overlap', message: `the booth overlaps booth ${clash.code}` });
  const norm = (s: string) => s.normalize('NFKC').trim().toUpperCase();
  if (rest.some((o) => norm(o.code) === norm(booth.code)))
    problems.push({ path: 'code', code: 'code_taken', message: `another booth has the code ${booth.code}` });
  return problems;
}
