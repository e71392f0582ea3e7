/** The programme's speakers (people of the forum without a delegation). */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../../errors.ts';
import { isoNow } from '../../../platform/clock.ts';
import { parseJson } from '../../shared/json.ts';
import type { PersonRow } from '../repository.ts';
import { forumToEdit, versionConflict } from './access.ts';
import type { Speaker, SpeakerInput, SpeakerUpdate } from './schemas.ts';
import { assertRoomFor, audit, type Ctx, LIMITS, type Q } from './writes.ts';

export const toSpeaker = (p: PersonRow): z.infer<typeof Speaker> => ({
  id: p.id,
  name: {
    ...(p.name_native ? { native: p.name_native } : {}),
    ...(p.name_latin ? { latin: p.name_latin } : {}),
  },
  position: parseJson(p.position, {}),
  party: parseJson(p.party, {}),
  email: p.email,
  language: (p.language as z.infer<typeof Speaker>['language']) ?? null,
  version: p.version,
});

const speakerColumns = (input: z.infer<typeof SpeakerUpdate>) => ({
  ...(input.name !== undefined
    ? { name_native: input.name.native ?? null, name_latin: input.name.latin ?? null }
    : {}),
  ...(input.position !== undefined ? { position: JSON.stringify(input.position) } : {}),
  ...(input.party !== undefined ? { party: JSON.stringify(input.party) } : {}),
  ...(input.email !== undefined ? { email: input.email?.toLowerCase() ?? null } : {}),
  ...(input.language !== undefined ? { language: input.language } : {}),
});

export async function createSpeaker({ db, clock, user, forumId }: Ctx, input: z.infer<typeof SpeakerInput>) {
  await forumToEdit(db, forumId, user);
  await assertRoomFor(db, forumId, 'forum_people', LIMITS.speakers);
  const now = isoNow(clock);
  const id = `${forumId}.person-${randomUUID().slice(0, 8)}`;
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('forum_people')
      .values({
        id,
        forum_id: forumId,
        position: '{}',
        party: '{}',
        sources: '[]',
        ...speakerColumns(input),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, user, forumId, `speaker:${id}`, 'create', null, {
      ...input,
      email: input.email ? '(private)' : null,
    });
    return toSpeaker(
      await tx.selectFrom('forum_people').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}

async function speakerOf(db: Q, forumId: string, id: string) {
  const row = await db
    .selectFrom('forum_people')
    .selectAll()
    .where('id', '=', id)
    .where('forum_id', '=', forumId)
    .where('delegation_id', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('speaker', id);
  return row;
}

export async function updateSpeaker(
  { db, clock, user, forumId }: Ctx,
  id: string,
  input: z.infer<typeof SpeakerUpdate>,
  expectedVersion: number,
) {
  await forumToEdit(db, forumId, user);
  await speakerOf(db, forumId, id);
  return db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('forum_people')
      .set({ ...speakerColumns(input), version: expectedVersion + 1, updated_at: isoNow(clock) })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(`speaker ${id}`, expectedVersion);
    await audit(tx, user, forumId, `speaker:${id}`, 'update', null, {
      ...input,
      email: input.email ? '(private)' : input.email,
    });
    return toSpeaker(
      await tx.selectFrom('forum_people').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}

export async function deleteSpeaker({ db, user, forumId }: Ctx, id: string, expectedVersion: number) {
  await forumToEdit(db, forumId, user);
  await speakerOf(db, forumId, id);
  const sessions = await db
    .selectFrom('forum_sessions')
    .select(['id', 'speaker_ids'])
    .where('forum_id', '=', forumId)
    .execute();
  const using = sessions.filter((s) => parseJson<string[]>(s.speaker_ids, []).includes(id)).map((s) => s.id);
  if (using.length) throw new AppError('reference.in_use', `speaker ${id} speaks in ${using.join(', ')}`);
  await db.transaction().execute(async (tx) => {
    const res = await tx
      .deleteFrom('forum_people')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw versionConflict(`speaker ${id}`, expectedVersion);
    await audit(tx, user, forumId, `speaker:${id}`, 'delete', { id }, null);
  });
}
