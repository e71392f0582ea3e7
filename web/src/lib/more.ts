import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { Page } from '../api/types.ts';

export interface More<T> {
  /** The items fetched so far, after the ones the page had already. */
  items: T[];
  /** The cursor of the next page, null when the list is complete. */
  cursor: string | null;
  loading: boolean;
  error: ApiError | null;
  more: () => void;
}

/**
 * The rest of a cursor list whose first items came with another answer (a locality's detail
 * embeds its newest agreements and the cursor that continues them in `/api/agreements`).
 * `more()` fetches the next page of `listPath` and appends it.
 */
export function useMore<T>(listPath: string, firstCursor: string | null, pageSize = 25): More<T> {
  const [state, setState] = useState<Omit<More<T>, 'more'>>({
    items: [],
    cursor: firstCursor,
    loading: false,
    error: null,
  });
  const more = () => {
    const cursor = state.cursor;
    if (!cursor || state.loading) return;
    setState((s) => ({ ...s, loading: true, error: null }));
    const url = new URL(listPath, window.location.origin);
    url.searchParams.set('limit', String(pageSize));
    url.searchParams.set('cursor', cursor);
    api<Page<T>>(`${url.pathname}${url.search}`).then(
      ({ data }) =>
        setState((s) => ({
          items: [...s.items, ...data.items],
          cursor: data.nextCursor,
          loading: false,
          error: null,
        })),
      (err: unknown) =>
        setState((s) => ({
          ...s,
          loading: false,
          error: err instanceof ApiError ? err : new ApiError(0, { status: 0, code: 'network' }),
        })),
    );
  };
  return { ...state, more };
}
