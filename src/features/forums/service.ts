/**
 * The forum's read side and its releases: who may see a forum, the published programme, and
 * publishing a release (the programme frozen as it is, with what changed since the last one).
 * A draft forum is seen by its organisers and admins only.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import type { PublishedProgramme, SessionInfo } from '../../domain/forum/model.ts';
import { diffProgramme, type ReleaseSession } from '../../domain/programme/releases.ts';
import { notFound } from '../../errors.ts';
import { can, type Principal } from '../accounts/policy.ts';
import { actorOf, forumScope, recordChange } from '../audit/service.ts';
import { parseJson } from '../shared/json.ts';
import {
  type ForumRow,
  forumsRepo,
  peopleRepo,
  releasesRepo,
  roomsRepo,
  sessionsRepo,
} from './repository.ts';
import type { Forum, ForumSummary, Programme } from './schemas.ts';

type Q = Kysely<Database>;
type Viewer = Principal | null;

export type ProgrammeSnapshot = z.infer<typeof Programme>;

/** A release as it is being published: the programme before (none for release 1) and after. */
export interface PublishedRelease {
  number: number;
  changes: ReturnType<typeof diffProgramme>;
  before: ProgrammeSnapshot | null;
  snapshot: ProgrammeSnapshot;
}

/** A draft forum is seen by its organisers (and admins) only. */
const mayRead = (row: ForumRow, viewer: Viewer) =>
  row.state !== 'draft' || can(viewer, 'update', { type: 'forum', id: row.id });

function summary(row: ForumRow, release: number | null): z.infer<typeof ForumSummary> {
  return {
    id: row.id,
    acronym: row.acronym,
    title: parseJson(row.title, {}),
    theme: parseJson(row.theme, {}),
    hostCode: row.host_code,
    zone: row.zone,
    firstDay: row.first_day,
    lastDay: row.last_day,
    state: row.state as z.infer<typeof ForumSummary>['state'],
    synthetic: row.synthetic === 1,
    historical: row.historical === 1,
    release,
  };
}

export async function listForums(db: Q, viewer: Viewer): Promise<{ items: z.infer<typeof ForumSummary>[] }> {
  const [rows, numbers] = await Promise.all([forumsRepo.list(db), releasesRepo.latestNumbers(db)]);
  const latest = new Map(numbers.map((n) => [n.forum_id, Number(n.number)]));
  return { items: rows.filter((r) => mayRead(r, viewer)).map((r) => summary(r, latest.get(r.id) ?? null)) };
}

async function readableForum(db: Q, id: string, viewer: Viewer): Promise<ForumRow> {
  const row = await forumsRepo.get(db, id);
  // A draft is not there for those who may not see it: the same 404 as an unknown id.
  if (!row || !mayRead(row, viewer)) throw notFound('forum', id);
  return row;
}

export async function getForum(db: Q, id: string, viewer: Viewer): Promise<z.infer<typeof Forum>> {
  const row = await readableForum(db, id, viewer);
  const release = await releasesRepo.latest(db, id);
  return {
    ...summary(row, release?.number ?? null),
    description: parseJson(row.description, {}),
    venue: parseJson(row.venue, {}),
    languages: parseJson(row.languages, []),
    capacity: row.capacity,
    delegationSize: row.delegation_size,
    organisers: parseJson(row.organisers, []),
    facts: parseJson(row.facts, []),
    sources: parseJson(row.sources, {}),
    version: row.version,
  };
}

/** The latest published release of the programme, as frozen when it was published. */
export async function publishedProgramme(db: Q, id: string, viewer: Viewer): Promise<ProgrammeSnapshot> {
  await readableForum(db, id, viewer);
  const release = await releasesRepo.latest(db, id);
  if (!release) throw notFound('published programme of forum', id);
  return parseJson<ProgrammeSnapshot>(release.snapshot, null as never);
}

/** The exporters' read model of a snapshot, with the forum as it is described now. */
export async function programmeForFiles(db: Q, id: string, viewer: Viewer): Promise<PublishedProgramme> {
  const [forum, snapshot] = await Promise.all([getForum(db, id, viewer), publishedProgramme(db, id, viewer)]);
  return {
    forum: {
      id: forum.id,
      acronym: forum.acronym,
      title: forum.title,
      theme: forum.theme,
      description: forum.description,
      venue: forum.venue,
      zone: forum.zone,
      firstDay: forum.firstDay,
      lastDay: forum.lastDay,
      languages: forum.languages,
      synthetic: forum.synthetic,
    },
    release: snapshot.release,
    rooms: snapshot.rooms,
    speakers: snapshot.speakers,
    sessions: snapshot.sessions as SessionInfo[],
  };
}

/** The programme as it stands in the tables (what a release would freeze). */
async function currentProgramme(db: Q, forumId: string): Promise<Omit<ProgrammeSnapshot, 'release'>> {
  const [rooms, people, sessions] = await Promise.all([
    roomsRepo.ofForum(db, forumId),
    peopleRepo.ofForum(db, forumId),
    sessionsRepo.ofForum(db, forumId),
  ]);
  const sourcesOf: Record<string, string[]> = {};
  for (const p of people) {
    const s = parseJson<string[]>(p.sources, []);
    if (s.length) sourcesOf[`speaker:${p.id}`] = s;
  }
  for (const s of sessions) {
    const src = parseJson<string[]>(s.sources, []);
    if (src.length) sourcesOf[`session:${s.id}`] = src;
  }
  return {
    forumId,
    rooms: rooms.map((r) => ({
      id: r.id,
      name: parseJson(r.name, {}),
      capacity: r.capacity,
      booths: parseJson(r.booths, []),
    })),
    speakers: people.map((p) => ({
      id: p.id,
      name: {
        ...(p.name_native ? { native: p.name_native } : {}),
        ...(p.name_latin ? { latin: p.name_latin } : {}),
      },
      position: parseJson(p.position, {}),
      party: parseJson(p.party, {}),
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind as SessionInfo['kind'],
      title: parseJson(s.title, {}),
      abstract: parseJson(s.abstract, {}),
      themes: parseJson(s.themes, []),
      roomId: s.room_id,
      start: s.start_at,
      end: s.end_at,
      precision: s.precision as SessionInfo['precision'],
      ...(s.part_of_day ? { partOfDay: s.part_of_day as NonNullable<SessionInfo['partOfDay']> } : {}),
      floorLanguage: (s.floor_language as SessionInfo['floorLanguage']) ?? null,
      interpretation: parseJson(s.interpretation, []),
      speakerIds: parseJson(s.speaker_ids, []),
      cancelled: s.cancelled === 1,
    })),
    sourcesOf,
  };
}

const asRelease = (s: ProgrammeSnapshot['sessions'][number]): ReleaseSession => {
  const { id, start, end, roomId, cancelled, sequence: _sequence, ...content } = s;
  return { id, start, end, roomId, cancelled, content };
};

/**
 * Freezes the programme as release n+1 with what changed since release n. A session keeps the
 * sequence of the release that last changed it (so calendars move only what moved).
 */
export async function publishRelease(
  db: Q,
  {
    forumId,
    note = {},
    publishedAt,
    user,
    tell,
  }: {
    forumId: string;
    note?: object;
    publishedAt: string;
    user: { id: string; email: string } | null;
    /** Runs in the release's transaction: the notices of the change go out with it or not at all. */
    tell?: (trx: Q, release: PublishedRelease) => Promise<number>;
  },
): Promise<{ number: number; changes: ReturnType<typeof diffProgramme>; told: number }> {
  return db.transaction().execute(async (trx) => {
    if (!(await forumsRepo.get(trx, forumId))) throw notFound('forum', forumId);
    const previous = await releasesRepo.latest(trx, forumId);
    const before = previous ? parseJson<ProgrammeSnapshot>(previous.snapshot, null as never) : null;
    const current = await currentProgramme(trx, forumId);
    const number = (previous?.number ?? 0) + 1;
    const changes = diffProgramme((before?.sessions ?? []).map(asRelease), current.sessions.map(asRelease));
    const changed = new Set(changes.map((c) => c.sessionId));
    const prevSeq = new Map((before?.sessions ?? []).map((s) => [s.id, s.sequence ?? 0]));
    const snapshot: ProgrammeSnapshot = {
      ...current,
      release: { number, publishedAt, note },
      sessions: current.sessions.map((s) => ({
        ...s,
        sequence: changed.has(s.id) ? number - 1 : (prevSeq.get(s.id) ?? number - 1),
      })),
    };
    await releasesRepo.insert(trx, {
      forum_id: forumId,
      number,
      published_at: publishedAt,
      published_by: user?.id ?? null,
      note: JSON.stringify(note),
      snapshot: JSON.stringify(snapshot),
      changes: JSON.stringify(changes),
    });
    await recordChange(trx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'forum',
        entityId: forumId,
        before: previous ? { release: previous.number } : null,
        after: { release: number, changes },
      },
    });
    const told = tell ? await tell(trx, { number, changes, before, snapshot }) : 0;
    return { number, changes, told };
  });
}
