/**
 * The organiser writes the programme: rooms (with their interpretation booths), speakers and
 * sessions. Every change checks the programme's rules with the changed session in place and is
 * refused whole, every broken rule named by its field; nothing is half-written. All of it is the
 * draft: the public sees it only once a release freezes it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/types.ts';
import { AppError, notFound, validationError } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { parseJson } from '../../shared/json.ts';
import type { PersonRow, RoomRow, SessionRow } from '../repository.ts';
import { forumToEdit, versionConflict } from './access.ts';
import { type Candidate, programmeProblems, referenceProblems } from './rules.ts';
import type {
  DraftSession,
  Room,
  RoomInput,
  RoomUpdate,
  SessionInput,
  SessionUpdate,
  Speaker,
  SpeakerInput,
  SpeakerUpdate,
} from './schemas.ts';

type Q = Kysely<Database>;
type Ctx = { db: Q; clock: Clock; user: User; forumId: string };

/** At most this many rooms, speakers and sessions per forum: what an organiser's account could grow. */
export const LIMITS = { rooms: 100, speakers: 2000, sessions: 1000 } as const;

const audit = (
  tx: Q,
  user: User,
  forumId: string,
  what: string,
  action: 'create' | 'update' | 'delete',
  before: unknown,
  after: unknown,
) =>
  recordChange(tx, {
    scopes: [forumScope(forumId)],
    audit: {
      actor: actorOf(user),
      action,
      entityType: 'forum',
      entityId: `${forumId}:${what}`,
      before,
      after,
    },
  });

async function assertRoomFor(
  db: Q,
  forumId: string,
  table: 'forum_rooms' | 'forum_people' | 'forum_sessions',
  limit: number,
) {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('forum_id', '=', forumId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= limit)
    throw new AppError('validation.invalid', `a forum holds at most ${limit} of these`, [
      { path: '(root)', message: `at most ${limit}`, code: 'too_many' },
    ]);
}

// ---- rooms ----

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

// ---- speakers ----

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

// ---- sessions ----

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

/** The draft as the organiser edits it, with every broken rule (a historical record may have some). */
export async function draftProgramme({ db, user, forumId }: Omit<Ctx, 'clock'>) {
  await forumToEdit(db, forumId, user);
  const [rooms, people, sessions, conflicts] = await Promise.all([
    db
      .selectFrom('forum_rooms')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('sort')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('forum_people')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('delegation_id', 'is', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('forum_sessions')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('start_at')
      .orderBy('slug')
      .execute(),
    programmeProblems(db, forumId, null),
  ]);
  return {
    forumId,
    rooms: rooms.map(toRoom),
    speakers: people.map(toSpeaker),
    sessions: sessions.map(toDraftSession),
    conflicts: conflicts as unknown as Record<string, unknown>[],
  };
}
