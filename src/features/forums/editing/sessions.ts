/**
 * The programme's sessions. Every change checks the programme's rules with the changed session in
 * place and is refused whole, every broken rule named by its field.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound, validationError } from '../../../errors.ts';
import { isoNow } from '../../../platform/clock.ts';
import { parseJson } from '../../shared/json.ts';
import type { SessionRow } from '../repository.ts';
import { forumToEdit, versionConflict } from './access.ts';
import { type Candidate, programmeProblems, referenceProblems } from './rules.ts';
import type { DraftSession, SessionInput, SessionUpdate } from './schemas.ts';
import { assertRoomFor, audit, type Ctx, LIMITS, type Q } from './writes.ts';

export const toDraftSession = (s: SessionRow): z.infer<typeof DraftSession> => ({
  id: s.id,
  kind: s.kind as z.infer<typeof DraftSession>['kind'],
  title: parseJson(s.title, {}),
  abstract: parseJson(s.abstract, {}),
  themes: parseJson(s.themes, []),
  roomId: s.room_id,
  start: s.start_at,
  end: s.end_at,
  precision: s.precision,
  floorLanguage: (s.floor_language as z.infer<typeof DraftSession>['floorLanguage']) ?? null,
  interpretation: parseJson(s.interpretation, []),
  speakerIds: parseJson(s.speaker_ids, []),
  capacity: s.capacity,
  cancelled: s.cancelled === 1,
  version: s.version,
});

/**
 * Programme writes of one forum take turns: the rules are checked inside the transaction after
 * this write to the forum's row (a row lock on PostgreSQL; SQLite has one writer anyway), so two
 * organisers booking one room at once cannot both pass the check.
 */
const lockProgramme = (tx: Q, forumId: string) =>
  tx
    .updateTable('forums')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', forumId)
    .execute();

/** Refuses the session as it would be, naming every broken rule by its field. */
async function assertFits(db: Q, forumId: string, c: Candidate) {
  const errors = [...(await referenceProblems(db, forumId, c)), ...(await programmeProblems(db, forumId, c))];
  if (!errors.length) return;
  const onlyRules = errors.every((e) =>
    ['room_overlap', 'speaker_overlap', 'outside_days', 'end_before_start'].includes(e.code),
  );
  if (onlyRules)
    throw new AppError(
      'programme.conflict',
      `the programme's rules: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      errors,
    );
  throw validationError(errors, 'session');
}

const candidateOf = (id: string, s: z.infer<typeof DraftSession>): Candidate => ({
  id,
  start: new Date(s.start),
  end: new Date(s.end),
  roomId: s.roomId,
  speakerIds: s.speakerIds,
  precision: s.precision as Candidate['precision'],
  cancelled: s.cancelled,
  interpretation: s.interpretation,
  themes: s.themes,
});

export async function createSession({ db, clock, user, forumId }: Ctx, input: z.infer<typeof SessionInput>) {
  await forumToEdit(db, forumId, user);
  await assertRoomFor(db, forumId, 'forum_sessions', LIMITS.sessions);
  const slug = input.slug ?? `s-${randomUUID().slice(0, 8)}`;
  const id = `${forumId}.${slug}`;
  if (await db.selectFrom('forum_sessions').select('id').where('id', '=', id).executeTakeFirst())
    throw new AppError('conflict', `a session ${slug} exists already in this forum`, [
      { path: 'slug', message: 'already in use', code: 'taken' },
    ]);
  const draft: z.infer<typeof DraftSession> = {
    id,
    kind: input.kind,
    title: input.title,
    abstract: input.abstract ?? {},
    themes: input.themes ?? [],
    roomId: input.roomId ?? null,
    start: new Date(input.start).toISOString(),
    end: new Date(input.end).toISOString(),
    precision: 'exact',
    floorLanguage: input.floorLanguage ?? null,
    interpretation: input.interpretation ?? [],
    speakerIds: input.speakerIds ?? [],
    capacity: input.capacity ?? null,
    cancelled: input.cancelled ?? false,
    version: 1,
  };
  const now = isoNow(clock);
  return db.transaction().execute(async (tx) => {
    await lockProgramme(tx, forumId);
    await assertFits(tx, forumId, candidateOf(id, draft));
    await tx
      .insertInto('forum_sessions')
      .values({
        id,
        forum_id: forumId,
        slug,
        kind: draft.kind,
        title: JSON.stringify(draft.title),
        abstract: JSON.stringify(draft.abstract),
        themes: JSON.stringify(draft.themes),
        room_id: draft.roomId,
        start_at: draft.start,
        end_at: draft.end,
        precision: 'exact',
        floor_language: draft.floorLanguage,
        interpretation: JSON.stringify(draft.interpretation),
        speaker_ids: JSON.stringify(draft.speakerIds),
        capacity: draft.capacity,
        cancelled: draft.cancelled ? 1 : 0,
        sources: '[]',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, user, forumId, `session:${id}`, 'create', null, draft);
    return draft;
  });
}

async function sessionOf(db: Q, forumId: string, id: string) {
  const row = await db
    .selectFrom('forum_sessions')
    .selectAll()
    .where('id', '=', id)
    .where('forum_id', '=', forumId)
    .executeTakeFirst();
  if (!row) throw notFound('session', id);
  return row;
}

export async function updateSession(
  { db, clock, user, forumId }: Ctx,
  id: string,
  input: z.infer<typeof SessionUpdate>,
  expectedVersion: number,
) {
  await forumToEdit(db, forumId, user);
  const before = toDraftSession(await sessionOf(db, forumId, id));
  const after: z.infer<typeof DraftSession> = {
    ...before,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    ...(input.start ? { start: new Date(input.start).toISOString() } : {}),
    ...(input.end ? { end: new Date(input.end).toISOString() } : {}),
    // A time the organiser sets is exact, whatever the historical record knew.
    ...(input.start || input.end ? { precision: 'exact' } : {}),
    version: expectedVersion + 1,
  };
  return db.transaction().execute(async (tx) => {
    await lockProgramme(tx, forumId);
    await assertFits(tx, forumId, candidateOf(id, after));
    const res = await tx
      .updateTable('forum_sessions')
      .set({
        kind: after.kind,
        title: JSON.stringify(after.title),
        abstract: JSON.stringify(after.abstract),
        themes: JSON.stringify(after.themes),
        room_id: after.roomId,
        start_at: after.start,
        end_at: after.end,
        precision: after.precision,
        ...(after.precision === 'exact' ? { part_of_day: null } : {}),
        floor_language: after.floorLanguage,
        interpretation: JSON.stringify(after.interpretation),
        speaker_ids: JSON.stringify(after.speakerIds),
        capacity: after.capacity,
        cancelled: after.cancelled ? 1 : 0,
        version: expectedVersion + 1,
        updated_at: isoNow(clock),
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(`session ${id}`, expectedVersion);
    await audit(tx, user, forumId, `session:${id}`, 'update', before, after);
    return after;
  });
}

/**
 * A session that was never published goes; one that a release showed is cancelled instead, so
 * that the next release lists it as cancelled and subscribed calendars remove it.
 */
export async function deleteSession({ db, clock, user, forumId }: Ctx, id: string, expectedVersion: number) {
  await forumToEdit(db, forumId, user);
  const before = toDraftSession(await sessionOf(db, forumId, id));
  const releases = await db
    .selectFrom('forum_releases')
    .select('snapshot')
    .where('forum_id', '=', forumId)
    .execute();
  const published = releases.some((r) => r.snapshot.includes(JSON.stringify(id)));
  await db.transaction().execute(async (tx) => {
    const res = published
      ? await tx
          .updateTable('forum_sessions')
          .set({ cancelled: 1, version: expectedVersion + 1, updated_at: isoNow(clock) })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst()
      : await tx
          .deleteFrom('forum_sessions')
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
    const n = 'numUpdatedRows' in res ? res.numUpdatedRows : res.numDeletedRows;
    if (Number(n) !== 1) throw versionConflict(`session ${id}`, expectedVersion);
    await audit(
      tx,
      user,
      forumId,
      `session:${id}`,
      published ? 'update' : 'delete',
      before,
      published ? { cancelled: true } : null,
    );
  });
  return { cancelled: published };
}
