/**
 * Meeting requests (../shared/specs/forum.md, "Meeting request"): a head sees the registered
 * delegations ranked by the partner matcher, sends requests within the forum's limit, the other
 * head accepts or declines with a reason; both heads and the organisers see the states. Each
 * request and each answer mails the other head once, in the delegation's language, through the
 * outbox in the same transaction as the change.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { slotsOf } from '../../domain/forum/meetings.ts';
import type { Texts } from '../../domain/forum/model.ts';
import { AppError, notFound } from '../../errors.ts';
import { type Clock, isoNow } from '../../platform/clock.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import type { Lang } from '../../platform/mail/render.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../audit/service.ts';
import { matchesFor } from '../profiles/service.ts';
import { parseJson } from '../shared/json.ts';
import {
  actsFor,
  delegationToAct,
  forumToEdit,
  organises,
  type Party,
  partiesOf,
  publicParty,
  REGISTERED,
} from './access.ts';
import { answerMail, requestMail } from './mails.ts';
import {
  type BlockRow,
  blocksRepo,
  forumRead,
  type RequestRow,
  requestsRepo,
  settingsRepo,
} from './repository.ts';
import {
  type AnswerInput,
  DEFAULT_SETTINGS,
  type MeetingRequest,
  type PartnersQuery,
  type RequestInput,
  type RequestOrganiserUpdate,
} from './schemas.ts';

type Q = Kysely<Database>;
type RequestOut = z.infer<typeof MeetingRequest>;

const toBlockIn = (b: BlockRow) => ({
  id: b.id,
  startAt: b.start_at,
  slotMinutes: b.slot_minutes,
  slots: b.slots,
  tables: b.tables,
});

export async function settingsOf(db: Q, forumId: string) {
  const row = await settingsRepo.get(db, forumId);
  if (!row) return DEFAULT_SETTINGS;
  return {
    requestLimit: row.request_limit,
    crossCountryOnly: row.cross_country_only === 1,
    maxMeetings: row.max_meetings,
    seed: row.seed,
    timeLimitS: row.time_limit_s,
  };
}

export function toRequest(r: RequestRow, parties: Map<string, Party>): RequestOut {
  const side = (id: string) =>
    publicParty(
      parties.get(id) ?? {
        delegationId: id,
        partyId: '',
        name: {},
        country: null,
        language: 'en',
        email: '',
      },
    );
  return {
    id: r.id,
    forumId: r.forum_id,
    from: side(r.from_delegation_id),
    to: side(r.to_delegation_id),
    message: { ...parseJson(r.message, { text: '', lang: 'en' as const }), original: true },
    topics: parseJson(r.topics, [] as string[]),
    priority: r.priority as RequestOut['priority'],
    state: r.state as RequestOut['state'],
    reason: r.answer_reason ? parseJson(r.answer_reason, null) : null,
    required: r.required === 1,
    fixedSlot: r.fixed_slot,
    createdAt: r.created_at,
    answeredAt: r.answered_at,
    version: r.version,
  };
}

/**
 * The registered delegations this one might meet, best partners first: the matcher's ranking
 * of their parties' profiles with its reasons; delegations whose party has no profile follow,
 * unranked. Filtered by field (sector) and country; the other country only when the forum
 * allows only meetings across the two.
 */
export async function partnersFor(
  db: Q,
  user: User,
  forumId: string,
  delegationId: string,
  query: z.infer<typeof PartnersQuery>,
) {
  const me = await delegationToAct(db, user, forumId, delegationId);
  const [parties, settings, requests] = await Promise.all([
    partiesOf(db, forumId),
    settingsOf(db, forumId),
    requestsRepo.ofDelegation(db, forumId, me.id),
  ]);
  const mine = parties.get(me.id)!;
  const candidates = [...parties.values()].filter(
    (p) =>
      p.delegationId !== me.id &&
      REGISTERED.has(p.state) &&
      (!settings.crossCountryOnly || !mine.country || p.country !== mine.country) &&
      (!query.country || p.country === query.country),
  );
  const byParty = new Map(candidates.map((p) => [p.partyId, p]));
  let ranked: { id: string; score: number; reasons: unknown[] }[] = [];
  try {
    const found = await matchesFor(db, {
      for: mine.partyId,
      top: 10_000,
      ...(query.sector ? { sector: query.sector } : {}),
      includePartners: 'true',
    });
    ranked = found.partners.filter((r) => byParty.has(r.id));
  } catch (err) {
    // A party without a profile has no ranking: its candidates are listed unranked.
    if (!(err instanceof AppError && err.code === 'not_found')) throw err;
  }
  const seen = new Set(ranked.map((r) => r.id));
  // With a sector filter, only partners the matcher links through that sector are shown.
  const rest = query.sector
    ? []
    : candidates.filter((p) => !seen.has(p.partyId)).map((p) => ({ id: p.partyId, score: 0, reasons: [] }));
  const requestWith = (other: string) => {
    const r = [...requests]
      .reverse()
      .find((x) => x.from_delegation_id === other || x.to_delegation_id === other);
    return r
      ? {
          id: r.id,
          state: r.state as RequestOut['state'],
          direction: r.from_delegation_id === me.id ? ('sent' as const) : ('received' as const),
        }
      : null;
  };
  return {
    requestLimit: settings.requestLimit,
    sent: requests.filter(
      (r) => r.from_delegation_id === me.id && (r.state === 'pending' || r.state === 'accepted'),
    ).length,
    items: [...ranked, ...rest].map((r) => {
      const p = byParty.get(r.id)!;
      return {
        party: publicParty(p),
        score: r.score,
        reasons: r.reasons,
        request: requestWith(p.delegationId),
      };
    }),
  };
}

/** Requests of the forum: organisers read all, a head those of the delegations they lead. */
export async function listRequests(db: Q, user: User, forumId: string, delegationId?: string) {
  if (!(await forumRead.get(db, forumId))) throw notFound('forum', forumId);
  let rows: RequestRow[];
  if (delegationId) {
    await delegationToAct(db, user, forumId, delegationId);
    rows = await requestsRepo.ofDelegation(db, forumId, delegationId);
  } else {
    rows = (await requestsRepo.ofForum(db, forumId)).filter(
      (r) =>
        organises(user, forumId) ||
        actsFor(user, forumId, r.from_delegation_id) ||
        actsFor(user, forumId, r.to_delegation_id),
    );
  }
  const parties = await partiesOf(db, forumId);
  return { items: rows.map((r) => toRequest(r, parties)) };
}

export async function getRequest(db: Q, user: User, forumId: string, id: string) {
  const r = await requestsRepo.get(db, forumId, id);
  if (!r || !(actsFor(user, forumId, r.from_delegation_id) || actsFor(user, forumId, r.to_delegation_id)))
    throw notFound('meeting request', id);
  return toRequest(r, await partiesOf(db, forumId));
}

const link = (publicUrl: string, forumId: string) =>
  `${publicUrl}/forums/${encodeURIComponent(forumId)}/meetings`;
const mailLang = (l: string): Lang => (l === 'vi' || l === 'ja' ? l : 'en');

/** Writes to one forum's requests take turns: the settings row is the lock (made on first use). */
async function lockForum(tx: Q, forumId: string, now: string) {
  const res = await tx
    .updateTable('meeting_settings')
    .set({ updated_at: now })
    .where('forum_id', '=', forumId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0)
    await tx
      .insertInto('meeting_settings')
      .values({
        forum_id: forumId,
        request_limit: DEFAULT_SETTINGS.requestLimit,
        cross_country_only: DEFAULT_SETTINGS.crossCountryOnly ? 1 : 0,
        max_meetings: DEFAULT_SETTINGS.maxMeetings,
        seed: DEFAULT_SETTINGS.seed,
        time_limit_s: DEFAULT_SETTINGS.timeLimitS,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('forum_id').doUpdateSet({ updated_at: now }))
      .execute();
}

export async function requestMeeting(
  db: Q,
  clock: Clock,
  {
    forumId,
    input,
    user,
    publicUrl,
  }: { forumId: string; input: z.infer<typeof RequestInput>; user: User; publicUrl: string },
) {
  const from = await delegationToAct(db, user, forumId, input.fromDelegationId);
  if (input.toDelegationId === from.id)
    throw new AppError('validation.invalid', 'a delegation cannot ask to meet itself', [
      { path: 'toDelegationId', message: 'the same delegation', code: 'self' },
    ]);
  const forum = (await forumRead.get(db, forumId))!;
  const now = isoNow(clock);
  return db.transaction().execute(async (tx) => {
    await lockForum(tx, forumId, now);
    const [parties, settings] = await Promise.all([partiesOf(tx, forumId), settingsOf(tx, forumId)]);
    const a = parties.get(from.id)!;
    const b = parties.get(input.toDelegationId);
    if (!b)
      throw new AppError('validation.invalid', `no delegation ${input.toDelegationId} at this forum`, [
        { path: 'toDelegationId', message: 'no such delegation', code: 'unknown_reference' },
      ]);
    for (const [path, p] of [
      ['fromDelegationId', a],
      ['toDelegationId', b],
    ] as const)
      if (!REGISTERED.has(p.state))
        throw new AppError('meeting.state', `delegation ${p.delegationId} is ${p.state}, not registered`, [
          { path, message: `the delegation is ${p.state}`, code: 'not_registered' },
        ]);
    if (settings.crossCountryOnly && a.country && a.country === b.country)
      throw new AppError('validation.invalid', 'this forum allows only meetings between the two countries', [
        { path: 'toDelegationId', message: `both delegations are from ${a.country}`, code: 'same_country' },
      ]);
    const open = (await requestsRepo.ofDelegation(tx, forumId, from.id)).find(
      (r) =>
        (r.state === 'pending' || r.state === 'accepted') &&
        (r.from_delegation_id === b.delegationId || r.to_delegation_id === b.delegationId),
    );
    if (open)
      throw new AppError('conflict', `a request between the two delegations is ${open.state} (${open.id})`, [
        { path: 'toDelegationId', message: `request ${open.id} is ${open.state}`, code: 'exists' },
      ]);
    const sent = await requestsRepo.countSent(tx, from.id);
    if (sent >= settings.requestLimit)
      throw new AppError(
        'meeting.request_limit',
        `the forum allows ${settings.requestLimit} requests per delegation`,
        [{ path: 'fromDelegationId', message: `${sent} of ${settings.requestLimit} sent`, code: 'limit' }],
      );
    const id = `mr_${randomUUID()}`;
    await requestsRepo.insert(tx, {
      id,
      forum_id: forumId,
      from_delegation_id: from.id,
      to_delegation_id: b.delegationId,
      message: JSON.stringify(input.message),
      topics: JSON.stringify([...new Set(input.topics)]),
      priority: input.priority,
      state: 'pending',
      answer_reason: null,
      created_by: user.id,
      answered_at: null,
      created_at: now,
      updated_at: now,
    });
    await queueMail(tx, clock, {
      to: b.email,
      language: mailLang(b.language),
      template: requestMail,
      params: {
        forum: parseJson<Texts>(forum.title, {}),
        from: a.name,
        message: input.message.text,
        url: link(publicUrl, forumId),
      },
    });
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'meeting',
        entityId: id,
        before: null,
        after: { from: from.id, to: b.delegationId, priority: input.priority, topics: input.topics },
      },
    });
    return toRequest((await requestsRepo.get(tx, forumId, id))!, parties);
  });
}

/** Accept or decline: the head of the delegation asked (or an organiser for it). */
export async function answerRequest(
  db: Q,
  clock: Clock,
  {
    forumId,
    id,
    input,
    user,
    publicUrl,
  }: { forumId: string; id: string; input: z.infer<typeof AnswerInput>; user: User; publicUrl: string },
) {
  const r = await requestsRepo.get(db, forumId, id);
  if (!r || !(actsFor(user, forumId, r.from_delegation_id) || actsFor(user, forumId, r.to_delegation_id)))
    throw notFound('meeting request', id);
  if (!actsFor(user, forumId, r.to_delegation_id))
    throw new AppError('auth.forbidden', 'only the delegation asked may answer a request');
  if (r.state !== 'pending')
    throw new AppError('meeting.state', `the request is ${r.state}`, [
      { path: 'answer', message: `not pending: ${r.state}`, code: 'transition' },
    ]);
  const forum = (await forumRead.get(db, forumId))!;
  const now = isoNow(clock);
  const state = input.answer === 'accept' ? 'accepted' : 'declined';
  return db.transaction().execute(async (tx) => {
    const done = await requestsRepo.update(tx, r.id, r.version, {
      state,
      answer_reason: input.reason ? JSON.stringify(input.reason) : null,
      answered_at: now,
      updated_at: now,
    });
    if (!done) throw new AppError('meeting.version_conflict', `request ${r.id} was answered meanwhile`);
    const parties = await partiesOf(tx, forumId);
    const from = parties.get(r.from_delegation_id)!;
    const to = parties.get(r.to_delegation_id)!;
    await queueMail(tx, clock, {
      to: from.email,
      language: mailLang(from.language),
      template: answerMail,
      params: {
        forum: parseJson<Texts>(forum.title, {}),
        to: to.name,
        accepted: state === 'accepted',
        reason: input.reason?.text ?? null,
        url: link(publicUrl, forumId),
      },
    });
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'meeting',
        entityId: r.id,
        before: { state: r.state },
        after: { state, reason: input.reason ?? null },
      },
    });
    return toRequest((await requestsRepo.get(tx, forumId, r.id))!, parties);
  });
}

/** Either side (or an organiser) cancels a pending or accepted request; a scheduled meeting then needs a repair. */
export async function cancelRequest(
  db: Q,
  clock: Clock,
  { forumId, id, user }: { forumId: string; id: string; user: User },
) {
  const r = await requestsRepo.get(db, forumId, id);
  if (!r || !(actsFor(user, forumId, r.from_delegation_id) || actsFor(user, forumId, r.to_delegation_id)))
    throw notFound('meeting request', id);
  if (r.state !== 'pending' && r.state !== 'accepted')
    throw new AppError('meeting.state', `the request is ${r.state}`, [
      { path: 'state', message: `not open: ${r.state}`, code: 'transition' },
    ]);
  const now = isoNow(clock);
  return db.transaction().execute(async (tx) => {
    if (!(await requestsRepo.update(tx, r.id, r.version, { state: 'cancelled', updated_at: now })))
      throw new AppError('meeting.version_conflict', `request ${r.id} changed meanwhile`);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'meeting',
        entityId: r.id,
        before: { state: r.state },
        after: { state: 'cancelled' },
      },
    });
    return toRequest((await requestsRepo.get(tx, forumId, r.id))!, await partiesOf(tx, forumId));
  });
}

/** The organiser marks a meeting as one that must take place, or fixes its time. */
export async function updateRequestByOrganiser(
  db: Q,
  {
    forumId,
    id,
    input,
    user,
  }: { forumId: string; id: string; input: z.infer<typeof RequestOrganiserUpdate>; user: User },
) {
  const forum = await forumToEdit(db, forumId, user);
  const r = await requestsRepo.get(db, forumId, id);
  if (!r) throw notFound('meeting request', id);
  if (input.fixedSlot) {
    const slots = slotsOf((await blocksRepo.ofForum(db, forumId)).map(toBlockIn), forum.zone).map(
      (s) => s.id,
    );
    if (!slots.includes(input.fixedSlot))
      throw new AppError('validation.invalid', `no meeting slot ${input.fixedSlot}`, [
        { path: 'fixedSlot', message: 'not a slot of the meeting blocks', code: 'unknown_reference' },
      ]);
  }
  return db.transaction().execute(async (tx) => {
    const set = {
      ...(input.required !== undefined ? { required: input.required ? 1 : 0 } : {}),
      ...(input.fixedSlot !== undefined ? { fixed_slot: input.fixedSlot } : {}),
    };
    if (!(await requestsRepo.update(tx, r.id, r.version, set)))
      throw new AppError('meeting.version_conflict', `request ${r.id} changed meanwhile`);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'meeting',
        entityId: r.id,
        before: { required: r.required === 1, fixedSlot: r.fixed_slot },
        after: input,
      },
    });
    return toRequest((await requestsRepo.get(tx, forumId, r.id))!, await partiesOf(tx, forumId));
  });
}
