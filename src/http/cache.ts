import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';
import { type SecuredHeaders, securedResponse, withSecurityHeaders } from './security.ts';

type Encoding = 'br' | 'gzip';

interface Entry {
  /** The versions of the route's scopes, read before the answer was computed. */
  versions: number[];
  /** The answer as computed, and compressed once when it is worth it (null: sent as is). */
  body: Uint8Array;
  br: Uint8Array | null;
  gzip: Uint8Array | null;
  /** The complete head of a hit in each encoding, made once. */
  heads: Record<Encoding | 'identity', SecuredHeaders>;
  /** What the entry holds in memory: its key, bodies and heads, and a fixed overhead. */
  bytes: number;
}

/**
 * The cache key of a request, or null when it must not be cached (a query the route will refuse).
 * Built from the validated query, never the raw URL: parameters the route does not know are left
 * out, so a stranger cannot make a new entry by adding `pad=<15 KB>` to a URL.
 */
export type CacheKey = (c: Context<AppEnv>) => string | null;

/**
 * The scopes of data a cached path's answer is computed from (`atlas`, `forum:<id>`, …), or null
 * for a path the cache leaves alone. An entry is served while those scopes' versions stand.
 */
export type CacheScopes = (path: string) => readonly string[] | null;

export interface CacheLimits {
  /** Bytes of every entry together, keys and heads included. */
  maxBytes?: number;
  /** Entries, whatever their size. */
  maxEntries?: number;
}

/** The Map slot, the entry object, three head objects and the Uint8Array wrappers: measured at about 1 KB. */
const ENTRY_OVERHEAD = 1024;
/** A JS string may take two bytes per character. */
const stringBytes = (s: string) => 2 * s.length;
const headBytes = (h: Readonly<Record<string, string>>) => {
  let n = 0;
  for (const k in h) n += stringBytes(k) + stringBytes(h[k]);
  return n;
};

/** Below this, compression saves too little to pay for the header and the client's work. */
const COMPRESS_FROM = 1024;
/** Brotli quality 5 takes about 1 ms for 100 KB of JSON, and gets within 15% of quality 11 (125 ms). */
const BROTLI = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
};

/**
 * The encoding to send for an Accept-Encoding header (RFC 9110 §12.5.3): brotli or gzip when
 * the client accepts it (q > 0, named or through `*`), brotli when both are equally welcome;
 * null sends the answer uncompressed.
 */
export function pickEncoding(accept: string | undefined): Encoding | null {
  if (!accept) return null;
  let br = -1;
  let gzip = -1;
  let any = -1;
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const weight = Number.isFinite(q) ? q : 0;
    if (name === 'br') br = weight;
    else if (name === 'gzip' || name === 'x-gzip') gzip = weight;
    else if (name === '*') any = weight;
  }
  if (br < 0) br = any;
  if (gzip < 0) gzip = any;
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
}

/**
 * A cache of public read answers (atlas lists, details, statistics), each valid while the
 * versions of the scopes its route depends on are unchanged. Every write bumps the scopes it
 * touches in its own transaction (`recordChange`), on whichever server or CLI process made it,
 * so an answer is never served after the data it came from has changed, and a change to another
 * scope (a sign-in, a token, a forum) leaves it in place. The versions are read before the answer
 * is computed: a write racing with the computation only makes the entry look older than it is,
 * never newer.
 *
 * Answers to a signed-in caller are neither looked up nor stored: they may depend on who asks
 * (what the caller may do), and a shared entry must hold only what a visitor would see.
 *
 * Each answer is compressed once, when it is stored (brotli and gzip), and a client that accepts
 * one of them gets those bytes: a list of 50 is 30–45 KB of JSON and 3–5 KB compressed, and at
 * cached rates the server's work is mostly writing bytes. Every cached answer says
 * `Vary: Accept-Encoding`.
 */
export class ReadCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  readonly maxBytes: number;
  readonly maxEntries: number;

  constructor(
    private readonly version: (scope: string) => Promise<number>,
    { maxBytes = 64 * 1024 * 1024, maxEntries = 10_000 }: CacheLimits = {},
  ) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
  }

  /** How many entries and bytes the cache holds now (exposed in /metrics). */
  stats() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private store(key: string, entry: Entry) {
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    // Oldest first out: a Map iterates in insertion order, and hits are re-inserted.
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  /**
   * The cache for anonymous GETs of the paths `scopesOf` names (one middleware: registered per
   * path, it ran twice on some), keyed by `keyOf`.
   */
  middleware(scopesOf: CacheScopes, keyOf: CacheKey) {
    return createMiddleware<AppEnv>(async (c, next) => {
      // What a signed-in caller is answered may depend on who asks (the `actions` on a record):
      // such answers are neither served from nor stored in the shared cache.
      if (c.req.method !== 'GET' || c.get('user')) return next();
      const scopes = scopesOf(c.req.path);
      if (scopes === null) return next();
      const key = keyOf(c);
      if (key === null) return next();
      // One scope is the common case: read it without building a Promise.all.
      const versions =
        scopes.length === 1 ? [await this.version(scopes[0])] : await Promise.all(scopes.map(this.version));
      const hit = this.entries.get(key);
      if (hit && sameVersions(hit.versions, versions)) {
        this.entries.delete(key);
        this.entries.set(key, hit);
        const encoding = hit.br ? pickEncoding(c.req.header('accept-encoding')) : null;
        const body = encoding === 'br' ? hit.br! : encoding === 'gzip' ? hit.gzip! : hit.body;
        return securedResponse(body, 200, hit.heads[encoding ?? 'identity']);
      }
      await next();
      if (c.res.status !== 200) return;
      const body = new Uint8Array(await c.res.clone().arrayBuffer());
      if (body.byteLength > 2 * 1024 * 1024) return;
      const headers = Object.fromEntries(
        [...c.res.headers.entries()].filter(([name]) =>
          /^(content-type|etag|content-disposition)$/.test(name),
        ),
      );
      const compress = body.byteLength >= COMPRESS_FROM;
      const br = compress ? brotliCompressSync(body, BROTLI) : null;
      const gzip = compress ? gzipSync(body) : null;
      const head = (bytes: Uint8Array | null, encoding?: Encoding) =>
        withSecurityHeaders({
          ...headers,
          ...(encoding ? { 'content-encoding': encoding } : {}),
          'content-length': String(bytes?.byteLength ?? body.byteLength),
          vary: 'Accept-Encoding',
          'x-cache': 'hit',
        });
      const entry: Entry = {
        versions,
        body,
        br,
        gzip,
        heads: { identity: head(body), br: head(br, 'br'), gzip: head(gzip, 'gzip') },
        bytes: 0,
      };
      entry.bytes =
        ENTRY_OVERHEAD +
        stringBytes(key) +
        body.byteLength +
        (br?.byteLength ?? 0) +
        (gzip?.byteLength ?? 0) +
        headBytes(entry.heads.identity) +
        headBytes(entry.heads.br) +
        headBytes(entry.heads.gzip);
      this.store(key, entry);
      c.res = firstAnswer(c, entry);
    });
  }
}

const sameVersions = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** A first answer, sent as the next ones will be (the handler's other headers are kept). */
function firstAnswer(c: Context<AppEnv>, e: Entry): Response {
  const encoding = e.br ? pickEncoding(c.req.header('accept-encoding')) : null;
  const body = encoding === 'br' ? e.br! : encoding === 'gzip' ? e.gzip! : e.body;
  const headers: Record<string, string> = { vary: 'Accept-Encoding', 'x-cache': 'miss' };
  if (encoding) headers['content-encoding'] = encoding;
  return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
}
