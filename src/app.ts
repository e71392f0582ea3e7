import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { sql } from 'kysely';
import { AppError, fieldErrorsFromZod, problemBody, validationError } from './errors.ts';
import { grantRoutes } from './features/accounts/grant-routes.ts';
import { authenticate } from './features/accounts/middleware.ts';
import { accountRoutes } from './features/accounts/routes.ts';
import { agreementRoutes } from './features/agreements/routes.ts';
import { atlasRoutes } from './features/atlas/routes.ts';
import { forumScope, type Scope } from './features/audit/service.ts';
import { ceremonyRoutes } from './features/ceremony/routes.ts';
import { followThroughRoutes } from './features/followthrough/routes.ts';
import { delegationRoutes } from './features/forums/delegations/routes.ts';
import { forumEditingRoutes } from './features/forums/editing/routes.ts';
import { forumRoutes } from './features/forums/routes.ts';
import { localityRoutes } from './features/localities/routes.ts';
import { meetingRoutes } from './features/meetings/routes.ts';
import { newsRoutes } from './features/news/routes.ts';
import { organizationRoutes } from './features/organizations/routes.ts';
import { profileRoutes } from './features/profiles/routes.ts';
import { withActions } from './http/actions.ts';
import { type CacheLimits, ReadCache } from './http/cache.ts';
import { validatedQueryKey } from './http/cache-key.ts';
import { type AppEnv, clockOf, type Deps } from './http/context.ts';
import { headKeepsHeaders } from './http/head.ts';
import { bodyless, unstorableText, wellFormedInput } from './http/input.ts';
import { Metrics } from './http/metrics.ts';
import { metricsGuard } from './http/metrics-guard.ts';
import { isPage } from './http/pages.ts';
import { securityHeaders } from './http/security.ts';
import { jobRoutes } from './platform/jobs/routes.ts';
import { outboxRoutes } from './platform/mail/routes.ts';

export interface AppOptions {
  /** Folder of the built web app, served at / with index.html for client routes. */
  webDist?: string | null;
  /** Cache public read answers until the data changes (off to measure the uncached path), within these limits. */
  cache?: boolean | CacheLimits;
  /** A secret that also opens /metrics (`Authorization: Bearer …`), for a scraper without an account. */
  metricsToken?: string | null;
}

const MAX_BODY = 1024 * 1024;
/** A cycle's dashboard: its schedule health and default period depend on the day, so its key does. */
const FT_DASHBOARD = /^\/api\/cycles\/[^/]+$/;
/** Routes that take an upload as their body: `POST …/files` (src/platform/storage). */
const UPLOAD_ROUTE = /\/files$/;
/**
 * The public reads that the read cache keeps, with the scopes their answers are computed from:
 * the atlas, statistics, profiles and matches depend on the atlas; the sector list on nothing.
 */
const CACHED: readonly (readonly [RegExp, readonly Scope[]])[] = [
  [/^\/api\/(?:(?:localities|organizations|agreements)(?:\/|$)|(?:stats|matches)$|profiles\/)/, ['atlas']],
  [/^\/api\/sectors$/, []],
  // Follow-through's public dashboard (party names come from the atlas); kept per day, below.
  [FT_DASHBOARD, ['followthrough', 'atlas']],
];
/**
 * A forum's public reads (the forum, its published programme, programme.ics, schedule.json)
 * depend on that forum's scope only: a release, an edit or a delegation of that forum replaces
 * them, nothing else does. The path is matched as Hono decodes it (`%2D` is `-`), so the scope
 * read is the one the route's id writes; an id with any other character is not cached.
 */
const FORUM_READ =
  /^\/api\/forums\/([a-z0-9][a-z0-9.-]{0,99})(?:\/(?:programme|programme\.ics|schedule\.json))?$/;
const cachedScopes = (path: string): readonly Scope[] | null => {
  const forum = FORUM_READ.exec(path);
  if (forum) return [forumScope(forum[1])];
  return CACHED.find(([route]) => route.test(path))?.[1] ?? null;
};

/** Builds the whole HTTP application: API, documentation, health, metrics and the web app. */
export function createApp(
  deps: Deps,
  { webDist = null, cache = true, metricsToken = null }: AppOptions = {},
) {
  const metrics = new Metrics();
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        throw validationError(
          fieldErrorsFromZod(result.error, targetPrefix(result.target)),
          c.req.method === 'GET' ? 'query' : 'request',
        );
    },
  });

  app.onError((err, c) => {
    const appError = toAppError(err);
    if (appError.status >= 500) deps.logger.error({ err, path: c.req.path }, 'request failed');
    return c.json(problemBody(appError, c.req.path), appError.status as 400, {
      'content-type': 'application/problem+json',
      ...(appError.retryAfter !== undefined ? { 'retry-after': String(appError.retryAfter) } : {}),
    });
  });
  app.notFound((c) => {
    const err = new AppError('not_found', `no route for ${c.req.method} ${c.req.path}`);
    return c.json(problemBody(err, c.req.path), 404, { 'content-type': 'application/problem+json' });
  });

  app.use('*', metrics.middleware());
  app.use('*', securityHeaders);
  const limitBody = bodyLimit({
    maxSize: MAX_BODY,
    onError: () => {
      throw new AppError('request.too_large', `request bodies are limited to ${MAX_BODY} bytes`);
    },
  });
  // A GET or HEAD body means nothing and nothing reads it (wellFormedInput neither), so those skip the
  // limit: looking for a body makes the Node adapter build a full undici Request with an
  // AbortController, which was a third of the server's time on a cached read.
  // An upload route (its path ends in /files) reads its body through the upload module, with the
  // upload limit (UPLOAD_MAX_BYTES) instead of this one. A JSON body keeps this limit everywhere
  // (wellFormedInput reads JSON bodies whole).
  const isUpload = (c: { req: { path: string; header: (n: string) => string | undefined } }) =>
    UPLOAD_ROUTE.test(c.req.path) && !/json/i.test(c.req.header('content-type') ?? '');
  app.use('/api/*', (c, next) => (bodyless(c.req.method) || isUpload(c) ? next() : limitBody(c, next)));
  app.use('/api/*', wellFormedInput);
  app.use('/api/*', authenticate(deps));
  app.use('/api/*', withActions(deps.db.db));
  const api = new OpenAPIHono<AppEnv>({ defaultHook: app.defaultHook });
  const readCache = cache ? new ReadCache(deps.db.scopeVersion, cache === true ? {} : cache) : null;
  if (readCache) {
    const queryKey = validatedQueryKey(() => api.openAPIRegistry.definitions, '/api');
    const clock = clockOf(deps);
    const keyOf = (c: Parameters<typeof queryKey>[0]) => {
      const key = queryKey(c);
      return key && FT_DASHBOARD.test(c.req.path) ? `${key}@${clock.now().toISOString().slice(0, 10)}` : key;
    };
    app.use('/api/*', readCache.middleware(cachedScopes, keyOf));
    metrics.gauge(
      'kizuna_read_cache_entries',
      'Answers held by the read cache.',
      () => readCache.stats().entries,
    );
    metrics.gauge(
      'kizuna_read_cache_bytes',
      'Bytes held by the read cache (keys, heads and bodies).',
      () => readCache.stats().bytes,
    );
  }

  for (const routes of [
    localityRoutes,
    organizationRoutes,
    agreementRoutes,
    atlasRoutes,
    accountRoutes,
    grantRoutes,
    profileRoutes,
    forumRoutes,
    forumEditingRoutes,
    delegationRoutes,
    meetingRoutes,
    followThroughRoutes,
    ceremonyRoutes,
    newsRoutes,
    outboxRoutes,
    jobRoutes,
  ])
    api.route('/', routes(deps));
  app.route('/api', api);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Kizuna API',
      version: '1',
      description:
        'The cooperation atlas of Vietnamese and Japanese localities: localities, organisations, agreements, accounts. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
  });

  app.get('/healthz', async (c) => {
    await sql`select 1`.execute(deps.db.db);
    return c.json({ status: 'ok', engine: deps.db.engine });
  });
  app.get('/metrics', metricsGuard(deps, metricsToken), (c) =>
    c.text(metrics.render(), 200, {
      'content-type': 'text/plain; version=0.0.4',
      'cache-control': 'no-store',
    }),
  );
  mountDocs(app);
  if (webDist) mountWeb(app, webDist);
  headKeepsHeaders(app);
  return app;
}

const targetPrefix = (target: string) =>
  target === 'json' ? '' : target === 'param' ? 'path' : target === 'query' ? 'query' : target;

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const text = unstorableText(err);
  if (text) return text;
  if (err instanceof HTTPException) {
    if (err.status === 400)
      return new AppError('request.malformed_json', `the body is not valid JSON: ${err.message}`);
    if (err.status === 413) return new AppError('request.too_large', err.message);
    if (err.status === 415) return new AppError('request.unsupported_media_type', err.message);
    return new AppError('validation.invalid', err.message);
  }
  if (isConstraintViolation(err)) {
    return new AppError(
      'conflict',
      'the change conflicts with another change made at the same moment; reload and try again',
    );
  }
  return new AppError('internal', 'an unexpected error occurred; it has been logged');
}

/**
 * A foreign-key or uniqueness violation that a service's checks could not prevent: two requests
 * racing (an organisation deleted while an agreement naming it is created). Nothing was written.
 */
function isConstraintViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (/^SQLITE_CONSTRAINT_(FOREIGNKEY|PRIMARYKEY|UNIQUE)$/.test(code) || code === '23503' || code === '23505')
  );
}

/** The API reference, served from the swagger-ui-dist package: no CDN, works offline. */
function mountDocs(app: OpenAPIHono<AppEnv>) {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kizuna API reference</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body></html>`;
  app.get('/docs', (c) => c.html(page));
  app.get('/docs/init.js', (c) =>
    c.body("window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true });", 200, {
      'content-type': 'text/javascript',
    }),
  );
  app.get('/docs/assets/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}', (c) => {
    const file = c.req.param('file');
    const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    return c.body(readFileSync(join(dist, file)), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    });
  });
}

/**
 * The built web app: hashed assets cached for a year and sent precompressed (the build writes
 * .br and .gz beside them); any other GET that is not the API answers index.html, re-read when
 * a rebuild replaces it so a running server never points at assets that are gone.
 */
function mountWeb(app: OpenAPIHono<AppEnv>, dist: string) {
  const indexPath = join(dist, 'index.html');
  let index = { mtimeMs: 0, html: '' };
  const currentIndex = () => {
    const { mtimeMs } = statSync(indexPath);
    if (mtimeMs !== index.mtimeMs) index = { mtimeMs, html: readFileSync(indexPath, 'utf8') };
    return index.html;
  };
  app.use(
    '/assets/*',
    serveStatic({
      root: dist,
      precompressed: true,
      onFound: (_p, c) => {
        c.header('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root: dist, precompressed: true }));
  // Only what may be a page of the web app gets index.html; `/.env`, `/api/…`, `/x.php` get a 404.
  app.get('*', (c) => (isPage(c.req.path) ? c.html(currentIndex()) : c.notFound()));
}
