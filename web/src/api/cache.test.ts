import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateAfterWrite, queryKeyOf, scopesOfWrite } from './cache.ts';

function clientWith(paths: string[]) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  for (const p of paths) client.setQueryData(queryKeyOf(p), { data: p, etag: null });
  return client;
}

/** The reads that still hold an answer. */
const cached = (client: QueryClient) =>
  client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.data !== undefined)
    .map((q) => q.queryKey.slice(0, -1).join('/') + (q.queryKey.at(-1) as string))
    .sort();

describe('the read cache', () => {
  it('keys reads by path segments, then the query string', () => {
    expect(queryKeyOf('/api/agreements/a%2Fb?q=x')).toEqual(['api', 'agreements', 'a/b', '?q=x']);
    expect(queryKeyOf('/api/agreements')).toEqual(['api', 'agreements', '']);
  });

  it('drops what an agreement write may have changed and keeps the rest', () => {
    const client = clientWith([
      '/api/agreements?q=x',
      '/api/agreements/a1',
      '/api/localities/VN-HUE',
      '/api/stats',
      '/api/audit?limit=25',
      '/api/forums',
      '/api/tokens',
    ]);
    invalidateAfterWrite('/api/agreements/a1', client);
    expect(cached(client)).toEqual(['api/forums', 'api/tokens']);
  });

  it('keeps the atlas when a token is made, and drops everything when who asks changes', () => {
    const client = clientWith(['/api/agreements', '/api/tokens', '/api/stats']);
    invalidateAfterWrite('/api/tokens', client);
    expect(cached(client)).toEqual(['api/agreements', 'api/stats']);
    invalidateAfterWrite('/api/auth/logout', client);
    expect(cached(client)).toEqual([]);
  });

  it('names no scope for a path outside the API', () => {
    expect(scopesOfWrite('/elsewhere')).toEqual([]);
  });
});
