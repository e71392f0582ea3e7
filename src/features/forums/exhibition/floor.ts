/**
 * The organiser draws the exhibition floor: halls (grids of cells) and booths on them, and gives
 * booths to delegations. Every write happens after a write to the forum's row, so two organisers
 * placing booths at once take turns (a row lock on PostgreSQL; SQLite has one writer) and the
 * overlap check holds.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/types.ts';
import { placementProblems } from '../../../domain/forum/floor.ts';
import { AppError, notFound, validationError } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { delegationsRepo } from '../delegations/repository.ts';
import { forumToEdit, versionConflict } from '../editing/access.ts';
import { floorError } from './access.ts';
import { type BoothRow, boothsRepo, hallsRepo } from './repository.ts';
import { type BoothAssignment, type BoothInput, type HallInput, LIMITS } from './schemas.ts';

type Q = Kysely<Database>;
type Ctx = { db: Q; clock: Clock; user: User; forumId: string };

/** Takes the forum's row for this transaction: writes to one forum's floor take turns. */
const lockForum = (tx: Q, forumId: string, now: string) =>
  tx.updateTable('forums').set({ updated_at: now }).where('id', '=', forumId).execute();

const audit = (
  user: User,
  action: 'create' | 'update' | 'delete',
  forumId: string,
  before: unknown,
  after: unknown,
) => ({
  actor: actorOf(user),
  action,
  entityType: 'forum' as const,
  entityId: forumId,
  before,
  after,
});

export const toBooth = (b: BoothRow) => ({
  id: b.id,
  hallId: b.hall_id,
  code: b.code,
  x: b.x,
  y: b.y,
  w: b.w,
  h: b.h,
  delegationId: b.delegation_id,
  version: b.version,
});

export async function createHall({ db, clock, user, forumId }: Ctx, input: z.infer<typeof HallInput>) {
  await forumToEdit(db, forumId, user);
  const now = isoNow(clock);
  const id = `${forumId}.hall-${randomUUID().slice(0, 8)}`;
  return db.transaction().execute(async (tx) => {
    await lockForum(tx, forumId, now);
    const halls = await hallsRepo.ofForum(tx, forumId);
    if (halls.length >= LIMITS.halls)
      throw floorError('halls', 'too_many', `a forum has at most ${LIMITS.halls} halls`);
    await tx
      .insertInto('forum_halls')
      .values({
        id,
        forum_id: forumId,
        name: JSON.stringify(input.name),
        columns: input.columns,
        rows: input.rows,
        sort: halls.length,
        created_at: now,
      })
      .execute();
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: audit(user, 'create', forumId, null, { hall: id, ...input }),
    });
    return { id, name: input.name, columns: input.columns, rows: input.rows };
  });
}

/** A hall that still holds booths is not deleted (409 `reference.in_use`). */
export async function deleteHall({ db, clock, user, forumId }: Ctx, hallId: string) {
  await forumToEdit(db, forumId, user);
  await db.transaction().execute(async (tx) => {
    await lockForum(tx, forumId, isoNow(clock));
    if (!(await hallsRepo.get(tx, forumId, hallId))) throw notFound('hall', hallId);
    const booths = (await boothsRepo.ofForum(tx, forumId)).filter((b) => b.hall_id === hallId);
    if (booths.length)
      throw new AppError(
        'reference.in_use',
        `the hall still holds ${booths.length} booth(s): remove them first`,
      );
    await tx.deleteFrom('forum_halls').where('id', '=', hallId).execute();
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: audit(user, 'delete', forumId, { hall: hallId }, null),
    });
  });
}

async function assertPlacement(
  tx: Q,
  forumId: string,
  booth: BoothRow | (z.infer<typeof BoothInput> & { id: string }),
) {
  const hallId = 'hall_id' in booth ? booth.hall_id : booth.hallId;
  const hall = await hallsRepo.get(tx, forumId, hallId);
  if (!hall)
    throw validationError(
      [{ path: 'hallId', message: `no hall ${hallId} in this forum`, code: 'unknown_reference' }],
      'booth',
    );
  const others = (await boothsRepo.ofForum(tx, forumId)).map((b) => ({ ...toBooth(b) }));
  const problems = placementProblems({ ...booth, hallId }, hall, others);
  if (problems.length)
    throw new AppError(
      'exhibition.floor',
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems.map((p) => ({ path: p.path, code: p.code, message: p.message })),
    );
  return others;
}

export async function createBooth({ db, clock, user, forumId }: Ctx, input: z.infer<typeof BoothInput>) {
  await forumToEdit(db, forumId, user);
  const now = isoNow(clock);
  const id = `${forumId}.booth-${randomUUID().slice(0, 8)}`;
  return db.transaction().execute(async (tx) => {
    await lockForum(tx, forumId, now);
    const others = await assertPlacement(tx, forumId, { ...input, id });
    if (others.length >= LIMITS.booths)
      throw floorError('booths', 'too_many', `a forum has at most ${LIMITS.booths} booths`);
    await tx
      .insertInto('forum_booths')
      .values({
        id,
        forum_id: forumId,
        hall_id: input.hallId,
        code: input.code,
        x: input.x,
        y: input.y,
        w: input.w,
        h: input.h,
        delegation_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: audit(user, 'create', forumId, null, { booth: id, ...input }),
    });
    return toBooth((await boothsRepo.get(tx, forumId, id))!);
  });
}

export async function updateBooth(
  { db, clock, user, forumId }: Ctx,
  boothId: string,
  input: Partial<z.infer<typeof BoothInput>>,
  expectedVersion: number,
) {
  await forumToEdit(db, forumId, user);
  const now = isoNow(clock);
  return db.transaction().execute(async (tx) => {
    await lockForum(tx, forumId, now);
    const old = await boothsRepo.get(tx, forumId, boothId);
    if (!old) throw notFound('booth', boothId);
    if (old.version !== expectedVersion) throw versionConflict(`booth ${boothId}`, expectedVersion);
    const next = { ...toBooth(old), ...input };
    await assertPlacement(tx, forumId, next);
    await tx
      .updateTable('forum_booths')
      .set({
        hall_id: next.hallId,
        code: next.code,
        x: next.x,
        y: next.y,
        w: next.w,
        h: next.h,
        version: old.version + 1,
        updated_at: now,
      })
      .where('id', '=', boothId)
      .execute();
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: audit(user, 'update', forumId, { booth: toBooth(old) }, { booth: boothId, ...input }),
    });
    return toBooth((await boothsRepo.get(tx, forumId, boothId))!);
  });
}

export async function deleteBooth(
  { db, clock, user, forumId }: Ctx,
  boothId: string,
  expectedVersion: number,
) {
  await forumToEdit(db, forumId, user);
  await db.transaction().execute(async (tx) => {
    await lockForum(tx, forumId, isoNow(clock));
    const old = await boothsRepo.get(tx, forumId, boothId);
    if (!old) throw notFound('booth', boothId);
    const res = await tx
      .deleteFrom('forum_booths')
      .where('id', '=', boothId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw versionConflict(`booth ${boothId}`, expectedVersion);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: audit(user, 'delete', forumId, { booth: toBooth(old) }, null),
    });
  });
}

/**
 * Gives a booth to a delegation of the forum (or frees it). A booth has one exhibitor: one held
 * by another delegation must be freed first. A delegation has one booth unless the organiser
 * says `additional` when giving it another. A declined or withdrawn delegation gets none.
 */
export async function assignBooth(
  { db, clock, user, forumId }: Ctx,
  boothId: string,
  { delegationId, additional }: z.infer<typeof BoothAssignment>,
  expectedVersion: number,
) {
  await forumToEdit(db, forumId, user);
  const now = isoNow(clock);
  return db.transaction().execute(async (tx) => {
    await lockForum(tx, forumId, now);
    const booth = await boothsRepo.get(tx, forumId, boothId);
    if (!booth) throw notFound('booth', boothId);
    if (booth.version !== expectedVersion) throw versionConflict(`booth ${boothId}`, expectedVersion);
    if (delegationId !== null) {
      const d = await delegationsRepo.get(tx, forumId, delegationId);
      if (!d)
        throw validationError(
          [
            {
              path: 'delegationId',
              code: 'unknown_reference',
              message: `no delegation ${delegationId} in this forum`,
            },
          ],
          'assignment',
        );
      if (d.state === 'declined' || d.state === 'withdrawn')
        throw floorError('delegationId', 'delegation_state', `a ${d.state} delegation exhibits nothing`);
      if (booth.delegation_id && booth.delegation_id !== delegationId)
        throw floorError(
          'delegationId',
          'booth_assigned',
          `booth ${booth.code} is given to another delegation: free it first`,
        );
      if (booth.delegation_id !== delegationId) {
        const held = await boothsRepo.countOf(tx, delegationId);
        if (held >= 1 && !additional)
          throw floorError(
            'delegationId',
            'booth_limit',
            `the delegation has a booth already; say additional to give it another`,
          );
      }
    }
    await tx
      .updateTable('forum_booths')
      .set({ delegation_id: delegationId, version: booth.version + 1, updated_at: now })
      .where('id', '=', boothId)
      .execute();
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: audit(
        user,
        'update',
        forumId,
        { booth: boothId, delegationId: booth.delegation_id },
        { booth: boothId, delegationId },
      ),
    });
    return toBooth((await boothsRepo.get(tx, forumId, boothId))!);
  });
}
