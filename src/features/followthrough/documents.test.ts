import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { createApp } from '../../app.ts';
import { FileStore } from '../../platform/storage/store.ts';
import { buildCycleWithProject } from './fixtures.ts';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe.each(ENGINES)('documents as evidence on %s', (engine) => {
  let t: TestApp;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  let hanoi: Record<string, string>;
  let milestone: string;
  const upload = (body: Buffer | string, headers: Record<string, string>, type = 'application/pdf') =>
    app.request(
      `http://localhost/api/milestones/${milestone}/files?name=${encodeURIComponent('biên bản.pdf')}`,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': type },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      },
    );

  beforeAll(async () => {
    t = await testApp(engine);
    dir = await mkdtemp(join(tmpdir(), 'kizuna-ft-files-'));
    app = createApp({
      db: t.db,
      logger: pino({ level: 'silent' }),
      trustProxy: false,
      files: new FileStore(dir, 1024 * 1024),
    });
    const admin = (await t.signIn('admin')).headers;
    hanoi = (await t.signIn('editor', ['VN-HANOI'])).headers;
    milestone = (await buildCycleWithProject(t.req, admin, hanoi)).milestones[0].id;
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a PDF from a project editor and serves it to anyone as a sandboxed download', async () => {
    const res = await upload(PDF, hanoi);
    expect(res.status).toBe(201);
    const [evidence] = (await res.json()).evidence;
    expect(evidence.url).toBe(`/api/evidence/files/${evidence.file}`);
    const got = await app.request(`http://localhost${evidence.url}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-security-policy')).toContain('sandbox');
    expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n.pdf");
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('refuses anything but a PDF or an image, and anyone who edits no party', async () => {
    expect((await upload('<script>alert(1)</script>', hanoi, 'application/pdf')).status).toBe(415);
    const osaka = (await t.signIn('editor', ['JP-27'])).headers;
    expect((await upload(PDF, osaka)).status).toBe(403);
    expect((await upload(PDF, {})).status).toBe(401);
  });
});
