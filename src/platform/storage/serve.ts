import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database, FileRow } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import type { FileStore } from './store.ts';

const notFound = (id: string) => new AppError('not_found', `file ${id.slice(0, 40)} does not exist`);

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
const disposition = (type: 'inline' | 'attachment', name: string | null) => {
  if (!name) return type;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

/**
 * Answers a stored file, after the owning feature's permission check (`authorize` sees the row:
 * its owner kind and id). Only files of `ownerKind` are served by a route, so a route for
 * product photos cannot be used to read an agreement's documents by guessing ids.
 * The answer carries the type detected at upload, `nosniff`, and a sandboxing CSP, so that even
 * a browser opening it directly runs nothing in it; documents are downloads.
 */
export async function serveFile(
  db: Kysely<Database>,
  store: FileStore,
  {
    id,
    ownerKind,
    variant = 'original',
    authorize,
  }: {
    id: string;
    ownerKind: string;
    variant?: 'original' | 'thumb';
    authorize: (file: FileRow) => boolean | Promise<boolean>;
  },
): Promise<Response> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound(id);
  const row = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.owner_kind !== ownerKind) throw notFound(id);
  if (!(await authorize(row))) throw new AppError('auth.forbidden', 'you may not read this file');
  const mime = variant === 'thumb' ? row.thumb_mime : row.mime;
  if (!mime) throw notFound(`${id} (thumbnail)`);
  const path = store.path(id, variant);
  const size = await stat(path).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw new Error(`file ${id} has a row but no bytes at ${path}`);
  const headers = {
    'content-type': mime,
    'content-length': String(size),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'content-disposition': disposition(row.kind === 'image' ? 'inline' : 'attachment', row.original_name),
    'cache-control': 'private, max-age=3600',
    etag: `"${row.sha256.slice(0, 32)}${variant === 'thumb' ? '-t' : ''}"`,
  };
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
