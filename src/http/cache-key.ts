import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { CacheKey } from './cache.ts';

type Definitions = OpenAPIHono['openAPIRegistry']['definitions'];

interface Route {
  pattern: RegExp;
  query: z.ZodType | null;
  params: number;
}

/** Longer than any valid query of ours (a search is at most 200 characters): not worth keeping. */
const MAX_KEY = 2048;
/** URLs whose key is remembered: at most 2,000 of at most 512 characters (about 2 MB at worst). */
const MEMO_ENTRIES = 2000;
const MEMO_URL = 512;

/**
 * Cache keys from the GET routes' own query schemas (the OpenAPI registry the routes were declared
 * in): the path and the query as the route will see it after validation, with its keys sorted.
 * Unknown parameters are dropped by the schema, so they make no new entry; a query the route will
 * refuse (400) gets no key and is never cached.
 */
export function validatedQueryKey(definitions: () => Definitions, prefix: string): CacheKey {
  let known: Route[] | null = null;
  // Read on the first request: the middleware is registered before the routes are.
  const routesOf = () => (known ??= routesIn(definitions(), prefix));
  // The key of each recent URL, so that a hit does not validate its query again: bounded in
  // entries and in URL length, and emptied when full (a flood of new URLs only empties it).
  const recent = new Map<string, string | null>();
  const computeKey = (c: Context) => {
    const path = c.req.path;
    if (path.length > MAX_KEY) return null;
    const route = routesOf().find((r) => r.pattern.test(path));
    if (!route) return null;
    if (!route.query) return path;
    // What hono's validator passes the schema: one value per name, an array when repeated.
    const raw = Object.fromEntries(
      Object.entries(c.req.queries()).map(([k, v]) => (v.length === 1 ? [k, v[0]] : [k, v])),
    );
    const parsed = route.query.safeParse(raw);
    if (!parsed.success) return null;
    const data = parsed.data as Record<string, unknown>;
    const key = `${path}?${JSON.stringify(
      Object.keys(data)
        .sort()
        .map((k) => [k, data[k]]),
    )}`;
    return key.length > MAX_KEY ? null : key;
  };
  return (c: Context) => {
    const url = c.req.url;
    if (url.length > MEMO_URL) return computeKey(c);
    let key = recent.get(url);
    if (key === undefined) {
      key = computeKey(c);
      if (recent.size >= MEMO_ENTRIES) recent.clear();
      recent.set(url, key);
    }
    return key;
  };
}

function routesIn(definitions: Definitions, prefix: string): Route[] {
  const routes: Route[] = [];
  for (const d of definitions) {
    if (d.type !== 'route' || d.route.method !== 'get') continue;
    const path = prefix + d.route.path;
    const source = path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    routes.push({
      pattern: new RegExp(`^${source}$`),
      query: (d.route.request?.query as z.ZodType) ?? null,
      params: path.split('{').length - 1,
    });
  }
  // A literal segment wins over a parameter (`/agreements/stats` before `/agreements/{id}`).
  return routes.sort((a, b) => a.params - b.params);
}
