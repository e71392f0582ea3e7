import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';

interface Entry {
  version: number;
  body: Uint8Array;
  headers: Record<string, string>;
}

/**
 * A cache of public read answers (atlas lists, details, statistics), valid while the data version
 * is unchanged. Every write bumps that version in its own transaction, on whichever server or CLI
 * process made it, so an answer is never served after the data it came from has changed. The
 * version is read before the answer is computed: a write racing with the computation only makes
 * the entry look older than it is, never newer.
 */
export class ReadCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly version: () => Promise<number>,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  private store(key: string, entry: Entry) {
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.byteLength;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
    // Oldest first out: a Map iterates in insertion order, and hits are re-inserted.
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.byteLength;
    }
  }

  middleware() {
    return createMiddleware<AppEnv>(async (c, next) => {
      if (c.req.method !== 'GET') return next();
      const key = c.req.url.slice(c.req.url.indexOf('/', 8));
      const version = await this.version();
      const hit = this.entries.get(key);
      if (hit && hit.version === version) {
        this.entries.delete(key);
        this.entries.set(key, hit);
        // A byte array through c.body takes the Node adapter's direct write path (no stream).
        return c.body(hit.body as Uint8Array<ArrayBuffer>, 200, { ...hit.headers, 'x-cache': 'hit' });
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
      this.store(key, { version, body, headers });
    });
  }
}
