/**
 * The exhibition as everyone reads it: the halls and booths (drawn as SVG by the web app), and the
 * exhibitors (delegations holding a booth, unless declined or withdrawn) with their products and
 * photos. Not for a draft forum, except to its organisers.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/types.ts';
import type { Principal } from '../../accounts/policy.ts';
import { parseJson } from '../../shared/json.ts';
import { delegationsRepo, partyNames } from '../delegations/repository.ts';
import { forumToRead } from './access.ts';
import { toBooth } from './floor.ts';
import { offersLookup, presentProducts } from './products.ts';
import { boothsRepo, hallsRepo, productsRepo } from './repository.ts';
import type { Exhibition } from './schemas.ts';

type Q = Kysely<Database>;

export async function exhibition(
  db: Q,
  forumId: string,
  user: Principal | null,
): Promise<z.infer<typeof Exhibition>> {
  await forumToRead(db, forumId, user);
  const [halls, booths, delegations] = await Promise.all([
    hallsRepo.ofForum(db, forumId),
    boothsRepo.ofForum(db, forumId),
    delegationsRepo.ofForum(db, forumId),
  ]);
  const showing = delegations.filter(
    (d) => d.state !== 'declined' && d.state !== 'withdrawn' && booths.some((b) => b.delegation_id === d.id),
  );
  const shown = new Set(showing.map((d) => d.id));
  const [names, products] = await Promise.all([
    partyNames(
      db,
      showing.map((d) => d.party_id),
    ),
    productsRepo.ofDelegations(db, [...shown]),
  ]);
  const partyOf = new Map(showing.map((d) => [d.id, d.party_id]));
  const presented = await presentProducts(
    db,
    products,
    offersLookup(db, (id) => partyOf.get(id)),
  );
  const nameOf = (delegationId: string | null) =>
    delegationId && shown.has(delegationId) ? (names.get(partyOf.get(delegationId)!)?.name ?? {}) : null;
  return {
    forumId,
    halls: halls.map((h) => ({ id: h.id, name: parseJson(h.name, {}), columns: h.columns, rows: h.rows })),
    booths: booths.map((b) => {
      const visible = b.delegation_id && shown.has(b.delegation_id) ? b.delegation_id : null;
      return { ...toBooth(b), delegationId: visible, exhibitor: nameOf(visible) };
    }),
    exhibitors: showing.map((d) => ({
      delegationId: d.id,
      party: {
        type: d.party_type as 'locality' | 'organization',
        id: d.party_id,
        name: names.get(d.party_id)?.name ?? {},
      },
      booths: booths.filter((b) => b.delegation_id === d.id).map((b) => b.code),
      products: presented.filter((p) => p.delegationId === d.id),
    })),
  };
}
