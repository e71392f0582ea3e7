import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database, FileRow } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { type Clock, isoNow } from '../clock.ts';
import { type Accept, type Processed, processUpload } from './detect.ts';
import type { FileStore } from './store.ts';

/**
 * Reads a request body up to `maxBytes`: a Content-Length above it is refused before reading,
 * and a body that grows past it (no length, or a false one) is cut off there.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new AppError(
      'upload.too_large',
      `uploads are limited to ${maxBytes} bytes (${Math.floor(maxBytes / 1048576)} MB)`,
    );
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** An upload that was read, checked and re-encoded, not yet stored. */
export interface ReceivedUpload extends Processed {
  originalName: string | null;
}

/**
 * Reads and checks an upload sent as the raw request body (`Content-Type` is only a claim; the
 * bytes decide). The file's name may come as `?name=` or an `X-File-Name` header, for display.
 */
export async function receiveUpload(
  request: Request,
  { store, accept }: { store: FileStore; accept: Accept[] },
): Promise<ReceivedUpload> {
  const bytes = await readBody(request, store.maxBytes);
  const processed = await processUpload(bytes, accept, request.headers.get('content-type'));
  const name = new URL(request.url).searchParams.get('name') ?? request.headers.get('x-file-name');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const originalName = name ? name.replace(/[\u0000-\u001f\u007f/\\]/g, '').slice(0, 200) || null : null;
  return { ...processed, originalName };
}

async function writeDurably(path: string, bytes: Buffer) {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface FileOwner {
  /** The feature and record the file belongs to: they decide who may read it. */
  ownerKind: string;
  ownerId: string | null;
  createdBy: string | null;
}

/**
 * Stores a received upload and its row, together with whatever the feature writes beside it
 * (`alsoInTransaction`, e.g. the product's photo list), all or nothing:
 * 1. the bytes go to temporary files in the store (written and synced);
 * 2. in one transaction: the row is inserted, the feature's change made, and the temporary
 *    files renamed to their final names (a rename is atomic) just before the commit;
 * 3. if anything fails, the final and temporary files are removed and the transaction rolls back.
 * A crash between the rename and the commit leaves a complete file without a row: it is never
 * served (serving starts from the row), and the hourly sweep removes it.
 */
export async function saveUpload<T = void>(
  db: Kysely<Database>,
  { store, clock }: { store: FileStore; clock: Clock },
  upload: ReceivedUpload,
  owner: FileOwner,
  alsoInTransaction?: (tx: Kysely<Database>, file: FileRow) => Promise<T>,
): Promise<{ file: FileRow; result: T | undefined }> {
  const id = randomUUID();
  const row: FileRow = {
    id,
    owner_kind: owner.ownerKind,
    owner_id: owner.ownerId,
    kind: upload.kind,
    mime: upload.mime,
    size: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    width: upload.width,
    height: upload.height,
    thumb_mime: upload.thumb?.mime ?? null,
    thumb_size: upload.thumb?.bytes.length ?? null,
    original_name: upload.originalName,
    created_by: owner.createdBy,
    created_at: isoNow(clock),
  };
  const parts = [
    { tmp: join(store.tmp, `${id}.part`), final: store.path(id), bytes: upload.bytes },
    ...(upload.thumb
      ? [
          {
            tmp: join(store.tmp, `${id}.thumb.part`),
            final: store.path(id, 'thumb'),
            bytes: upload.thumb.bytes,
          },
        ]
      : []),
  ];
  try {
    for (const p of parts) await writeDurably(p.tmp, p.bytes);
    const result = await db.transaction().execute(async (tx) => {
      await tx.insertInto('files').values(row).execute();
      const r = alsoInTransaction ? await alsoInTransaction(tx, row) : undefined;
      for (const p of parts) {
        await mkdir(dirname(p.final), { recursive: true });
        await rename(p.tmp, p.final);
      }
      return r;
    });
    return { file: row, result };
  } catch (err) {
    await Promise.all(parts.flatMap((p) => [rm(p.tmp, { force: true }), rm(p.final, { force: true })]));
    throw err;
  }
}

/** Removes a file's row and bytes (the row first: a file without a row is never served). */
export async function deleteFile(db: Kysely<Database>, store: FileStore, id: string): Promise<boolean> {
  const res = await db.deleteFrom('files').where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) return false;
  await Promise.all([rm(store.path(id), { force: true }), rm(store.path(id, 'thumb'), { force: true })]);
  return true;
}
