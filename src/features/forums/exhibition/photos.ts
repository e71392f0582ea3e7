/**
 * Product photos: the head (or an organiser) uploads one as the raw request body. The bytes decide
 * the type (JPEG, PNG or WebP only; a PNG named .jpg is a PNG), the image is decoded and encoded
 * again by sharp (metadata such as EXIF GPS dropped) with a thumbnail, and the file's row and the
 * product's photo list are written in one transaction (platform/storage).
 */
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import { AppError, notFound } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import { processUpload } from '../../../platform/storage/detect.ts';
import { serveFile } from '../../../platform/storage/serve.ts';
import type { FileStore } from '../../../platform/storage/store.ts';
import { readBody, saveUpload } from '../../../platform/storage/upload.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { parseJson } from '../../shared/json.ts';
import { floorError, forumToRead } from './access.ts';
import { productToEdit, removeBytes } from './products.ts';
import { productsRepo } from './repository.ts';
import { LIMITS } from './schemas.ts';

type Q = Kysely<Database>;
export const PHOTO_OWNER = 'forum.product';
/** A photo is at most this large (or the store's upload limit, if smaller). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

export const needStore = (store: FileStore | undefined): FileStore => {
  if (!store) throw new Error('this server has no file store (Deps.files)');
  return store;
};

export async function addPhoto(
  { db, clock, user, forumId, store }: { db: Q; clock: Clock; user: User; forumId: string; store: FileStore },
  productId: string,
  request: Request,
) {
  const { p, d } = await productToEdit(db, user, forumId, productId);
  if (parseJson<string[]>(p.photos, []).length >= LIMITS.photos)
    throw floorError('photos', 'too_many', `a product has at most ${LIMITS.photos} photos`);
  const max = Math.min(store.maxBytes, PHOTO_MAX_BYTES);
  const bytes = await readBody(request, max);
  // GIF is an image the platform accepts; a product photo is a photograph: JPEG, PNG or WebP.
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime.startsWith('image/') && !PHOTO_TYPES.has(type.mime))
    throw new AppError(
      'upload.unsupported_type',
      `the file is ${type.mime}; only JPEG, PNG or WebP photos are accepted here`,
    );
  const processed = await processUpload(bytes, ['image'], request.headers.get('content-type'));
  const name = new URL(request.url).searchParams.get('name');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const originalName = name ? name.replace(/[\u0000-\u001f\u007f/\\]/g, '').slice(0, 200) || null : null;
  const { file } = await saveUpload(
    db,
    { store, clock },
    { ...processed, originalName },
    { ownerKind: PHOTO_OWNER, ownerId: productId, createdBy: user.id },
    async (tx, f) => {
      const row = await productsRepo.get(tx, forumId, productId);
      if (!row) throw notFound('product', productId);
      const photos = parseJson<string[]>(row.photos, []);
      if (photos.length >= LIMITS.photos)
        throw floorError('photos', 'too_many', `a product has at most ${LIMITS.photos} photos`);
      await tx
        .updateTable('forum_products')
        .set({
          photos: JSON.stringify([...photos, f.id]),
          version: row.version + 1,
          updated_at: isoNow(clock),
        })
        .where('id', '=', productId)
        .execute();
      await recordChange(tx, {
        scopes: [forumScope(forumId)],
        audit: {
          actor: actorOf(user),
          action: 'update',
          entityType: 'delegation',
          entityId: d.id,
          before: null,
          after: { product: productId, photo: f.id, mime: f.mime },
        },
      });
    },
  );
  return { id: file.id, mime: file.mime, width: file.width, height: file.height, size: file.size };
}

export async function removePhoto(
  { db, clock, user, forumId, store }: { db: Q; clock: Clock; user: User; forumId: string; store: FileStore },
  productId: string,
  fileId: string,
) {
  const { p, d } = await productToEdit(db, user, forumId, productId);
  if (!parseJson<string[]>(p.photos, []).includes(fileId)) throw notFound('photo', fileId);
  await db.transaction().execute(async (tx) => {
    const row = (await productsRepo.get(tx, forumId, productId))!;
    const photos = parseJson<string[]>(row.photos, []).filter((id) => id !== fileId);
    await tx
      .updateTable('forum_products')
      .set({ photos: JSON.stringify(photos), version: row.version + 1, updated_at: isoNow(clock) })
      .where('id', '=', productId)
      .execute();
    await tx.deleteFrom('files').where('id', '=', fileId).execute();
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'delete',
        entityType: 'delegation',
        entityId: d.id,
        before: { product: productId, photo: fileId },
        after: null,
      },
    });
  });
  await removeBytes(store, [fileId]);
}

/** A product photo, to whoever may read the forum; public once the forum is past its draft. */
export async function servePhoto(
  db: Q,
  store: FileStore,
  forumId: string,
  fileId: string,
  variant: 'original' | 'thumb',
  user: User | null,
) {
  const forum = await forumToRead(db, forumId, user);
  const res = await serveFile(db, store, {
    id: fileId,
    ownerKind: PHOTO_OWNER,
    variant,
    authorize: async (f) => Boolean(f.owner_id && (await productsRepo.get(db, forumId, f.owner_id))),
  });
  // A photo of a published forum is public: caches may keep it (its id changes with its bytes).
  if (forum.state !== 'draft') res.headers.set('cache-control', 'public, max-age=86400');
  return res;
}
