import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { problemCode } from '../../../test/support/factories.ts';
import { systemClock } from '../../platform/clock.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { annualReportJob, sha256 } from './annual-report.ts';
import { buildCycleWithProject, CYCLE } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'kizuna-annual-'));
const pdfText = (bytes: Buffer, name: string) => {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};
type H = Record<string, string>;
type Json = Record<string, unknown>;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(ENGINES)('the annual report on %s', (engine) => {
  let t: TestApp;
  let admin: H;
  let hanoi: H;
  let projectId: string;
  let first: { res: Response; body: Json; ms: number };
  const base = `/api/cycles/${CYCLE.id}/annual-reports`;
  const runJobs = () =>
    new JobRunner({
      db: t.db,
      clock: systemClock,
      logger: pino({ level: 'silent' }),
      jobs: [annualReportJob],
      recurring: [],
      owner: 'test',
    }).runDue();
  const bytes = async (path: string) => {
    const res = await t.req(path);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    t = await testApp(engine);
    admin = (await t.signIn('admin')).headers;
    hanoi = (await t.signIn('editor', ['VN-HANOI'])).headers;
    ({ projectId } = await buildCycleWithProject(t.req, admin, hanoi));
    // Version 1, published and drawn before any test, so that each reads it whatever their order.
    const started = Date.now();
    const res = await t.req(base, { method: 'POST', headers: admin });
    const body = (await res.json()) as Json;
    await runJobs();
    first = { res, body, ms: Date.now() - started };
  });
  afterAll(() => t.close());

  it('is published by admins (not by a project’s editor), as a job with progress', async () => {
    const refused = await t.req(base, { method: 'POST', headers: hanoi });
    expect(refused.status).toBe(403);
    expect(await problemCode(refused)).toBe('auth.forbidden');
    expect(first.res.status).toBe(201);
    const r = first.body as { files: { pdf: Json; csv: string } };
    expect(r).toMatchObject({ number: 1, job: { status: 'queued' } });
    expect(r.files.pdf).toEqual({ vi: null, ja: null, en: null });
    expect(r.files.csv).toMatch(/\/api\/cycles\/c2026\/annual-reports\/1\/report\.csv$/);
    console.info(`annual report published and drawn (3 PDFs, 1 project) in ${first.ms} ms`);
    const listed = (
      (await (await t.req(base)).json()).items as { number: number; job: Json; files: { pdf: Json } }[]
    ).find((i) => i.number === 1)!;
    expect(listed.job).toMatchObject({ status: 'done', progress: 1 });
    expect(Object.values(listed.files.pdf).every((u) => typeof u === 'string')).toBe(true);
  });

  it('writes the PDF in each language with its exact titles', async () => {
    const vi = pdfText(await bytes(`${base}/1/report.vi.pdf`), 'vi');
    expect(vi).toContain('Báo cáo thường niên');
    expect(vi).toContain('Theo dõi 2026–2027');
    expect(vi).toContain('Xử lý nước thải');
    expect(vi).toContain('Tiến độ');
    const ja = pdfText(await bytes(`${base}/1/report.ja.pdf`), 'ja');
    expect(ja).toContain('年次報告書');
    expect(ja).toContain('排水処理');
    expect(ja).toContain('進捗算定ルール');
    const en = pdfText(await bytes(`${base}/1/report.en.pdf`), 'en');
    expect(en).toContain('Annual report');
    expect(en).toContain('Wastewater');
  });

  it('gives the same data as CSV and JSON', async () => {
    const csv = (await bytes(`${base}/1/report.csv`)).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Xử lý nước thải');
    expect(csv).toContain("'=Survey"); // a formula prefix made inert
    const json = JSON.parse((await bytes(`${base}/1/report.json`)).toString('utf8'));
    expect(json).toMatchObject({ format: 'kizuna-annual-report/1', number: 1, cycle: { id: CYCLE.id } });
    expect(json.projects[0]).toMatchObject({ id: projectId, coverage: { milestones: 2 } });
    expect(json.projects[0].milestones).toHaveLength(2);
  });

  it('keeps version 1 unchanged when published again after the data changed', async () => {
    const files = ['report.json', 'report.csv', 'report.vi.pdf', 'report.ja.pdf', 'report.en.pdf'];
    const before = await Promise.all(files.map(async (f) => sha256(await bytes(`${base}/1/${f}`))));
    const m = await t.req(`/api/projects/${projectId}/milestones`, {
      method: 'POST',
      headers: hanoi,
      body: { title: { en: 'Handover of the plant' }, dueOn: '2027-06-30', weight: 1 },
    });
    expect(m.status).toBe(201);
    const again = await t.req(base, { method: 'POST', headers: admin });
    expect((await again.json()).number).toBe(2);
    await runJobs();
    const after = await Promise.all(files.map(async (f) => sha256(await bytes(`${base}/1/${f}`))));
    expect(after).toEqual(before);
    const v2 = JSON.parse((await bytes(`${base}/2/report.json`)).toString('utf8'));
    expect(v2.projects[0].milestones).toHaveLength(3);
    const list = (await (await t.req(base)).json()).items;
    expect(list.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    expect((await t.req(`${base}/3/report.json`)).status).toBe(404);
    expect((await t.req(`${base}/1/report.fr.pdf`)).status).toBe(400);
  });
});
