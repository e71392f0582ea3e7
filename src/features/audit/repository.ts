import type { Kysely } from 'kysely';
import type { Database, NewAuditEntry } from '../../db/types.ts';

type Q = Kysely<Database>;

export const auditRepo = {
  insert: async (db: Q, entry: NewAuditEntry) => {
    await db.insertInto('audit_log').values(entry).execute();
  },
  list: (db: Q, f: { entityType?: string; entityId?: string; beforeId?: number; limit: number }) => {
    let q = db.selectFrom('audit_log').selectAll();
    if (f.entityType) q = q.where('entity_type', '=', f.entityType);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  },
  count: async (db: Q, f: { entityType?: string; entityId?: string }) => {
    let q = db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
    if (f.entityType) q = q.where('entity_type', '=', f.entityType);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },
};

export const scopesRepo = {
  /**
   * Adds one to each scope's version, making the row of a scope seen for the first time. In a
   * fixed order, so that two transactions bumping the same scopes on PostgreSQL wait for each
   * other instead of deadlocking.
   */
  bump: async (db: Q, scopes: readonly string[]) => {
    for (const scope of [...new Set(scopes)].sort())
      await db
        .insertInto('change_scopes')
        .values({ scope, version: 1 })
        .onConflict((oc) =>
          oc.column('scope').doUpdateSet((eb) => ({ version: eb('change_scopes.version', '+', 1) })),
        )
        .execute();
  },
  version: async (db: Q, scope: string) =>
    Number(
      (await db.selectFrom('change_scopes').select('version').where('scope', '=', scope).executeTakeFirst())
        ?.version ?? 0,
    ),
};
