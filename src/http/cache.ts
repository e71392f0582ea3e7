import { createMiddleware } from 'hono/factory';
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { AppEnv } from './context.ts';

interface Entry {
  version: number;
  body: ArrayBuffer;
  headers: [string, string][];
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
    private readonly db: Kysely<Database>,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {
    // Compiled once: this query runs on every cached read, so its building cost counts.
    this.versionQuery = db.selectFrom('data_version').select('version').where('id', '=', 1).compile();
  }

  private readonly versionQuery: CompiledQuery<{ version: number }>;

  private async version(): Promise<number> {
    const { rows } = await this.db.executeQuery(this.versionQuery);
    return Number(rows[0]?.version ?? 0);
  }

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
        return new Response(hit.body, { status: 200, headers: [...hit.headers, ['x-cache', 'hit']] });
      }
      await next();
      if (c.res.status !== 200) return;
      const body = await c.res.clone().arrayBuffer();
      if (body.byteLength > 2 * 1024 * 1024) return;
      const headers = [...c.res.headers.entries()].filter(([name]) =>
        /^(content-type|etag|content-disposition)$/.test(name),
      );
      this.store(key, { version, body, headers });
    });
  }
}
