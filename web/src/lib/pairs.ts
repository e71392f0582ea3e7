import { useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { Agreement, Locality, LocalitySummary, Page } from '../api/types.ts';
import { kindFromCode } from './labels.ts';

export interface Pair {
  vn: LocalitySummary;
  jp: LocalitySummary;
  agreements: Pick<Agreement, 'id' | 'title' | 'kind' | 'parties' | 'signedOn' | 'status'>[];
}

// The map and the whole-network graph need every locality and every partnership at once.
// Until the API offers an aggregate, we walk the paginated lists at the maximum page size;
// the cap keeps a runaway dataset from freezing the tab.
const MAX_PAGES = 50;

async function all<T>(path: string, signal: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const url: string = `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { data }: { data: Page<T> } = await api<Page<T>>(url, { signal });
    out.push(...data.items);
    cursor = data.nextCursor;
    if (!cursor) break;
  }
  return out;
}

/** One pair per (Vietnamese locality, Japanese locality) that are parties to the same agreement. */
export function pairsOf(agreements: Agreement[]): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const a of agreements) {
    const locs = a.parties.filter((p) => p.type === 'locality');
    for (const v of locs.filter((p) => p.country === 'VN')) {
      for (const j of locs.filter((p) => p.country === 'JP')) {
        const key = `${v.code}|${j.code}`;
        let pair = pairs.get(key);
        if (!pair) {
          pair = {
            vn: { code: v.code, country: 'VN', kind: kindFromCode(v.code), name: v.name },
            jp: { code: j.code, country: 'JP', kind: kindFromCode(j.code), name: j.name },
            agreements: [],
          };
          pairs.set(key, pair);
        }
        pair.agreements.push(a);
      }
    }
  }
  return [...pairs.values()];
}

export interface NetworkData {
  localities: Locality[];
  pairs: Pair[];
}

export function useNetwork(withLocalities: boolean) {
  const [state, setState] = useState<{ data: NetworkData | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  useEffect(() => {
    const ctl = new AbortController();
    Promise.all([
      withLocalities ? all<Locality>('/api/localities', ctl.signal) : Promise.resolve([]),
      all<Agreement>('/api/agreements', ctl.signal),
    ]).then(
      ([localities, agreements]) =>
        setState({ data: { localities, pairs: pairsOf(agreements) }, error: null, loading: false }),
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(0, { status: 0, code: 'network' });
        setState({ data: null, error, loading: false });
      },
    );
    return () => ctl.abort();
  }, [withLocalities]);
  return state;
}
