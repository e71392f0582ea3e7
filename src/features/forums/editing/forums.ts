/**
 * An admin creates a forum; its organisers (and admins) edit it. Days, zone and languages are
 * checked against the programme already written: moving the days so that a session falls
 * outside them is refused with each session named.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/types.ts';
import { isKnownZone } from '../../../domain/calendar/zones.ts';
import { AppError, type FieldError, notFound, validationError } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import { grantId } from '../../accounts/grants.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { forumsRepo } from '../repository.ts';
import { forumToEdit, versionConflict } from './access.ts';
import { programmeProblems } from './rules.ts';
import type { ForumCreate, ForumUpdate } from './schemas.ts';

type Q = Kysely<Database>;

/** The forum states in their order; a forum moves one step at a time, forwards or back. */
const STATES = ['draft', 'open', 'closed', 'held', 'archived'] as const;

async function checkReferences(db: Q, input: { zone?: string; hostCode?: string | null }) {
  const errors: FieldError[] = [];
  if (input.zone !== undefined && !isKnownZone(input.zone))
    errors.push({ path: 'zone', message: `${input.zone} is not an IANA time zone`, code: 'unknown_zone' });
  if (input.hostCode) {
    const host = await db
      .selectFrom('localities')
      .select('code')
      .where('code', '=', input.hostCode)
      .executeTakeFirst();
    if (!host)
      errors.push({ path: 'hostCode', message: `no locality ${input.hostCode}`, code: 'unknown_reference' });
  }
  if (errors.length) throw validationError(errors, 'forum');
}

export async function createForum(
  db: Q,
  clock: Clock,
  {
    input,
    user,
    organiserIds = [],
  }: { input: z.infer<typeof ForumCreate>; user: User; organiserIds?: string[] },
) {
  if (user.role !== 'admin') throw new AppError('auth.forbidden', 'only an admin creates a forum');
  await checkReferences(db, input);
  if (await forumsRepo.get(db, input.id))
    throw new AppError('conflict', `a forum ${input.id} exists already`, [
      { path: 'id', message: 'already in use', code: 'taken' },
    ]);
  const now = isoNow(clock);
  const row = {
    id: input.id,
    acronym: input.acronym,
    title: JSON.stringify(input.title),
    theme: JSON.stringify(input.theme ?? {}),
    description: JSON.stringify(input.description ?? {}),
    venue: JSON.stringify(input.venue ?? {}),
    host_code: input.hostCode ?? null,
    zone: input.zone,
    first_day: input.firstDay,
    last_day: input.lastDay,
    languages: JSON.stringify(input.languages),
    capacity: input.capacity ?? null,
    delegation_size: input.delegationSize ?? 10,
    state: 'draft',
    organisers: JSON.stringify(input.organisers ?? []),
    facts: '[]',
    sources: '{}',
    synthetic: 0,
    historical: 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (tx) => {
    await forumsRepo.insert(tx, row);
    for (const userId of organiserIds)
      await tx
        .insertInto('grants')
        .values({
          id: grantId(userId, { role: 'organiser', recordType: 'forum', recordId: input.id }),
          user_id: userId,
          role: 'organiser',
          record_type: 'forum',
          record_id: input.id,
          granted_by: user.id,
          created_at: now,
        })
        .execute();
    await recordChange(tx, {
      scopes: [forumScope(input.id)],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'forum',
        entityId: input.id,
        before: null,
        after: { ...input, organiserIds },
      },
    });
  });
  return input.id;
}

export async function updateForum(
  db: Q,
  clock: Clock,
  {
    id,
    input,
    user,
    expectedVersion,
  }: { id: string; input: z.infer<typeof ForumUpdate>; user: User; expectedVersion: number },
) {
  const before = await forumToEdit(db, id, user);
  await checkReferences(db, input);
  const firstDay = input.firstDay ?? before.first_day;
  const lastDay = input.lastDay ?? before.last_day;
  if (lastDay < firstDay)
    throw validationError(
      [{ path: 'lastDay', message: 'the last day is before the first', code: 'custom' }],
      'forum',
    );
  if (input.state && input.state !== before.state) {
    const step = STATES.indexOf(input.state) - STATES.indexOf(before.state as (typeof STATES)[number]);
    if (Math.abs(step) !== 1)
      throw new AppError('forum.state', `a ${before.state} forum cannot become ${input.state} in one step`, [
        {
          path: 'state',
          message: `from ${before.state}: ${STATES.filter((_, i) => Math.abs(i - STATES.indexOf(before.state as never)) === 1).join(' or ')}`,
          code: 'transition',
        },
      ]);
  }
  await db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('forums')
      .set({
        ...(input.acronym !== undefined ? { acronym: input.acronym } : {}),
        ...(input.title !== undefined ? { title: JSON.stringify(input.title) } : {}),
        ...(input.theme !== undefined ? { theme: JSON.stringify(input.theme) } : {}),
        ...(input.description !== undefined ? { description: JSON.stringify(input.description) } : {}),
        ...(input.venue !== undefined ? { venue: JSON.stringify(input.venue) } : {}),
        ...(input.hostCode !== undefined ? { host_code: input.hostCode } : {}),
        ...(input.zone !== undefined ? { zone: input.zone } : {}),
        first_day: firstDay,
        last_day: lastDay,
        ...(input.languages !== undefined ? { languages: JSON.stringify(input.languages) } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        ...(input.delegationSize !== undefined ? { delegation_size: input.delegationSize } : {}),
        ...(input.organisers !== undefined ? { organisers: JSON.stringify(input.organisers) } : {}),
        ...(input.state !== undefined ? { state: input.state } : {}),
        version: expectedVersion + 1,
        updated_at: isoNow(clock),
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(`forum ${id}`, expectedVersion);
    // The days and the zone decide which sessions are inside the forum: a change that leaves
    // one outside is refused, with each session named.
    const problems = await programmeProblems(tx, id, null);
    const outside = problems.filter((p) => p.code === 'outside_days');
    if (outside.length && (input.firstDay || input.lastDay || input.zone))
      throw new AppError(
        'programme.conflict',
        `the new days leave ${outside.length} session(s) outside the forum: ${outside.map((p) => p.message).join('; ')}`,
        outside.map((p) => ({
          ...p,
          path:
            input.zone && !input.firstDay && !input.lastDay
              ? 'zone'
              : input.firstDay
                ? 'firstDay'
                : 'lastDay',
        })),
      );
    await recordChange(tx, {
      scopes: [forumScope(id)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'forum',
        entityId: id,
        before: {
          version: before.version,
          state: before.state,
          firstDay: before.first_day,
          lastDay: before.last_day,
        },
        after: input,
      },
    });
  });
}

export const assertForumExists = async (db: Q, id: string) => {
  if (!(await forumsRepo.get(db, id))) throw notFound('forum', id);
};
