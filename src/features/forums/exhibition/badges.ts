/**
 * Badges: every member and speaker has a badge code, printed as a QR code and as text on an A6
 * badge. The code is 80 random bits (16 Crockford base32 characters): not guessable, so it is
 * kept as it is (a badge can be printed again) and renewed when a badge is lost (the old code
 * stops working). Codes are given out when badges are first printed.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import type { Lang } from '../../../domain/forum/model.ts';
import { notFound } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import { assertCan, can } from '../../accounts/policy.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { parseJson } from '../../shared/json.ts';
import { delegationsRepo, partyNames } from '../delegations/repository.ts';
import { organises } from '../editing/access.ts';
import { type Badge, badgesPdf } from '../files/badge-pdf.ts';
import type { PersonRow } from '../repository.ts';
import { forumToRead } from './access.ts';

type Q = Kysely<Database>;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A whole forum's badges in one file: at most this many pages. */
export const MAX_BADGES = 3000;

/** 80 random bits as `KZ-XXXX-XXXX-XXXX-XXXX`. */
export function newBadgeCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) out = ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)] + out;
  return `KZ-${out.match(/.{4}/g)!.join('-')}`;
}

/**
 * What a person typed or a camera read, in the stored form: case, spaces and dashes do not
 * matter, and O, I and L read as 0, 1 and 1 (Crockford). Null when it cannot be a badge code.
 */
export function canonicalCode(input: string): string | null {
  let s = input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  if (s.startsWith('KZ')) s = s.slice(2);
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(s)) return null;
  return `KZ-${s.match(/.{4}/g)!.join('-')}`;
}

/** The people whose badges the caller asked for, after checking the caller may print them. */
async function peopleFor(
  db: Q,
  user: User,
  forumId: string,
  q: { delegationId?: string; personId?: string },
) {
  await forumToRead(db, forumId, user);
  let rows: PersonRow[];
  if (q.personId) {
    const p = await db
      .selectFrom('forum_people')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('id', '=', q.personId)
      .executeTakeFirst();
    const ok =
      p &&
      (p.delegation_id
        ? can(user, 'update', { type: 'delegation', id: p.delegation_id, forumId })
        : organises(user, forumId));
    if (!p || !ok) throw notFound('person', q.personId);
    rows = [p];
  } else if (q.delegationId) {
    if (!can(user, 'update', { type: 'delegation', id: q.delegationId, forumId }))
      throw notFound('delegation', q.delegationId);
    rows = await db
      .selectFrom('forum_people')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('delegation_id', '=', q.delegationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  } else {
    assertCan(user, 'update', { type: 'forum', id: forumId }, `the badges of forum ${forumId}`);
    // Speakers first, then each registered delegation's members (not declined or withdrawn).
    rows = await db
      .selectFrom('forum_people')
      .leftJoin('forum_delegations', 'forum_delegations.id', 'forum_people.delegation_id')
      .selectAll('forum_people')
      .where('forum_people.forum_id', '=', forumId)
      .where((eb) =>
        eb.or([
          eb('forum_people.delegation_id', 'is', null),
          eb('forum_delegations.state', 'not in', ['declined', 'withdrawn']),
        ]),
      )
      .orderBy('forum_delegations.party_id')
      .orderBy('forum_people.created_at')
      .orderBy('forum_people.id')
      .limit(MAX_BADGES + 1)
      .execute();
    if (rows.length > MAX_BADGES) rows = rows.slice(0, MAX_BADGES);
  }
  return rows;
}

/** Gives a code to each of `people` who has none, in one recorded change. */
async function ensureCodes(db: Q, clock: Clock, user: User, forumId: string, people: PersonRow[]) {
  const missing = people.filter((p) => !p.badge_code);
  if (!missing.length) return new Map(people.map((p) => [p.id, p.badge_code!]));
  const given = new Map<string, string>();
  await db.transaction().execute(async (tx) => {
    for (const p of missing) {
      const code = newBadgeCode();
      // Only where still none: two printings at once give one code (the first's).
      await tx
        .updateTable('forum_people')
        .set({ badge_code: code, updated_at: isoNow(clock) })
        .where('id', '=', p.id)
        .where('badge_code', 'is', null)
        .execute();
    }
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'forum',
        entityId: forumId,
        before: null,
        after: { badgeCodes: missing.map((p) => p.id) },
      },
    });
  });
  const rows = await db
    .selectFrom('forum_people')
    .select(['id', 'badge_code'])
    .where(
      'id',
      'in',
      missing.map((p) => p.id),
    )
    .execute();
  for (const r of rows) given.set(r.id, r.badge_code!);
  return new Map(people.map((p) => [p.id, p.badge_code ?? given.get(p.id)!]));
}

const ROLE = {
  member: { vi: 'Đại biểu', ja: '代表団員', en: 'Delegate' },
  speaker: { vi: 'Diễn giả', ja: '登壇者', en: 'Speaker' },
} as const;

export async function badgesFile(
  db: Q,
  clock: Clock,
  user: User,
  forumId: string,
  q: { delegationId?: string; personId?: string; lang: Lang },
) {
  const people = await peopleFor(db, user, forumId, q);
  const forum = (await forumToRead(db, forumId, user))!;
  const codes = await ensureCodes(db, clock, user, forumId, people);
  const delegations = new Map((await delegationsRepo.ofForum(db, forumId)).map((d) => [d.id, d]));
  const names = await partyNames(
    db,
    [...delegations.values()].map((d) => d.party_id),
  );
  const badges: Badge[] = people.map((p) => {
    const d = p.delegation_id ? delegations.get(p.delegation_id) : undefined;
    return {
      forumTitle: parseJson(forum.title, {}),
      name: { native: p.name_native ?? undefined, latin: p.name_latin ?? undefined },
      position: parseJson(p.position, {}),
      party: d ? names.get(d.party_id)?.name : parseJson(p.party, {}),
      role: (p.delegation_id ? ROLE.member : ROLE.speaker)[q.lang],
      code: codes.get(p.id)!,
      lang: q.lang,
      date: new Date(forum.updated_at),
      synthetic: forum.synthetic === 1,
    };
  });
  const bytes = await badgesPdf(badges, q.lang);
  const name = q.personId ?? q.delegationId ?? forumId;
  return { bytes, filename: `badges-${name.replace(/[^A-Za-z0-9._-]/g, '_')}-${q.lang}.pdf` };
}

/** A new code for a person (a lost badge): the old one stops working at once. */
export async function renewBadge(db: Q, clock: Clock, user: User, forumId: string, personId: string) {
  const [p] = await peopleFor(db, user, forumId, { personId });
  const code = newBadgeCode();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('forum_people')
      .set({ badge_code: code, updated_at: isoNow(clock) })
      .where('id', '=', p!.id)
      .execute();
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'forum',
        entityId: forumId,
        before: null,
        after: { badgeRenewed: p!.id },
      },
    });
  });
  return { personId: p!.id, code };
}
