import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type { Problem as ProblemSchema } from '../../../src/features/shared/schemas.ts';
import { invalidateAfterWrite, queryKeyOf } from './cache.ts';

/**
 * RFC 9457 problem details as the server sends them (its `Problem` schema); the client also
 * makes one for a network failure or a body that is not JSON, with only `status` and `code`.
 */
export type Problem = Partial<z.infer<typeof ProblemSchema>> & { status: number; code: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? problem.code);
  }
}

export interface ApiResult<T> {
  data: T;
  etag: string | null;
}

async function toProblem(res: Response): Promise<Problem> {
  try {
    const body = (await res.json()) as Partial<Problem>;
    return { ...body, status: res.status, code: body.code ?? `http.${res.status}` };
  } catch {
    return { status: res.status, code: res.status === 0 ? 'network' : `http.${res.status}` };
  }
}

/** Calls the JSON API on the same origin; throws ApiError with the problem details on failure. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; ifMatch?: string | null; signal?: AbortSignal } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.ifMatch) headers['if-match'] = init.ifMatch;
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, { status: 0, code: 'network' });
  }
  if (!res.ok) throw new ApiError(res.status, await toProblem(res));
  if (init.method && init.method !== 'GET' && init.method !== 'HEAD') invalidateAfterWrite(path);
  const data = res.status === 204 ? (undefined as T) : ((await res.json()) as T);
  return { data, etag: res.headers.get('etag') };
}

export interface Loaded<T> {
  data: T | null;
  etag: string | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Fetches `path` (null = nothing to fetch) through the shared query cache: a page opened again
 * shows what it read a moment ago at once, two components asking for the same path make one
 * request, and a write marks stale what it changed (`api/cache.ts`). While the path changes
 * (a filter), the previous answer stays on screen until the new one arrives.
 */
export function useApi<T>(path: string | null): Loaded<T> {
  const q = useQuery({
    queryKey: path === null ? ['none'] : queryKeyOf(path),
    queryFn: ({ signal }) => api<T>(path as string, { signal }),
    enabled: path !== null,
    placeholderData: keepPreviousData,
  });
  const { refetch } = q;
  const reload = useCallback(() => void refetch(), [refetch]);
  const error = q.error
    ? q.error instanceof ApiError
      ? q.error
      : new ApiError(0, { status: 0, code: 'network' })
    : null;
  return {
    data: error ? null : (q.data?.data ?? null),
    etag: q.data?.etag ?? null,
    error,
    loading: q.isFetching,
    reload,
  };
}

/** The same list URL asking for the whole filtered list as CSV (the server sends an attachment). */
export function csvUrl(listPath: string): string {
  const url = new URL(listPath, window.location.origin);
  url.searchParams.delete('cursor');
  url.searchParams.delete('limit');
  url.searchParams.set('format', 'csv');
  return `${url.pathname}${url.search}`;
}
