import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { type Action, actionsOn, can, type Principal, type RecordRef, withParent } from './policy.ts';

type Q = Kysely<Database>;

/** The kinds of record whose permissions a caller can ask about. */
export const PermissionType = z.enum([
  'locality',
  'organization',
  'agreement',
  'forum',
  'delegation',
  'project',
]);
export type PermissionType = z.infer<typeof PermissionType>;

const MAX_IDS = 200;

/**
 * The policy's view of many records of one kind, read in one query: a locality's parent, an
 * organisation's locality, an agreement's parties (and their organisations' localities). Ids that
 * name nothing are left out. These reads cross into the atlas's and the forums' tables on purpose:
 * the policy is the one place that needs every record's owners, and it only reads.
 */
export async function recordRefs(
  db: Q,
  type: PermissionType,
  ids: string[],
): Promise<Map<string, RecordRef>> {
  const unique = [...new Set(ids)].slice(0, MAX_IDS);
  const out = new Map<string, RecordRef>();
  if (!unique.length) return out;
  if (type === 'locality') {
    const rows = await db
      .selectFrom('localities')
      .select(['code', 'parent_code'])
      .where('code', 'in', unique)
      .execute();
    for (const r of rows) out.set(r.code, { type, code: r.code, parentCode: r.parent_code });
  } else if (type === 'organization') {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'locality_code'])
      .where('id', 'in', unique)
      .execute();
    for (const r of rows) out.set(r.id, { type, id: r.id, localityCode: r.locality_code });
  } else if (type === 'project') {
    const rows = await db
      .selectFrom('ft_project_parties')
      .leftJoin('localities', 'localities.code', 'ft_project_parties.locality_code')
      .leftJoin('organizations', 'organizations.id', 'ft_project_parties.organization_id')
      .select([
        'ft_project_parties.project_id as id',
        'ft_project_parties.locality_code as locality',
        'localities.parent_code as parent',
        'ft_project_parties.organization_id as organization',
        'organizations.locality_code as orgLocality',
      ])
      .where('ft_project_parties.project_id', 'in', unique)
      .execute();
    for (const r of rows) {
      const ref = out.get(r.id) ?? { type: 'project' as const, partyKeys: [] as string[] };
      if (ref.type !== 'project') continue;
      if (r.locality) ref.partyKeys.push(...withParent(r.locality), ...(r.parent ? [r.parent] : []));
      if (r.organization)
        ref.partyKeys.push(r.organization, ...(r.orgLocality ? withParent(r.orgLocality) : []));
      out.set(r.id, ref);
    }
  } else if (type === 'forum') {
    const rows = await db.selectFrom('forums').select('id').where('id', 'in', unique).execute();
    for (const r of rows) out.set(r.id, { type, id: r.id });
  } else if (type === 'delegation') {
    const rows = await db
      .selectFrom('forum_delegations')
      .select(['id', 'forum_id'])
      .where('id', 'in', unique)
      .execute();
    for (const r of rows) out.set(r.id, { type, id: r.id, forumId: r.forum_id });
  } else {
    const rows = await db
      .selectFrom('agreements')
      .leftJoin('agreement_parties', 'agreement_parties.agreement_id', 'agreements.id')
      .leftJoin('localities', 'localities.code', 'agreement_parties.locality_code')
      .leftJoin('organizations', 'organizations.id', 'agreement_parties.organization_id')
      .select([
        'agreements.id as id',
        'agreement_parties.locality_code as locality',
        'localities.parent_code as parent',
        'agreement_parties.organization_id as organization',
        'organizations.locality_code as orgLocality',
      ])
      .where('agreements.id', 'in', unique)
      .execute();
    for (const r of rows) {
      const ref = out.get(r.id) ?? { type: 'agreement' as const, partyKeys: [] as string[] };
      if (ref.type !== 'agreement') continue;
      if (r.locality) ref.partyKeys.push(r.locality, ...(r.parent ? [r.parent] : []));
      if (r.organization)
        ref.partyKeys.push(r.organization, ...(r.orgLocality ? withParent(r.orgLocality) : []));
      out.set(r.id, ref);
    }
  }
  return out;
}

/** "Which of these ids may this account act on": one query, then the policy. */
export async function permittedIds(
  db: Q,
  user: Principal | null,
  action: Action,
  type: PermissionType,
  ids: string[],
): Promise<string[]> {
  if (!user) return [];
  const refs = await recordRefs(db, type, ids);
  return [...refs].filter(([, ref]) => can(user, action, ref)).map(([id]) => id);
}

/** Every action the account may take on each record (what answers carry as `actions`). */
export async function actionsFor(
  db: Q,
  user: Principal | null,
  type: PermissionType,
  ids: string[],
): Promise<Map<string, Action[]>> {
  const out = new Map<string, Action[]>();
  if (!user) return out;
  for (const [id, ref] of await recordRefs(db, type, ids)) out.set(id, actionsOn(user, ref));
  return out;
}
