/**
 * What a forum's signing ceremony changes on an agreement (features/ceremony): its status, its
 * signing date and its sources. The ceremony feature authorises the change (the forum's
 * organiser) and keeps the state read here before it, so that undoing restores it column for column.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { notFound } from '../../errors.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange, type Scope } from '../audit/service.ts';
import { nowIso } from '../shared/json.ts';
import { datePrecision, type Source } from '../shared/schemas.ts';
import { getAgreement } from './queries.ts';
import { agreementsRepo } from './repository.ts';
import { conflict } from './write.ts';

type Q = Kysely<Database>;

/** The stored columns a ceremony sets, exactly as stored. */
export interface CeremonyState {
  status: string;
  status_stated: number;
  signed_on: string | null;
  signed_precision: string | null;
  signed_sort: string;
  sources: string;
}

export async function agreementCeremonyState(
  db: Q,
  id: string,
): Promise<CeremonyState & { version: number }> {
  const row = await agreementsRepo.get(db, id);
  if (!row) throw notFound('agreement', id);
  const { status, status_stated, signed_on, signed_precision, signed_sort, sources, version } = row;
  return { status, status_stated, signed_on, signed_precision, signed_sort, sources, version };
}

/** The state of an agreement signed on `date` with `source` added to its sources (once). */
export function signedState(prior: CeremonyState, date: string, source: Source): CeremonyState {
  const sources = JSON.parse(prior.sources) as Source[];
  const has = sources.some((s) => s.url === source.url && s.note === source.note);
  return {
    status: 'in_force',
    status_stated: 1,
    signed_on: date,
    signed_precision: datePrecision(date),
    signed_sort: date,
    sources: has ? prior.sources : JSON.stringify([...sources, source]),
  };
}

/**
 * Writes a ceremony's state on an agreement inside the caller's transaction (its version
 * checked), audited as an update of the agreement, the atlas scope and the caller's scopes bumped.
 */
export async function setAgreementCeremonyState(
  tx: Q,
  {
    id,
    version,
    state,
    user,
    scopes,
  }: { id: string; version: number; state: CeremonyState; user: User; scopes: readonly Scope[] },
) {
  const before = await getAgreement(tx, id);
  const res = await agreementsRepo.update(tx, id, version, { ...state, updated_at: nowIso() });
  if (Number(res.numUpdatedRows) !== 1) throw conflict(id, version);
  const after = await getAgreement(tx, id);
  await recordChange(tx, {
    scopes: ['atlas', ...scopes],
    audit: { actor: actorOf(user), action: 'update', entityType: 'agreement', entityId: id, before, after },
  });
  return after;
}
