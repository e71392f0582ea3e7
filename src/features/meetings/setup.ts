/**
 * The organiser's setup of the meetings: settings (request limit, countries, meetings per
 * delegation, the run's seed and time limit), meeting blocks (slot length, times, tables per
 * slot), the interpreters' pool (people, languages, when they are not available), and each
 * delegation's presence (late arrival, early departure), which its head may set too.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { overlappingBlocks } from '../../domain/forum/meetings.ts';
import { AppError, notFound } from '../../errors.ts';
import { type Clock, isoNow } from '../../platform/clock.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../audit/service.ts';
import { parseJson } from '../shared/json.ts';
import { delegationToAct, forumToEdit } from './access.ts';
import {
  type BlockRow,
  blocksRepo,
  type InterpreterRow,
  interpretersRepo,
  presenceRepo,
  settingsRepo,
} from './repository.ts';
import { settingsOf } from './requests.ts';
import type { Block, BlockInput, Interpreter, InterpreterInput, PresenceInput, Settings } from './schemas.ts';

type Q = Kysely<Database>;

/** Limits on what an organiser's account can grow. */
export const SETUP_LIMITS = { blocks: 50, interpreters: 500 } as const;

const audit = (user: User, entityId: string, before: unknown, after: unknown) => ({
  actor: actorOf(user),
  action: 'update' as const,
  entityType: 'meeting' as const,
  entityId,
  before: before as Record<string, unknown> | null,
  after: after as Record<string, unknown> | null,
});

export async function readSettings(db: Q, user: User, forumId: string) {
  await forumToEdit(db, forumId, user);
  return settingsOf(db, forumId);
}

export async function saveSettings(
  db: Q,
  clock: Clock,
  { forumId, input, user }: { forumId: string; input: z.infer<typeof Settings>; user: User },
) {
  await forumToEdit(db, forumId, user);
  return db.transaction().execute(async (tx) => {
    const before = await settingsOf(tx, forumId);
    await settingsRepo.upsert(tx, {
      forum_id: forumId,
      request_limit: input.requestLimit,
      cross_country_only: input.crossCountryOnly ? 1 : 0,
      max_meetings: input.maxMeetings,
      seed: input.seed,
      time_limit_s: input.timeLimitS,
      updated_at: isoNow(clock),
    });
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: audit(user, `${forumId}/settings`, before, input),
    });
    return input;
  });
}

export const toBlock = (b: BlockRow): z.infer<typeof Block> => ({
  id: b.id,
  startAt: b.start_at,
  slotMinutes: b.slot_minutes,
  slots: b.slots,
  tables: b.tables,
});

export async function listBlocks(db: Q, user: User, forumId: string) {
  await forumToEdit(db, forumId, user);
  return { items: (await blocksRepo.ofForum(db, forumId)).map(toBlock) };
}

/** Blocks must not overlap: two slots at one time would be one slot twice. */
function checkBlocks(
  blocks: { id: string; startAt: string; slotMinutes: number; slots: number; tables: number }[],
) {
  const clash = overlappingBlocks(blocks);
  if (clash.length)
    throw new AppError('validation.invalid', `meeting blocks ${clash[0]!.join(' and ')} overlap`, [
      { path: 'startAt', message: `overlaps block ${clash[0]![0]}`, code: 'overlap' },
    ]);
}

export async function saveBlock(
  db: Q,
  clock: Clock,
  {
    forumId,
    blockId,
    input,
    user,
  }: { forumId: string; blockId?: string; input: z.infer<typeof BlockInput>; user: User },
) {
  await forumToEdit(db, forumId, user);
  const now = isoNow(clock);
  return db.transaction().execute(async (tx) => {
    const existing = (await blocksRepo.ofForum(tx, forumId)).map(toBlock);
    const before = blockId ? existing.find((b) => b.id === blockId) : undefined;
    if (blockId && !before) throw notFound('meeting block', blockId);
    if (!blockId && existing.length >= SETUP_LIMITS.blocks)
      throw new AppError('validation.invalid', `at most ${SETUP_LIMITS.blocks} meeting blocks`, [
        { path: '(root)', message: 'too many blocks', code: 'too_big' },
      ]);
    const id = blockId ?? `mb_${randomUUID().slice(0, 8)}`;
    const startAt = new Date(input.startAt).toISOString();
    checkBlocks([...existing.filter((b) => b.id !== id), { id, ...input, startAt }]);
    const row = {
      start_at: startAt,
      slot_minutes: input.slotMinutes,
      slots: input.slots,
      tables: input.tables,
    };
    if (blockId) await blocksRepo.update(tx, forumId, id, row);
    else await blocksRepo.insert(tx, { id, forum_id: forumId, ...row, created_at: now });
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: audit(user, id, before ?? null, { ...input, startAt }),
    });
    return { id, ...input, startAt };
  });
}

export async function deleteBlock(
  db: Q,
  { forumId, blockId, user }: { forumId: string; blockId: string; user: User },
) {
  await forumToEdit(db, forumId, user);
  await db.transaction().execute(async (tx) => {
    const res = await blocksRepo.delete(tx, forumId, blockId);
    if (Number(res.numDeletedRows) === 0) throw notFound('meeting block', blockId);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: { ...audit(user, blockId, { id: blockId }, null), action: 'delete' },
    });
  });
}

export const toInterpreter = (r: InterpreterRow): z.infer<typeof Interpreter> => ({
  id: r.id,
  name: r.name,
  email: r.email,
  language: r.language as 'vi' | 'ja' | 'en',
  languages: parseJson(r.languages, [] as string[]),
  unavailable: parseJson(r.unavailable, [] as { from: string; to: string }[]),
});

export async function listInterpreters(db: Q, user: User, forumId: string) {
  await forumToEdit(db, forumId, user);
  return { items: (await interpretersRepo.ofForum(db, forumId)).map(toInterpreter) };
}

export async function addInterpreter(
  db: Q,
  clock: Clock,
  { forumId, input, user }: { forumId: string; input: z.infer<typeof InterpreterInput>; user: User },
) {
  await forumToEdit(db, forumId, user);
  input.unavailable.forEach((s, i) => {
    if (Date.parse(s.to) <= Date.parse(s.from))
      throw new AppError('validation.invalid', 'a span ends after it starts', [
        { path: `unavailable.${i}.to`, message: 'not after from', code: 'end_before_start' },
      ]);
  });
  return db.transaction().execute(async (tx) => {
    if ((await interpretersRepo.ofForum(tx, forumId)).length >= SETUP_LIMITS.interpreters)
      throw new AppError('validation.invalid', `at most ${SETUP_LIMITS.interpreters} interpreters`, [
        { path: '(root)', message: 'too many interpreters', code: 'too_big' },
      ]);
    const id = `mi_${randomUUID().slice(0, 8)}`;
    await interpretersRepo.insert(tx, {
      id,
      forum_id: forumId,
      name: input.name,
      email: input.email,
      language: input.language,
      languages: JSON.stringify(input.languages),
      unavailable: JSON.stringify(input.unavailable),
      created_at: isoNow(clock),
    });
    // The audit keeps the name and languages, not the address.
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: { ...audit(user, id, null, { name: input.name, languages: input.languages }), action: 'create' },
    });
    return { id, ...input };
  });
}

export async function deleteInterpreter(
  db: Q,
  { forumId, id, user }: { forumId: string; id: string; user: User },
) {
  await forumToEdit(db, forumId, user);
  await db.transaction().execute(async (tx) => {
    const res = await interpretersRepo.delete(tx, forumId, id);
    if (Number(res.numDeletedRows) === 0) throw notFound('interpreter', id);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: { ...audit(user, id, { id }, null), action: 'delete' },
    });
  });
}

/** A delegation arriving late or leaving early: its head or an organiser says when. */
export async function setPresence(
  db: Q,
  clock: Clock,
  {
    forumId,
    delegationId,
    input,
    user,
  }: { forumId: string; delegationId: string; input: z.infer<typeof PresenceInput>; user: User },
) {
  const d = await delegationToAct(db, user, forumId, delegationId);
  if (input.arrivesAt && input.leavesAt && Date.parse(input.leavesAt) <= Date.parse(input.arrivesAt))
    throw new AppError('validation.invalid', 'the delegation leaves before it arrives', [
      { path: 'leavesAt', message: 'not after arrivesAt', code: 'end_before_start' },
    ]);
  const iso = (s: string | null) => (s ? new Date(s).toISOString() : null);
  return db.transaction().execute(async (tx) => {
    await presenceRepo.upsert(tx, {
      delegation_id: d.id,
      forum_id: forumId,
      arrives_at: iso(input.arrivesAt),
      leaves_at: iso(input.leavesAt),
      updated_at: isoNow(clock),
    });
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: audit(user, `${d.id}/presence`, null, input),
    });
    return { arrivesAt: iso(input.arrivesAt), leavesAt: iso(input.leavesAt) };
  });
}
