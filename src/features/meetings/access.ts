/**
 * Who acts on meetings: the forum's organisers (everything), a delegation's head (its own
 * requests, answers, presence and outcomes). A delegation one may not act for answers 404, as
 * in the delegations feature: an unknown id and a record one may not see look the same.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { notFound } from '../../errors.ts';
import { can } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { type DelegationRow, delegationsRepo, partyNames } from '../forums/delegations/repository.ts';
import { forumToEdit, organises } from '../forums/editing/access.ts';
import { organizationPlaces } from '../lookups/places.ts';

type Q = Kysely<Database>;

export type { DelegationRow };

/** States in which a delegation takes part in meetings (registered). */
export const REGISTERED = new Set(['submitted', 'approved', 'waitlisted']);

export { forumToEdit, organises };

/** A delegation its head (or the forum's organiser) acts for. */
export async function delegationToAct(db: Q, user: User, forumId: string, delegationId: string) {
  const d = await delegationsRepo.get(db, forumId, delegationId);
  if (!d || !can(user, 'update', { type: 'delegation', id: d.id, forumId }))
    throw notFound('delegation', delegationId);
  return d;
}

/** May the user read what concerns this delegation (its head, the organisers)? */
export const actsFor = (user: User, forumId: string, delegationId: string) =>
  can(user, 'update', { type: 'delegation', id: delegationId, forumId });

export interface Party {
  delegationId: string;
  partyId: string;
  name: Record<string, string>;
  country: string | null;
  language: string;
  email: string;
}

/** The delegations of a forum as parties: their names and countries (VN, JP), by delegation id. */
export async function partiesOf(db: Q, forumId: string): Promise<Map<string, Party & { state: string }>> {
  const rows = await delegationsRepo.ofForum(db, forumId);
  const names = await partyNames(
    db,
    rows.map((r) => r.party_id),
  );
  const orgs = new Map(
    (
      await organizationPlaces(
        db,
        rows.filter((r) => r.party_type === 'organization').map((r) => r.party_id),
      )
    ).map((o) => [o.id, o.localityCode]),
  );
  const country = (r: DelegationRow) => {
    const code = r.party_type === 'organization' ? orgs.get(r.party_id) : r.party_id;
    return code ? code.slice(0, 2).toUpperCase() : null;
  };
  return new Map(
    rows.map((r) => [
      r.id,
      {
        delegationId: r.id,
        partyId: r.party_id,
        name: names.get(r.party_id)?.name ?? {},
        country: country(r),
        language: r.language,
        email: r.contact_email,
        state: r.state,
      },
    ]),
  );
}

export const publicParty = ({ delegationId, partyId, name, country }: Party) => ({
  delegationId,
  partyId,
  name,
  country,
});
