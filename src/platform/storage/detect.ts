import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../../errors.ts';

/** What a caller accepts: images (re-encoded), and PDF documents where the feature allows them. */
export type Accept = 'image' | 'pdf';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

export interface Processed {
  kind: 'image' | 'document';
  mime: string;
  bytes: Buffer;
  width: number | null;
  height: number | null;
  thumb: { mime: string; bytes: Buffer } | null;
}

/** Images larger than this many pixels are refused before decoding (a small file can decode huge). */
const MAX_PIXELS = 50_000_000;
const THUMB_SIZE = 320;

const accepted = (accept: Accept[]) =>
  [
    ...(accept.includes('image') ? ['JPEG, PNG, WebP or GIF images'] : []),
    ...(accept.includes('pdf') ? ['PDF documents'] : []),
  ].join(' and ');

/**
 * Decides what the bytes are from the bytes themselves (not the name, not the declared type),
 * and makes them safe to store: an image is decoded and encoded again, which drops its metadata
 * (EXIF with the camera's GPS position, comments, anything appended after the image), applies
 * its orientation, and yields a thumbnail; a PDF is kept as it is. Anything else is refused.
 */
export async function processUpload(
  bytes: Buffer,
  accept: Accept[],
  declared: string | null,
): Promise<Processed> {
  if (bytes.length === 0)
    throw new AppError('upload.empty', 'the upload is empty: send the file as the request body');
  const type = await fileTypeFromBuffer(bytes);
  const mime = type?.mime ?? 'unknown';
  const lie =
    declared && declared.split(';')[0]!.trim().toLowerCase() !== mime && type
      ? ` (declared as ${declared.slice(0, 60)})`
      : '';
  if (accept.includes('image') && IMAGE_TYPES.has(mime)) return reencode(bytes, mime);
  if (accept.includes('pdf') && mime === 'application/pdf') {
    return { kind: 'document', mime, bytes, width: null, height: null, thumb: null };
  }
  const what = type
    ? `${mime}${lie}`
    : `not a type Kizuna recognises${declared ? ` (declared as ${declared.slice(0, 60)})` : ''}`;
  throw new AppError(
    'upload.unsupported_type',
    `the file is ${what}; only ${accepted(accept)} are accepted here`,
  );
}

async function reencode(bytes: Buffer, mime: string): Promise<Processed> {
  try {
    const input = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    const encoded =
      mime === 'image/png' || mime === 'image/gif'
        ? input.png({ compressionLevel: 9 })
        : mime === 'image/webp'
          ? input.webp({ quality: 85 })
          : input.jpeg({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumb = await sharp(data)
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return {
      kind: 'image',
      mime: mime === 'image/gif' ? 'image/png' : mime,
      bytes: data,
      width: info.width,
      height: info.height,
      thumb: { mime: 'image/webp', bytes: thumb },
    };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError(
      'upload.unreadable',
      `the file looks like ${mime} but cannot be read as an image: ${reason.slice(0, 200)}`,
    );
  }
}
