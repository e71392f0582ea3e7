import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import pino from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDb, type TestDb } from '../../../test/support/db.ts';
import { AppError, problemBody } from '../../errors.ts';
import { TestClock } from '../clock.ts';
import { JobRunner } from '../jobs/runner.ts';
import type { Accept } from './detect.ts';
import { serveFile } from './serve.ts';
import { FileStore } from './store.ts';
import { sweepFiles } from './sweep.ts';
import { receiveUpload, saveUpload } from './upload.ts';

const MAX = 200_000;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A photo as a phone makes it: EXIF with the camera, the owner's name and a rotation. */
const photo = (width = 640, height = 480) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'SecretCam', Artist: 'Nguyen Van A, 12 Hang Bac' } })
    .toBuffer();

describe.each(ENGINES)('uploads on %s', (engine) => {
  let t: TestDb;
  let dir: string;
  let store: FileStore;
  const clock = new TestClock(new Date());
  let app: Hono;
  let failNext = false;

  beforeAll(async () => {
    t = await freshDb(engine);
    dir = await mkdtemp(join(tmpdir(), 'kizuna-files-'));
    store = new FileStore(dir, MAX);
    // What a feature's routes look like: an upload route and a read route with its own permission check.
    app = new Hono();
    app.onError((err, c) => {
      const e = err instanceof AppError ? err : new AppError('internal', String(err));
      return c.json(problemBody(e), e.status as 400, { 'content-type': 'application/problem+json' });
    });
    const accepts: Record<string, Accept[]> = { photos: ['image'], documents: ['image', 'pdf'] };
    app.post('/things/:id/:what/files', async (c) => {
      const upload = await receiveUpload(c.req.raw, { store, accept: accepts[c.req.param('what')]! });
      const { file } = await saveUpload(
        t.db,
        { store, clock },
        upload,
        { ownerKind: 'thing', ownerId: c.req.param('id'), createdBy: 'u1' },
        async () => {
          if (failNext) throw new Error('the feature could not record the photo');
        },
      );
      return c.json(file, 201);
    });
    app.get('/things/:id/files/:file/:variant?', (c) =>
      serveFile(t.db, store, {
        id: c.req.param('file'),
        ownerKind: c.req.header('x-kind') ?? 'thing',
        variant: c.req.param('variant') === 'thumb' ? 'thumb' : 'original',
        authorize: (row) => row.owner_id === c.req.param('id') && c.req.header('x-user') === 'owner',
      }),
    );
  });
  afterAll(async () => {
    await t.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = (body: BodyInit, type: string, what = 'photos', extra: RequestInit = {}) =>
    app.request(`http://x/things/t1/${what}/files?name=${encodeURIComponent('ảnh 1.jpg')}`, {
      method: 'POST',
      body,
      headers: { 'content-type': type },
      ...extra,
    });
  const stored = () =>
    readdirSync(dir, { recursive: true }).filter((n) => !String(n).startsWith('tmp') && String(n).length > 2);
  const rows = async () => (await t.db.selectFrom('files').select('id').execute()).length;

  it('re-encodes a photo without its metadata, keeps a thumbnail, and serves it with its type and nosniff', async () => {
    const original = await photo();
    expect(await sharp(original).metadata()).toMatchObject({ orientation: 6, exif: expect.any(Buffer) });
    expect(original.includes('SecretCam')).toBe(true);
    const res = await upload(original, 'image/jpeg');
    expect(res.status).toBe(201);
    const file = await res.json();
    expect(file).toMatchObject({
      kind: 'image',
      mime: 'image/jpeg',
      owner_kind: 'thing',
      owner_id: 't1',
      original_name: 'ảnh 1.jpg',
    });
    // Orientation 6 (rotated 90°) was applied: the stored image stands upright.
    expect([file.width, file.height]).toEqual([480, 640]);

    const got = await app.request(`http://x/things/t1/files/${file.id}`, { headers: { 'x-user': 'owner' } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toContain('sandbox');
    expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''%E1%BA%A3nh%201.jpg");
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(bytes.length).toBe(file.size);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(bytes.includes('SecretCam')).toBe(false);
    expect(bytes.includes('Hang Bac')).toBe(false);

    const thumb = await app.request(`http://x/things/t1/files/${file.id}/thumb`, {
      headers: { 'x-user': 'owner' },
    });
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const tm = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(Math.max(tm.width!, tm.height!)).toBe(320);
  });

  it("serves only after the owner's check, and only through the owning feature's route", async () => {
    const file = await (await upload(await photo(50, 50), 'image/jpeg')).json();
    const as = (headers: Record<string, string>, owner = 't1') =>
      app.request(`http://x/things/${owner}/files/${file.id}`, { headers });
    expect((await as({})).status).toBe(403);
    expect((await as({ 'x-user': 'owner' }, 't2')).status).toBe(403);
    expect((await as({ 'x-user': 'owner', 'x-kind': 'agreement' })).status).toBe(404);
    expect(
      (await app.request('http://x/things/t1/files/../../etc/passwd', { headers: { 'x-user': 'owner' } }))
        .status,
    ).toBe(404);
  });

  it('keeps a PNG a PNG, and takes a PDF only where documents are allowed', async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 4, background: '#00ff0080' } })
      .png()
      .toBuffer();
    expect(await (await upload(png, 'image/png')).json()).toMatchObject({
      mime: 'image/png',
      width: 30,
      height: 20,
    });
    const refused = await upload(PDF, 'application/pdf');
    expect(refused.status).toBe(415);
    expect(await refused.json()).toMatchObject({
      code: 'upload.unsupported_type',
      detail: expect.stringMatching(/application\/pdf.*only JPEG, PNG, WebP or GIF images/),
    });
    const doc = await upload(PDF, 'application/pdf', 'documents');
    expect(doc.status).toBe(201);
    const file = await doc.json();
    expect(file).toMatchObject({ kind: 'document', mime: 'application/pdf', thumb_mime: null });
    const got = await app.request(`http://x/things/t1/files/${file.id}`, { headers: { 'x-user': 'owner' } });
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('refuses a file that lies about its type, naming what it is', async () => {
    const before = [await rows(), stored().length];
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const res = await upload(html, 'image/png');
    expect(res.status).toBe(415);
    expect((await res.json()).detail).toMatch(/not a type Kizuna recognises \(declared as image\/png\)/);
    const pdfAsJpeg = await upload(PDF, 'image/jpeg');
    expect((await pdfAsJpeg.json()).detail).toMatch(/application\/pdf \(declared as image\/jpeg\)/);
    // JPEG magic bytes followed by nonsense: detected as JPEG, but it is not an image.
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    const broken = await upload(fake, 'image/jpeg');
    expect(broken.status).toBe(422);
    expect((await broken.json()).code).toBe('upload.unreadable');
    expect((await upload(Buffer.alloc(0), 'image/jpeg')).status).toBe(400);
    expect([await rows(), stored().length]).toEqual(before);
  });

  it('refuses an oversize upload, declared or not, and keeps nothing of it', async () => {
    const before = [await rows(), stored().length];
    const big = Buffer.alloc(MAX + 1, 1);
    const declared = await upload(big, 'image/jpeg');
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: 'upload.too_large' });
    // No Content-Length: the body is cut off at the limit while it streams.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        if (sent > 5 * MAX) return ctrl.close();
        sent += 16_384;
        ctrl.enqueue(new Uint8Array(16_384));
      },
    });
    const streamed = await upload(stream, 'image/jpeg', 'photos', { duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(2 * MAX);
    expect([await rows(), stored().length]).toEqual(before);
    expect(readdirSync(store.tmp)).toEqual([]);
  });

  it('nothing half-written survives a failed save: no row, no file, no temporary part', async () => {
    const before = [await rows(), stored().length];
    failNext = true;
    try {
      const res = await upload(await photo(), 'image/jpeg');
      expect(res.status).toBe(500);
    } finally {
      failNext = false;
    }
    expect([await rows(), stored().length]).toEqual(before);
    expect(readdirSync(store.tmp)).toEqual([]);
  });

  it('the sweep removes what a crash left (old parts, files without a row) and keeps stored files', async () => {
    const kept = await (await upload(await photo(20, 20), 'image/jpeg')).json();
    const orphanId = '0a0a0a0a-0000-4000-8000-000000000000';
    mkdirSync(join(dir, '0a'), { recursive: true });
    writeFileSync(join(dir, '0a', orphanId), 'committed never');
    writeFileSync(join(store.tmp, 'x.part'), 'half');
    const fresh = '0b0b0b0b-0000-4000-8000-000000000000';
    mkdirSync(join(dir, '0b'), { recursive: true });
    writeFileSync(join(dir, '0b', fresh), 'maybe being saved right now');
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    utimesSync(join(dir, '0a', orphanId), hoursAgo(2), hoursAgo(2));
    utimesSync(join(store.tmp, 'x.part'), hoursAgo(2), hoursAgo(2));
    const sweep = sweepFiles(dir);
    const runner = new JobRunner({
      db: t,
      clock,
      logger: pino({ level: 'silent' }),
      jobs: [sweep],
      recurring: [{ job: sweep, everyMs: 3_600_000, payload: {} }],
    });
    await runner.runDue();
    expect(existsSync(join(dir, '0a', orphanId))).toBe(false);
    expect(existsSync(join(store.tmp, 'x.part'))).toBe(false);
    expect(existsSync(join(dir, '0b', fresh))).toBe(true);
    expect(readFileSync(store.path(kept.id)).length).toBe(kept.size);
    expect(existsSync(store.path(kept.id, 'thumb'))).toBe(true);
  });
});
