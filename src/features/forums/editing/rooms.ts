/** The organiser's rooms, with their capacity and interpretation booths. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../../errors.ts';
import { isoNow } from '../../../platform/clock.ts';
import { parseJson } from '../../shared/json.ts';
import type { RoomRow } from '../repository.ts';
import { forumToEdit, versionConflict } from './access.ts';
import type { Room, RoomInput, RoomUpdate } from './schemas.ts';
import { assertRoomFor, audit, type Ctx, LIMITS, type Q } from './writes.ts';

export const toRoom = (r: RoomRow): z.infer<typeof Room> => ({
  id: r.id,
  name: parseJson(r.name, {}),
  capacity: r.capacity,
  booths: parseJson(r.booths, []),
  sort: r.sort,
  version: r.version,
});

export async function createRoom({ db, clock, user, forumId }: Ctx, input: z.infer<typeof RoomInput>) {
  await forumToEdit(db, forumId, user);
  await assertRoomFor(db, forumId, 'forum_rooms', LIMITS.rooms);
  const now = isoNow(clock);
  const id = `${forumId}.room-${randomUUID().slice(0, 8)}`;
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('forum_rooms')
      .values({
        id,
        forum_id: forumId,
        name: JSON.stringify(input.name),
        capacity: input.capacity ?? null,
        booths: JSON.stringify(input.booths ?? []),
        sort: input.sort ?? 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, user, forumId, `room:${id}`, 'create', null, input);
    return toRoom(
      await tx.selectFrom('forum_rooms').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}

async function roomOf(db: Q, forumId: string, roomId: string) {
  const row = await db
    .selectFrom('forum_rooms')
    .selectAll()
    .where('id', '=', roomId)
    .where('forum_id', '=', forumId)
    .executeTakeFirst();
  if (!row) throw notFound('room', roomId);
  return row;
}

export async function updateRoom(
  { db, clock, user, forumId }: Ctx,
  roomId: string,
  input: z.infer<typeof RoomUpdate>,
  expectedVersion: number,
) {
  await forumToEdit(db, forumId, user);
  const before = await roomOf(db, forumId, roomId);
  if (input.booths) {
    // A booth taken away must not leave a session with interpretation it can no longer carry.
    const users = await db
      .selectFrom('forum_sessions')
      .select(['id', 'interpretation'])
      .where('room_id', '=', roomId)
      .where('cancelled', '=', 0)
      .execute();
    const stranded = users.flatMap((s) =>
      parseJson<string[]>(s.interpretation, [])
        .filter((p) => !input.booths!.includes(p))
        .map((p) => `${s.id} (${p})`),
    );
    if (stranded.length)
      throw new AppError(
        'programme.conflict',
        `sessions in this room offer interpretation without a booth: ${stranded.join(', ')}`,
        [{ path: 'booths', message: `still needed by ${stranded.join(', ')}`, code: 'booth_in_use' }],
      );
  }
  return db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('forum_rooms')
      .set({
        ...(input.name !== undefined ? { name: JSON.stringify(input.name) } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        ...(input.booths !== undefined ? { booths: JSON.stringify(input.booths) } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
        version: expectedVersion + 1,
        updated_at: isoNow(clock),
      })
      .where('id', '=', roomId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(`room ${roomId}`, expectedVersion);
    await audit(tx, user, forumId, `room:${roomId}`, 'update', toRoom(before), input);
    return toRoom(
      await tx.selectFrom('forum_rooms').selectAll().where('id', '=', roomId).executeTakeFirstOrThrow(),
    );
  });
}

export async function deleteRoom({ db, user, forumId }: Ctx, roomId: string, expectedVersion: number) {
  await forumToEdit(db, forumId, user);
  const before = await roomOf(db, forumId, roomId);
  const used = await db.selectFrom('forum_sessions').select('id').where('room_id', '=', roomId).execute();
  if (used.length)
    throw new AppError(
      'reference.in_use',
      `room ${roomId} holds sessions: ${used.map((s) => s.id).join(', ')}`,
    );
  await db.transaction().execute(async (tx) => {
    const res = await tx
      .deleteFrom('forum_rooms')
      .where('id', '=', roomId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw versionConflict(`room ${roomId}`, expectedVersion);
    await audit(tx, user, forumId, `room:${roomId}`, 'delete', toRoom(before), null);
  });
}
