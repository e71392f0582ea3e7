import type { Kysely } from 'kysely';
import type { Database, NewAuditEntry } from '../../db/types.ts';

type Q = Kysely<Database>;

export const auditRepo = {
  /**
   * Every change writes one audit line, in the transaction of the change; the same moment bumps
   * the data version, so that no cached answer outlives the data it was computed from.
   */
  insert: async (db: Q, entry: NewAuditEntry) => {
    await db.insertInto('audit_log').values(entry).execute();
    await db
      .updateTable('data_version')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', 1)
      .execute();
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
