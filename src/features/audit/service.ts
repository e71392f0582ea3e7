import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { parseJson } from '../shared/json.ts';
import { decodeCursor, invalidCursor, toPage } from '../shared/pagination.ts';
import { auditRepo, scopesRepo } from './repository.ts';

export const EntityType = z.enum([
  'agreement',
  'organization',
  'locality',
  'profile',
  'user',
  'token',
  'forum',
  'grant',
  'delegation',
  'invitation',
  'cycle',
  'project',
  'milestone',
  'report',
  'note',
  'meeting',
  'ceremony_item',
  'news',
  'annual_report',
]);
export type EntityType = z.infer<typeof EntityType>;

export interface Actor {
  id: string;
  email: string;
}

export const actorOf = (user: { id: string; email: string } | null): Actor | null =>
  user ? { id: user.id, email: user.email } : null;

/**
 * What a change touches. Whatever is computed from a scope (a cached answer, the matcher's index)
 * is valid while that scope's version is unchanged:
 * - `atlas`: localities, organisations, agreements, profiles (the public atlas and the matcher);
 * - `accounts`: users and tokens (nothing public depends on it);
 * - `forum:<id>`: one forum, its programme and releases;
 * - `followthrough`: cycles, projects, milestones, reports and notes (the dashboards).
 */
export type Scope = 'atlas' | 'accounts' | 'followthrough' | `forum:${string}`;

export const forumScope = (id: string): Scope => `forum:${id}`;

/** One line of the audit log. */
export interface AuditInput {
  actor: Actor | null;
  action: 'create' | 'update' | 'delete';
  entityType: EntityType;
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * The one way a write records itself, inside its own transaction: appends its audit entry (when
 * the log shows the change; a fix-up of the reference data may not) and bumps the version of
 * each scope it touches, on whichever server or CLI process made it. A change that rolls back
 * bumps nothing; readers compare versions, so nothing computed before the change is served after it.
 */
export async function recordChange(
  tx: Kysely<Database>,
  { scopes, audit = null }: { scopes: readonly Scope[]; audit?: AuditInput | null },
) {
  if (scopes.length === 0) throw new Error('a change touches at least one scope');
  if (audit) await insertAudit(tx, audit);
  await scopesRepo.bump(tx, scopes);
}

function insertAudit(db: Kysely<Database>, e: AuditInput) {
  return auditRepo.insert(db, {
    at: new Date().toISOString(),
    actor_id: e.actor?.id ?? null,
    actor_email: e.actor?.email ?? null,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
  });
}

/** The version of a scope (0 before its first change). */
export const scopeVersion = (db: Kysely<Database>, scope: Scope) => scopesRepo.version(db, scope);

export const AuditQuery = z.object({
  entityType: EntityType.optional(),
  entityId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.string(), email: z.string() }).nullable(),
    action: z.enum(['create', 'update', 'delete']),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });

/** Audit ids are positive 32-bit integers (serial on PostgreSQL): another key would be a 500 there. */
function beforeIdOf(cursor: string | undefined): number | undefined {
  const key = decodeCursor(cursor, 1);
  if (!key) return undefined;
  const id = key[0];
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw invalidCursor();
  return id;
}

export async function listAudit(db: Kysely<Database>, query: z.infer<typeof AuditQuery>) {
  const [rows, total] = await Promise.all([
    auditRepo.list(db, { ...query, beforeId: beforeIdOf(query.cursor), limit: query.limit + 1 }),
    auditRepo.count(db, query),
  ]);
  return toPage(
    rows,
    query.limit,
    total,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor_id ? { id: r.actor_id, email: r.actor_email ?? '' } : null,
      action: r.action as 'create' | 'update' | 'delete',
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: parseJson<unknown>(r.before, null),
      after: parseJson<unknown>(r.after, null),
    }),
  );
}

/** The id of the newest audit entry (0 when there is none): where a bulk load starts. */
export async function lastAuditId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/**
 * A bulk load by the system (the reference data) writes one audit entry per record; this
 * replaces the system's entries written after `afterId` by one summary entry, so the log shows
 * "reference data loaded: 102 localities, …" once instead of hundreds of lines. People's
 * changes (with an actor) made meanwhile are kept. Nothing is written when the load added nothing.
 */
export async function summariseSystemEntries(
  db: Kysely<Database>,
  afterId: number,
  summary: { entityId: string; after: Record<string, number> },
) {
  await db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom('audit_log')
      .where('id', '>', afterId)
      .where('actor_id', 'is', null)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0 && Object.values(summary.after).every((n) => n === 0)) return;
    await auditRepo.insert(tx, {
      at: new Date().toISOString(),
      actor_id: null,
      actor_email: null,
      action: 'create',
      entity_type: 'reference',
      entity_id: summary.entityId,
      before: null,
      after: JSON.stringify(summary.after),
    });
  });
}
