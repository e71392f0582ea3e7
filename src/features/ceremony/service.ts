/**
 * The signing ceremony of a forum (../shared/specs/forum.md, "Ceremony item"): its organisers
 * plan which agreements of the atlas are signed or handed over in which ceremony session, in
 * what order and by whom. Marking an item done makes the agreement in force, signed on the
 * session's date (in the forum's zone), with the forum among its sources, through the agreements
 * feature's service; the agreement's state before is kept on the item, and undoing writes it back
 * column for column. Each change is one transaction, audited, bumping the forum's scope (and
 * the atlas's when an agreement changes).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { localDate } from '../../domain/calendar/zones.ts';
import { AppError, notFound, validationError } from '../../errors.ts';
import { type Clock, isoNow } from '../../platform/clock.ts';
import type { Principal } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import {
  agreementCeremonyState,
  agreementExists,
  type CeremonyState,
  getAgreement,
  setAgreementCeremonyState,
  signedState,
} from '../agreements/service.ts';
import { actorOf, forumScope, recordChange } from '../audit/service.ts';
import { forumToEdit, organises } from '../forums/editing/access.ts';
import { getForum, publishedProgramme } from '../forums/service.ts';
import { parseJson } from '../shared/json.ts';
import { ceremonyRepo, type ItemRow } from './repository.ts';
import {
  type Ceremony,
  type CeremonyItem,
  type CeremonyItemInput,
  type CeremonyItemUpdate,
  MAX_ITEMS,
  Signatories,
} from './schemas.ts';

type Q = Kysely<Database>;

export interface Ctx {
  db: Q;
  clock: Clock;
  user: User;
  forumId: string;
  publicUrl: string;
}

const stale = (id: string, version: number) =>
  new AppError(
    'ceremony.version_conflict',
    `ceremony item ${id} was changed by someone else since version ${version}: reload it and try again`,
  );

const titleOf = (r: {
  title_vi: string | null;
  title_ja: string | null;
  title_en: string | null;
  title_marks: string;
}) => {
  const marks = parseJson<Record<string, string>>(r.title_marks, {});
  return {
    ...(r.title_vi ? { vi: r.title_vi } : {}),
    ...(r.title_ja ? { ja: r.title_ja } : {}),
    ...(r.title_en ? { en: r.title_en } : {}),
    ...(Object.keys(marks).length ? { translation: marks } : {}),
  };
};

type ListedRow = Awaited<ReturnType<typeof ceremonyRepo.items>>[number];

function present(r: ListedRow, statusOf: (r: ListedRow) => string): CeremonyItem {
  return {
    id: r.id,
    forumId: r.forum_id,
    sessionId: r.session_id,
    agreementId: r.agreement_id,
    agreement: { title: titleOf(r), status: statusOf(r), signedOn: r.agreement_signed_on },
    kind: r.kind as CeremonyItem['kind'],
    position: r.position,
    signatories: Signatories.parse(parseJson(r.signatories, {})),
    note: r.note,
    done: r.done_on !== null,
    doneOn: r.done_on,
    version: r.version,
  };
}

/** The forum's ceremony: its ceremony sessions (with the record's notes and sources) and their items. */
export async function getCeremony(db: Q, forumId: string, viewer: Principal | null): Promise<Ceremony> {
  const forum = await getForum(db, forumId, viewer);
  const [all, items] = await Promise.all([
    ceremonyRepo.sessions(db, forumId),
    ceremonyRepo.items(db, forumId),
  ]);
  // Those who do not organise the forum see the ceremony sessions of its published programme only.
  const released = organises(viewer, forumId)
    ? null
    : new Set(
        (
          await publishedProgramme(db, forumId, viewer).catch(() => ({ sessions: [] as { id: string }[] }))
        ).sessions.map((x) => x.id),
      );
  const sessions = released ? all.filter((x) => released.has(x.id)) : all;
  const statuses = await agreementStatuses(
    db,
    items.map((i) => i.agreement_id),
  );
  return {
    forumId,
    zone: forum.zone,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: parseJson(s.title, {}),
      start: s.start_at,
      date: localDate(new Date(s.start_at), forum.zone),
      precision: s.precision,
      note: s.note,
      sources: sourcesOf(parseJson<unknown[]>(s.sources, []), forum.sources as Record<string, object>),
      items: items
        .filter((i) => i.session_id === s.id)
        .map((i) => present(i, (r) => statuses.get(r.agreement_id) ?? 'in_force')),
    })),
  };
}

/** A session's sources: the record's source ids resolved to the forum's sources (address, publisher, date). */
const sourcesOf = (list: unknown[], known: Record<string, object>) =>
  list.map((s) => (typeof s === 'string' ? { id: s, ...(known[s] ?? {}) } : s));

/** The derived status of each agreement, read through the agreements service. */
async function agreementStatuses(db: Q, ids: string[]) {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) out.set(id, (await getAgreement(db, id)).status);
  return out;
}

async function sessionOf(db: Q, forumId: string, sessionId: string, path = 'sessionId') {
  const s = (await ceremonyRepo.sessions(db, forumId)).find((x) => x.id === sessionId);
  if (!s)
    throw new AppError(
      'reference.unknown',
      `session ${sessionId} is not a ceremony session of forum ${forumId}`,
      [{ path, message: 'not a ceremony session of this forum', code: 'unknown_reference' }],
    );
  return s;
}

async function itemOf(db: Q, forumId: string, id: string): Promise<ItemRow> {
  const row = await ceremonyRepo.get(db, forumId, id);
  if (!row) throw notFound('ceremony item', id);
  return row;
}

async function itemAnswer(db: Q, forumId: string, id: string): Promise<CeremonyItem> {
  const row = (await ceremonyRepo.items(db, forumId)).find((r) => r.id === id);
  if (!row) throw notFound('ceremony item', id);
  const statuses = await agreementStatuses(db, [row.agreement_id]);
  return present(row, (r) => statuses.get(r.agreement_id) ?? 'in_force');
}

export async function addItem({ db, clock, user, forumId }: Ctx, input: CeremonyItemInput) {
  await forumToEdit(db, forumId, user);
  await sessionOf(db, forumId, input.sessionId);
  if (!(await agreementExists(db, input.agreementId)))
    throw new AppError('reference.unknown', `agreement ${input.agreementId} does not exist`, [
      { path: 'agreementId', message: 'no such agreement', code: 'unknown_reference' },
    ]);
  return db.transaction().execute(async (tx) => {
    if (await ceremonyRepo.byAgreement(tx, forumId, input.agreementId))
      throw new AppError('conflict', `agreement ${input.agreementId} is in this ceremony already`, [
        { path: 'agreementId', message: 'already in this ceremony', code: 'duplicate' },
      ]);
    const count = await ceremonyRepo.count(tx, forumId);
    if (count >= MAX_ITEMS)
      throw validationError([
        { path: 'agreementId', message: `at most ${MAX_ITEMS} items`, code: 'too_many' },
      ]);
    const now = isoNow(clock);
    const row: ItemRow = {
      id: `cer-${randomUUID()}`,
      forum_id: forumId,
      session_id: input.sessionId,
      agreement_id: input.agreementId,
      kind: input.kind,
      position: count + 1,
      signatories: JSON.stringify(input.signatories),
      note: input.note ?? null,
      done_on: null,
      done_at: null,
      prior: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await ceremonyRepo.insert(tx, row);
    const after = await itemAnswer(tx, forumId, row.id);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'ceremony_item',
        entityId: row.id,
        before: null,
        after,
      },
    });
    return after;
  });
}

export async function updateItem(
  { db, clock, user, forumId }: Ctx,
  id: string,
  version: number,
  patch: CeremonyItemUpdate,
) {
  await forumToEdit(db, forumId, user);
  if (patch.sessionId) await sessionOf(db, forumId, patch.sessionId);
  return db.transaction().execute(async (tx) => {
    const row = await itemOf(tx, forumId, id);
    if (row.done_on !== null && (patch.sessionId ?? row.session_id) !== row.session_id)
      throw new AppError(
        'ceremony.state',
        `ceremony item ${id} is done: undo it before moving it to another session`,
        [{ path: 'sessionId', message: 'the item is done', code: 'done' }],
      );
    const before = await itemAnswer(tx, forumId, id);
    const res = await ceremonyRepo.update(tx, id, version, {
      ...(patch.sessionId ? { session_id: patch.sessionId } : {}),
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.signatories ? { signatories: JSON.stringify(patch.signatories) } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      updated_at: isoNow(clock),
    });
    if (Number(res.numUpdatedRows) !== 1) throw stale(id, version);
    const after = await itemAnswer(tx, forumId, id);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'ceremony_item',
        entityId: id,
        before,
        after,
      },
    });
    return after;
  });
}

/** Takes an item out; the agreement stays as it was. A done item is undone first. */
export async function removeItem({ db, user, forumId }: Ctx, id: string, version: number) {
  await forumToEdit(db, forumId, user);
  await db.transaction().execute(async (tx) => {
    const row = await itemOf(tx, forumId, id);
    if (row.done_on !== null)
      throw new AppError('ceremony.state', `ceremony item ${id} is done: undo it before taking it out`);
    const before = await itemAnswer(tx, forumId, id);
    const res = await ceremonyRepo.delete(tx, id, version);
    if (Number(res.numDeletedRows) !== 1) throw stale(id, version);
    await renumber(tx, forumId);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'delete',
        entityType: 'ceremony_item',
        entityId: id,
        before,
        after: null,
      },
    });
  });
}

async function renumber(tx: Q, forumId: string) {
  const items = await ceremonyRepo.items(tx, forumId);
  for (const [i, r] of items.entries())
    if (r.position !== i + 1) await ceremonyRepo.setPosition(tx, r.id, i + 1);
}

/** Puts the items in the order given: every item of the ceremony, each once. */
export async function reorder({ db, user, forumId }: Ctx, ids: string[]) {
  await forumToEdit(db, forumId, user);
  return db.transaction().execute(async (tx) => {
    const items = await ceremonyRepo.items(tx, forumId);
    const known = new Set(items.map((i) => i.id));
    const errors = ids.flatMap((id, i) =>
      !known.has(id)
        ? [{ path: `ids.${i}`, message: 'not an item of this ceremony', code: 'unknown_reference' }]
        : ids.indexOf(id) !== i
          ? [{ path: `ids.${i}`, message: 'listed twice', code: 'duplicate' }]
          : [],
    );
    if (!errors.length && ids.length !== items.length)
      errors.push({
        path: 'ids',
        message: `every item once: ${items.length} items, ${ids.length} given`,
        code: 'incomplete',
      });
    if (errors.length) throw validationError(errors, 'ids');
    const before = items.map((i) => i.id);
    for (const [i, id] of ids.entries()) await ceremonyRepo.setPosition(tx, id, i + 1);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'ceremony_item',
        entityId: forumId,
        before: { order: before },
        after: { order: ids },
      },
    });
    return getCeremony(tx, forumId, user);
  });
}

/**
 * Marks an item done: the agreement becomes in force, signed on the session's date, with the
 * forum among its sources; its state before is kept on the item.
 */
export async function markDone({ db, clock, user, forumId, publicUrl }: Ctx, id: string, version: number) {
  const forum = await forumToEdit(db, forumId, user);
  return db.transaction().execute(async (tx) => {
    const row = await itemOf(tx, forumId, id);
    if (row.done_on !== null) throw new AppError('ceremony.state', `ceremony item ${id} is done already`);
    const session = await sessionOf(tx, forumId, row.session_id);
    const date = localDate(new Date(session.start_at), forum.zone);
    const before = await itemAnswer(tx, forumId, id);
    const { version: agreementVersion, ...prior } = await agreementCeremonyState(tx, row.agreement_id);
    const title = parseJson<Record<string, string>>(session.title, {});
    const verb = row.kind === 'handover' ? 'Handed over' : 'Signed';
    const state = signedState(prior, date, {
      url: `${publicUrl.replace(/\/$/, '')}/forums/${encodeURIComponent(forumId)}`,
      note: `${verb} at ${forum.acronym} (${title.en ?? title.vi ?? title.ja ?? session.id}), ${date}: Kizuna ceremony record`,
    });
    const now = isoNow(clock);
    const res = await ceremonyRepo.update(tx, id, version, {
      done_on: date,
      done_at: now,
      prior: JSON.stringify(prior),
      updated_at: now,
    });
    if (Number(res.numUpdatedRows) !== 1) throw stale(id, version);
    await setAgreementCeremonyState(tx, {
      id: row.agreement_id,
      version: agreementVersion,
      state,
      user,
      scopes: [forumScope(forumId)],
    });
    const after = await itemAnswer(tx, forumId, id);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'ceremony_item',
        entityId: id,
        before,
        after,
      },
    });
    return after;
  });
}

/** Undoes a done item: the agreement's status, statement, signing date and sources as they were before. */
export async function undoDone({ db, clock, user, forumId }: Ctx, id: string, version: number) {
  await forumToEdit(db, forumId, user);
  return db.transaction().execute(async (tx) => {
    const row = await itemOf(tx, forumId, id);
    if (row.done_on === null || row.prior === null)
      throw new AppError('ceremony.state', `ceremony item ${id} is not done`);
    const prior = JSON.parse(row.prior) as CeremonyState;
    const before = await itemAnswer(tx, forumId, id);
    const res = await ceremonyRepo.update(tx, id, version, {
      done_on: null,
      done_at: null,
      prior: null,
      updated_at: isoNow(clock),
    });
    if (Number(res.numUpdatedRows) !== 1) throw stale(id, version);
    const { version: agreementVersion } = await agreementCeremonyState(tx, row.agreement_id);
    await setAgreementCeremonyState(tx, {
      id: row.agreement_id,
      version: agreementVersion,
      state: prior,
      user,
      scopes: [forumScope(forumId)],
    });
    const after = await itemAnswer(tx, forumId, id);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'ceremony_item',
        entityId: id,
        before,
        after,
      },
    });
    return after;
  });
}
