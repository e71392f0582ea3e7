/**
 * After the forum, each side records each of its meetings' outcome: held or not, and the next
 * step (none, keep talking, prepare an agreement, agreement signed). Organisers read both
 * sides' answers and export them as CSV (the atlas's CSV rules), which follow-through builds on.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { AppError, notFound } from '../../errors.ts';
import { type Clock, isoNow } from '../../platform/clock.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../audit/service.ts';
import { toCsv } from '../shared/csv.ts';
import { actsFor, forumToEdit, partiesOf } from './access.ts';
import { outcomesRepo, requestsRepo, schedulesRepo } from './repository.ts';
import type { OutcomeInput } from './schemas.ts';

type Q = Kysely<Database>;

export async function recordOutcome(
  db: Q,
  clock: Clock,
  {
    forumId,
    requestId,
    input,
    user,
  }: { forumId: string; requestId: string; input: z.infer<typeof OutcomeInput>; user: User },
) {
  const r = await requestsRepo.get(db, forumId, requestId);
  if (!r || !(actsFor(user, forumId, r.from_delegation_id) || actsFor(user, forumId, r.to_delegation_id)))
    throw notFound('meeting', requestId);
  if (input.delegationId !== r.from_delegation_id && input.delegationId !== r.to_delegation_id)
    throw new AppError('validation.invalid', 'the delegation is not a side of this meeting', [
      { path: 'delegationId', message: 'not a side', code: 'unknown_reference' },
    ]);
  if (!actsFor(user, forumId, input.delegationId))
    throw new AppError('auth.forbidden', 'each side records its own outcome');
  if (r.state !== 'accepted')
    throw new AppError('meeting.state', `the request is ${r.state}, not a meeting`, [
      { path: 'delegationId', message: r.state, code: 'transition' },
    ]);
  if (!input.held && input.nextStep === 'agreement_signed')
    throw new AppError('validation.invalid', 'an agreement signed at a meeting not held', [
      { path: 'nextStep', message: 'not with held: false', code: 'inconsistent' },
    ]);
  return db.transaction().execute(async (tx) => {
    const row = {
      request_id: r.id,
      delegation_id: input.delegationId,
      forum_id: forumId,
      held: input.held ? 1 : 0,
      next_step: input.nextStep,
      note: input.note,
      updated_by: user.id,
      updated_at: isoNow(clock),
    };
    await outcomesRepo.upsert(tx, row);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'meeting',
        entityId: `${r.id}/outcome/${input.delegationId}`,
        before: null,
        after: { held: input.held, nextStep: input.nextStep },
      },
    });
    return { requestId: r.id, ...input };
  });
}

/** Every accepted meeting with both sides' outcomes (organisers). */
export async function listOutcomes(db: Q, user: User, forumId: string) {
  await forumToEdit(db, forumId, user);
  const [requests, outcomes, parties, published] = await Promise.all([
    requestsRepo.accepted(db, forumId),
    outcomesRepo.ofForum(db, forumId),
    partiesOf(db, forumId),
    schedulesRepo.get(db, forumId, 'published'),
  ]);
  const slots = new Map(
    (JSON.parse(published?.assignments ?? '[]') as { meeting: string; slot: string; table: number }[]).map(
      (a) => [a.meeting, a],
    ),
  );
  const side = (rid: string, did: string) => {
    const o = outcomes.find((x) => x.request_id === rid && x.delegation_id === did);
    return o ? { held: o.held === 1, nextStep: o.next_step, note: o.note, updatedAt: o.updated_at } : null;
  };
  return {
    items: requests.map((r) => ({
      meeting: r.id,
      slot: slots.get(r.id)?.slot ?? null,
      table: slots.get(r.id)?.table ?? null,
      from: {
        delegationId: r.from_delegation_id,
        party: parties.get(r.from_delegation_id)?.partyId ?? '',
        outcome: side(r.id, r.from_delegation_id),
      },
      to: {
        delegationId: r.to_delegation_id,
        party: parties.get(r.to_delegation_id)?.partyId ?? '',
        outcome: side(r.id, r.to_delegation_id),
      },
    })),
  };
}

export async function outcomesCsv(db: Q, user: User, forumId: string): Promise<string> {
  const { items } = await listOutcomes(db, user, forumId);
  const cell = (
    o: { held: boolean; nextStep: string; note: string } | null,
    k: 'held' | 'nextStep' | 'note',
  ) => (o === null ? '' : k === 'held' ? (o.held ? 'yes' : 'no') : o[k]);
  const headers = [
    'meeting',
    'slot',
    'table',
    'from_party',
    'from_held',
    'from_next_step',
    'from_note',
    'to_party',
    'to_held',
    'to_next_step',
    'to_note',
  ];
  const rows = items.map((m) => [
    m.meeting,
    m.slot ?? '',
    m.table === null ? '' : String(m.table),
    m.from.party,
    cell(m.from.outcome, 'held'),
    cell(m.from.outcome, 'nextStep'),
    cell(m.from.outcome, 'note'),
    m.to.party,
    cell(m.to.outcome, 'held'),
    cell(m.to.outcome, 'nextStep'),
    cell(m.to.outcome, 'note'),
  ]);
  return toCsv(
    headers.map((header, i) => ({ header, value: (row: string[]) => row[i] })),
    rows,
  );
}
