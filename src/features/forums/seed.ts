/**
 * Loads the sourced records of past forums (data/seed/forums/*.json) with the reference data:
 * the forum, its speakers and sessions with their sources, and its programme as release 1,
 * dated by its newest source. Idempotent: a forum already there is left as it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { localDate } from '../../domain/calendar/zones.ts';
import { forumScope, recordChange } from '../audit/service.ts';
import { ForumRecord, recordProgramme } from './record.ts';
import { forumsRepo, peopleRepo, sessionsRepo } from './repository.ts';
import { publishRelease } from './service.ts';

const FORUM_DIR = new URL('../../../data/seed/forums/', import.meta.url);

export function referenceForumRecords(): ForumRecord[] {
  return readdirSync(FORUM_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = ForumRecord.safeParse(JSON.parse(readFileSync(new URL(f, FORUM_DIR), 'utf8')));
      if (!parsed.success) {
        const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new Error(`data/seed/forums/${f} does not load: ${where}`);
      }
      return parsed.data;
    });
}

const strip = <T extends { sources?: unknown }>(t: T | undefined) => {
  if (!t) return {};
  const { sources: _s, ...rest } = t;
  return rest;
};

/** Returns true when the forum was added, false when it was there already. */
export async function loadForumRecord(
  db: Kysely<Database>,
  record: ForumRecord,
  today: string,
): Promise<boolean> {
  if (await forumsRepo.get(db, record.forum.id)) return false;
  const { programme, sourcesOf } = recordProgramme(record);
  const f = record.forum;
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await forumsRepo.insert(trx, {
      id: f.id,
      acronym: f.id,
      title: JSON.stringify(strip(f.title)),
      theme: JSON.stringify(strip(f.theme)),
      description: '{}',
      venue: '{}',
      host_code: f.host,
      zone: f.timeZone,
      first_day: f.date,
      last_day: f.date,
      languages: JSON.stringify(programme.forum.languages),
      capacity: null,
      state: f.date < today ? 'held' : 'open',
      synthetic: 0,
      historical: 1,
      organisers: JSON.stringify(f.organisers.map((o) => strip(o))),
      facts: JSON.stringify(f.background ?? []),
      sources: JSON.stringify(record.sources),
      version: 1,
      created_at: at,
      updated_at: at,
    });
    for (const s of programme.speakers) {
      await peopleRepo.insert(trx, {
        id: `${f.id}.${s.id}`,
        forum_id: f.id,
        name_native: s.name.native ?? null,
        name_latin: s.name.latin ?? null,
        position: JSON.stringify(s.position ?? {}),
        party: '{}',
        sources: JSON.stringify(sourcesOf[`speaker:${s.id}`] ?? []),
        created_at: at,
        updated_at: at,
      });
    }
    for (const s of programme.sessions) {
      const item = record.programme.find((i) => i.id === s.id);
      await sessionsRepo.insert(trx, {
        id: `${f.id}.${s.id}`,
        forum_id: f.id,
        slug: s.id,
        kind: s.kind,
        title: JSON.stringify(s.title),
        abstract: JSON.stringify(s.abstract ?? {}),
        themes: JSON.stringify(s.themes),
        room_id: null,
        start_at: s.start,
        end_at: s.end,
        precision: s.precision,
        part_of_day: s.partOfDay ?? null,
        floor_language: null,
        interpretation: '[]',
        speaker_ids: JSON.stringify(s.speakerIds.map((id) => `${f.id}.${id}`)),
        capacity: null,
        cancelled: 0,
        sources: JSON.stringify(sourcesOf[`session:${s.id}`] ?? []),
        note: item?.note ?? null,
        version: 1,
        created_at: at,
        updated_at: at,
      });
    }
    await recordChange(trx, { scopes: [forumScope(f.id)] });
  });
  await publishRelease(db, { forumId: f.id, publishedAt: programme.release.publishedAt, user: null });
  return true;
}

export async function seedForums(db: Kysely<Database>, now = new Date()): Promise<number> {
  let added = 0;
  for (const record of referenceForumRecords()) {
    if (await loadForumRecord(db, record, localDate(now, record.forum.timeZone))) added++;
  }
  return added;
}
