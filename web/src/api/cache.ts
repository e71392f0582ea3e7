import { QueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * The web app's read cache: TanStack Query's client, one per page load. Reads are keyed by the
 * API path's segments and then its query string (`/api/agreements/x?y=1` →
 * `['api', 'agreements', 'x', '?y=1']`), so a prefix names everything under a path.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A page opened again within half a minute shows what it read without asking again;
      // after that it shows it and asks again. Writes through `api()` mark their scopes stale at once.
      staleTime: 30_000,
      gcTime: 5 * 60_000,
      // A 404 or 403 is an answer, not a glitch: shown at once, never retried behind the user's back.
      retry: false,
      refetchOnWindowFocus: false,
    },
  },
});

export function queryKeyOf(path: string): QueryKey {
  const url = new URL(path, 'http://kizuna.invalid');
  return [...url.pathname.split('/').filter(Boolean).map(decodeURIComponent), url.search];
}

/** Which other reads embed what a feature writes (a locality's page lists its agreements…). */
const EMBEDDED_IN: Record<string, string[]> = {
  agreements: ['localities', 'organizations', 'stats', 'matches', 'profiles'],
  organizations: ['localities', 'agreements', 'stats', 'matches', 'profiles'],
  localities: ['organizations', 'agreements', 'stats', 'matches', 'profiles'],
  profiles: ['matches', 'localities', 'organizations'],
  users: [],
  tokens: [],
  forums: [],
  // Follow-through: a project's page and a cycle's dashboard show its milestones and reports.
  cycles: ['projects'],
  projects: ['cycles'],
  milestones: ['projects', 'cycles'],
  admin: [],
};

/**
 * The cached reads a successful write to `path` may have changed, as key prefixes: the
 * written feature, the reads that embed it, and the audit log (every write records an entry).
 * Sign-in and sign-out change who asks, so they reach every read (`['api']`).
 */
export function scopesOfWrite(path: string): QueryKey[] {
  const [root, feature] = queryKeyOf(path) as string[];
  if (root !== 'api' || !feature) return [];
  if (feature === 'auth') {
    const what = (queryKeyOf(path) as string[])[2];
    return what === 'password' ? [['api', 'auth']] : [['api']];
  }
  const embedded = EMBEDDED_IN[feature] ?? [];
  return [['api', feature], ...embedded.map((f) => ['api', f]), ['api', 'audit']];
}

/**
 * After a write, the reads it may have changed are forgotten: a page opened next asks the
 * server again and shows "Loading" meanwhile, never what is known to be out of date (the
 * detail page after its edit form), and the reads on screen are fetched again.
 */
export function invalidateAfterWrite(path: string, client: QueryClient = queryClient): void {
  for (const queryKey of scopesOfWrite(path)) void client.resetQueries({ queryKey });
}
