import { AppError } from '../../errors.ts';
import { wellFormed } from '../../http/text.ts';

/**
 * Keyset cursors: the sort key of the last item of a page, opaque to clients. Keyset (not
 * offset) pagination keeps deep pages as fast as the first on 100,000 rows.
 */
export const encodeCursor = (key: (string | number)[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      // A string with NUL or a lone surrogate is no key of ours, and PostgreSQL would refuse it
      // in the query while SQLite answered: refused alike on both.
      key.every((k) => (typeof k === 'string' && wellFormed(k)) || typeof k === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

export const invalidCursor = () =>
  new AppError('validation.invalid', 'cursor is not one this server gave out', [
    { path: 'cursor', message: 'unknown cursor', code: 'invalid_cursor' },
  ]);

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells whether more follow. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  total: number,
  key: (r: R) => (string | number)[],
  map: (r: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return {
    items: kept.map(map),
    total,
    nextCursor: more && kept.length ? encodeCursor(key(kept[kept.length - 1])) : null,
  };
}
