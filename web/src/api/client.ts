import { useCallback, useEffect, useState } from 'react';

/** RFC 9457 problem details as the server sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code: string;
  errors?: { path: string; message: string; code: string }[];
}

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

/** Fetches `path` (null = nothing to fetch) and refetches when it changes; aborts stale requests. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({
    data: null,
    etag: null,
    error: null,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the reload trigger
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    api<T>(path, { signal: ctl.signal }).then(
      (r) => setState({ data: r.data, etag: r.etag, error: null, loading: false }),
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(0, { status: 0, code: 'network' });
        setState({ data: null, etag: null, error, loading: false });
      },
    );
    return () => ctl.abort();
  }, [path, tick]);
  return { ...state, reload };
}

/** The same list URL asking for the whole filtered list as CSV (the server sends an attachment). */
export function csvUrl(listPath: string): string {
  const url = new URL(listPath, window.location.origin);
  url.searchParams.delete('cursor');
  url.searchParams.delete('limit');
  url.searchParams.set('format', 'csv');
  return `${url.pathname}${url.search}`;
}
