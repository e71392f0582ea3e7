/**
 * A head of delegation (or an organiser) presents the party's typical products: names and
 * descriptions per language, sector, OCOP stars or Geographical Indication, and the offers of the
 * party's partner profile each illustrates. Photos are added by upload (photos.ts).
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/types.ts';
import { SECTOR_CODES } from '../../../domain/sectors.ts';
import { type FieldError, notFound, validationError } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import type { FileStore } from '../../../platform/storage/store.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { getProfile } from '../../profiles/service.ts';
import { parseJson } from '../../shared/json.ts';
import { delegationToEdit } from '../delegations/members.ts';
import type { DelegationRow } from '../delegations/repository.ts';
import { versionConflict } from '../editing/access.ts';
import { floorError } from './access.ts';
import { type ProductRow, productsRepo } from './repository.ts';
import { LIMITS, type Product, type ProductInput, type ProductUpdate } from './schemas.ts';

type Q = Kysely<Database>;
type Ctx = { db: Q; clock: Clock; user: User; forumId: string };
type ProductOut = z.infer<typeof Product>;

const SECTORS = new Set<string>(SECTOR_CODES);

/** The offers of a party's partner profile (none when it has no profile). */
export async function profileOffers(db: Q, partyId: string): Promise<string[]> {
  try {
    return (await getProfile(db, partyId)).offers.map((o) => (typeof o === 'string' ? o : String(o)));
  } catch {
    return [];
  }
}

async function assertReferences(db: Q, d: DelegationRow, input: z.infer<typeof ProductUpdate>) {
  const errors: FieldError[] = [];
  if (input.sector && !SECTORS.has(input.sector))
    errors.push({
      path: 'sector',
      code: 'unknown_reference',
      message: `${input.sector} is not a sector of the taxonomy`,
    });
  if (input.offers?.length) {
    const offers = await profileOffers(db, d.party_id);
    input.offers.forEach((i, n) => {
      if (i >= offers.length)
        errors.push({
          path: `offers.${n}`,
          code: 'unknown_reference',
          message: `the partner profile of ${d.party_id} has ${offers.length} offer(s); there is no offer ${i}`,
        });
    });
    if (new Set(input.offers).size !== input.offers.length)
      errors.push({ path: 'offers', code: 'repeated', message: 'each offer once' });
  }
  if (errors.length) throw validationError(errors, 'product');
}

const columns = (input: z.infer<typeof ProductUpdate>) => ({
  ...(input.name !== undefined ? { name: JSON.stringify(input.name) } : {}),
  ...(input.description !== undefined ? { description: JSON.stringify(input.description ?? {}) } : {}),
  ...(input.sector !== undefined ? { sector: input.sector } : {}),
  ...(input.ocopStars !== undefined ? { ocop_stars: input.ocopStars } : {}),
  ...(input.gi !== undefined ? { gi: input.gi ? JSON.stringify(input.gi) : null } : {}),
  ...(input.offers !== undefined ? { offers: JSON.stringify(input.offers) } : {}),
});

export const photoUrls = (forumId: string, fileId: string) => {
  const base = `/api/forums/${encodeURIComponent(forumId)}/exhibition/photos/${fileId}`;
  return { url: base, thumbUrl: `${base}/thumb` };
};

/** A product as the API answers it; `offers` resolved to their texts in the party's profile. */
export async function presentProducts(
  db: Q,
  rows: ProductRow[],
  offersOf: (delegationId: string) => Promise<string[]>,
): Promise<ProductOut[]> {
  const ids = [...new Set(rows.flatMap((r) => parseJson<string[]>(r.photos, [])))];
  const files = ids.length
    ? await db.selectFrom('files').select(['id', 'width', 'height']).where('id', 'in', ids).execute()
    : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  const out: ProductOut[] = [];
  for (const r of rows) {
    const offers = await offersOf(r.delegation_id);
    out.push({
      id: r.id,
      delegationId: r.delegation_id,
      name: parseJson(r.name, {}),
      description: parseJson(r.description, {}),
      sector: r.sector,
      ocopStars: r.ocop_stars,
      gi: r.gi ? parseJson(r.gi, {}) : null,
      offers: parseJson<number[]>(r.offers, [])
        .filter((i) => i < offers.length)
        .map((index) => ({ index, text: offers[index]! })),
      photos: parseJson<string[]>(r.photos, []).flatMap((id) => {
        const f = byId.get(id);
        return f ? [{ id, ...photoUrls(r.forum_id, id), width: f.width, height: f.height }] : [];
      }),
      version: r.version,
    });
  }
  return out;
}

/** A memo of the offers of each delegation's party, so a list reads each profile once. */
export function offersLookup(db: Q, partyOf: (delegationId: string) => string | undefined) {
  const memo = new Map<string, Promise<string[]>>();
  return (delegationId: string) => {
    const party = partyOf(delegationId);
    if (!party) return Promise.resolve([]);
    if (!memo.has(party)) memo.set(party, profileOffers(db, party));
    return memo.get(party)!;
  };
}

async function presentOne(db: Q, d: DelegationRow, id: string) {
  const row = (await productsRepo.get(db, d.forum_id, id))!;
  return (await presentProducts(db, [row], () => profileOffers(db, d.party_id)))[0]!;
}

/** The products of one delegation, for its head and the organisers. */
export async function listProducts({ db, user, forumId }: Omit<Ctx, 'clock'>, delegationId: string) {
  const d = await delegationToEdit(db, user, forumId, delegationId);
  const rows = await productsRepo.ofDelegations(db, [d.id]);
  return { items: await presentProducts(db, rows, () => profileOffers(db, d.party_id)) };
}

export async function createProduct(
  { db, clock, user, forumId }: Ctx,
  delegationId: string,
  input: z.infer<typeof ProductInput>,
) {
  const d = await delegationToEdit(db, user, forumId, delegationId);
  await assertReferences(db, d, input);
  const now = isoNow(clock);
  const id = `${d.id}.p-${randomUUID().slice(0, 8)}`;
  await db.transaction().execute(async (tx) => {
    // The delegation's row first: two additions at once take turns, so the limit holds.
    await tx.updateTable('forum_delegations').set({ updated_at: now }).where('id', '=', d.id).execute();
    if ((await productsRepo.count(tx, d.id)) >= LIMITS.products)
      throw floorError('products', 'too_many', `a delegation presents at most ${LIMITS.products} products`);
    await tx
      .insertInto('forum_products')
      .values({
        id,
        forum_id: forumId,
        delegation_id: d.id,
        name: '{}',
        description: '{}',
        sector: null,
        ocop_stars: null,
        gi: null,
        ...columns(input),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'delegation',
        entityId: d.id,
        before: null,
        after: { product: id, ...input },
      },
    });
  });
  return presentOne(db, d, id);
}

/** The product and its delegation, for a caller who may change them (404 to anyone else). */
export async function productToEdit(db: Q, user: User, forumId: string, productId: string) {
  const p = await productsRepo.get(db, forumId, productId);
  if (!p) throw notFound('product', productId);
  const d = await delegationToEdit(db, user, forumId, p.delegation_id).catch(() => {
    throw notFound('product', productId);
  });
  return { p, d };
}

export async function updateProduct(
  { db, clock, user, forumId }: Ctx,
  productId: string,
  input: z.infer<typeof ProductUpdate>,
  expectedVersion: number,
) {
  const { d } = await productToEdit(db, user, forumId, productId);
  await assertReferences(db, d, input);
  await db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('forum_products')
      .set({ ...columns(input), version: expectedVersion + 1, updated_at: isoNow(clock) })
      .where('id', '=', productId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(`product ${productId}`, expectedVersion);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'delegation',
        entityId: d.id,
        before: null,
        after: { product: productId, ...input },
      },
    });
  });
  return presentOne(db, d, productId);
}

/** Removes a product with its photos (rows in the transaction, bytes after it). */
export async function deleteProduct(
  { db, user, forumId }: Ctx,
  store: FileStore | undefined,
  productId: string,
  expectedVersion: number,
) {
  const { p, d } = await productToEdit(db, user, forumId, productId);
  const photos = parseJson<string[]>(p.photos, []);
  await db.transaction().execute(async (tx) => {
    const res = await tx
      .deleteFrom('forum_products')
      .where('id', '=', productId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw versionConflict(`product ${productId}`, expectedVersion);
    if (photos.length) await tx.deleteFrom('files').where('id', 'in', photos).execute();
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'delete',
        entityType: 'delegation',
        entityId: d.id,
        before: { product: productId },
        after: null,
      },
    });
  });
  if (store) await removeBytes(store, photos);
}

export const removeBytes = (store: FileStore, ids: string[]) =>
  Promise.all(
    ids.flatMap((id) => [rm(store.path(id), { force: true }), rm(store.path(id, 'thumb'), { force: true })]),
  );
