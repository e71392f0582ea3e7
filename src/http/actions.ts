import { createMiddleware } from 'hono/factory';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { actionsFor, type PermissionType } from '../features/accounts/records.ts';
import type { AppEnv } from './context.ts';

/**
 * What the caller may do with each record of an answer, as `actions` (["update", "delete"]), so
 * that the web app shows Edit and Delete only to those who may. Added here, in one place, to the
 * reads of the records the policy knows: a detail answer gets `actions` on itself, a list answer on
 * each item. Only for a signed-in caller: a visitor's answer has no `actions` and stays the same
 * for everyone (the shared read cache keeps it; a signed-in caller's answer never enters it).
 *
 * The permissions of every record of an answer are read in one query (`actionsFor`).
 */
const READS: { path: RegExp; type: PermissionType; list: boolean; key: 'id' | 'code' }[] = [
  { path: /^\/api\/localities$/, type: 'locality', list: true, key: 'code' },
  { path: /^\/api\/localities\/[^/]+$/, type: 'locality', list: false, key: 'code' },
  { path: /^\/api\/organizations$/, type: 'organization', list: true, key: 'id' },
  { path: /^\/api\/organizations\/[^/]+$/, type: 'organization', list: false, key: 'id' },
  { path: /^\/api\/agreements$/, type: 'agreement', list: true, key: 'id' },
  { path: /^\/api\/agreements\/[^/]+$/, type: 'agreement', list: false, key: 'id' },
  { path: /^\/api\/forums$/, type: 'forum', list: true, key: 'id' },
  { path: /^\/api\/forums\/[^/]+$/, type: 'forum', list: false, key: 'id' },
];
/** A profile's actions are its owner's (a locality or an organisation). */
const PROFILE = /^\/api\/profiles\/[^/]+$/;

type Json = Record<string, unknown>;

export const withActions = (db: Kysely<Database>) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const user = c.get('user');
    if (!user || c.req.method !== 'GET' || c.res.status !== 200) return;
    if (!/json/.test(c.res.headers.get('content-type') ?? '')) return;
    const path = c.req.path;
    const read = READS.find((r) => r.path.test(path));
    const profile = !read && PROFILE.test(path);
    if (!read && !profile) return;
    const body = (await c.res.clone().json()) as Json;
    if (read) {
      const records = read.list ? ((body.items as Json[] | undefined) ?? []) : [body];
      const ids = records.map((r) => r[read.key]).filter((k): k is string => typeof k === 'string');
      const actions = await actionsFor(db, user, read.type, ids);
      for (const r of records) r.actions = actions.get(r[read.key] as string) ?? [];
    } else {
      const owner = body.owner as { id?: string; type?: PermissionType } | undefined;
      if (!owner?.id || !owner.type) return;
      const actions = await actionsFor(db, user, owner.type, [owner.id]);
      // Editing a profile is updating its owner; deleting a profile is not a thing.
      body.actions = (actions.get(owner.id) ?? []).filter((a) => a === 'update');
    }
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    headers.set('cache-control', 'private, no-store');
    c.res = new Response(JSON.stringify(body), { status: 200, headers });
  });
