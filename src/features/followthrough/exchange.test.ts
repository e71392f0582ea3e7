import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { problemPaths } from '../../../test/support/factories.ts';
import { xsdErrors } from '../../../test/support/xml.ts';
import { readExchangeCsv } from '../../domain/progress/exchange.ts';
import { recomputeAll } from '../../domain/progress/recompute.ts';
import { buildCycleWithProject, CYCLE } from './fixtures.ts';

type Headers = Record<string, string>;

describe.each(ENGINES)('follow-through exchange on %s', (engine) => {
  let t: TestApp;
  let admin: Headers;
  let hanoi: Headers;
  let projectId: string;
  let milestones: { id: string }[];
  const csvOf = async () => {
    const res = await t.req(`/api/cycles/${CYCLE.id}/projects.csv?period=2026-H2`);
    expect(res.status).toBe(200);
    return res.text();
  };
  const upload = (text: string, dryRun: boolean, headers: Headers) =>
    t.app.request(`http://localhost/api/cycles/${CYCLE.id}/projects.csv?dryRun=${dryRun}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: text,
    });
  const auditCount = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );

  beforeAll(async () => {
    t = await testApp(engine);
    admin = (await t.signIn('admin')).headers;
    hanoi = (await t.signIn('editor', ['VN-HANOI'])).headers;
    const shiga = (await t.signIn('editor', ['JP-25'])).headers;
    ({ projectId, milestones } = await buildCycleWithProject(t.req, admin, hanoi));
    for (const [side, headers, statuses] of [
      ['vn', hanoi, ['met', 'scheduled']],
      ['jp', shiga, ['partiallyMet', 'scheduled']],
    ] as const) {
      const res = await t.req(`/api/projects/${projectId}/reports`, {
        method: 'POST',
        headers,
        body: {
          period: '2026-H2',
          side,
          state: 'submitted',
          milestones: milestones.map((m, i) => ({
            milestone: m.id,
            status: statuses[i],
            progress: i ? 30 : 60,
          })),
        },
      });
      if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    }
  });
  afterAll(() => t.close());

  it('exports a CSV whose published figures anyone can recompute, formulas made inert', async () => {
    const text = await csvOf();
    const bytes = new Uint8Array(await (await t.req(`/api/cycles/${CYCLE.id}/projects.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith('kind,id,external_id')).toBe(true);
    expect(text).toContain(",'=Survey,");
    const read = readExchangeCsv(text);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.projects[0].published).toEqual({
      state: 'disputed',
      progress: 50,
      coverage: { milestones: 2, withData: 2 },
      rule: 'progress/1',
    });
    expect(recomputeAll(read.projects).projects.every((p) => p.mismatch.length === 0)).toBe(true);
  });

  it('shows the cycle’s dashboard with each figure’s coverage, state and rule', async () => {
    const res = await t.req(`/api/cycles/${CYCLE.id}?period=2026-H2`);
    expect(res.status).toBe(200);
    const d = await res.json();
    expect(d.rule).toBe('progress/1');
    expect(d.counts.byState).toEqual({ disputed: 1 });
    expect(d.byField['environment.water']).toMatchObject({
      progress: 50,
      coverage: { milestones: 2, withData: 2, projects: 1 },
    });
    expect(d.byLocality['JP-25'].coverage.states.disputed).toBe(1);
    expect(d.projects[0]).toMatchObject({
      id: projectId,
      state: 'disputed',
      progress: 50,
      rule: 'progress/1',
    });
    expect(['onTrack', 'atRisk', 'late']).toContain(d.projects[0].health);
    expect((await t.req(`/api/cycles/${CYCLE.id}?period=1999-H1`)).status).toBe(400);
    expect((await t.req('/api/cycles/nope')).status).toBe(404);
  });

  it('round trip: importing the export changes nothing', async () => {
    const text = await csvOf();
    const dry = await upload(text, true, hanoi);
    expect(dry.status).toBe(200);
    const body = await dry.json();
    expect(body.changes.map((c: { action: string }) => c.action)).toEqual(['unchanged']);
    const before = await auditCount();
    const real = await upload(text, false, hanoi);
    expect(real.status).toBe(200);
    expect(await auditCount()).toBe(before);
    expect(await csvOf()).toBe(text);
  });

  it('names every bad row and writes nothing', async () => {
    const text = await csvOf();
    const lines = text.split('\r\n');
    // Line 3 is the first milestone: a bad date; line 4 a bad status.
    lines[2] = lines[2].replace('2026-11-30', '2026-13-01');
    lines[3] = lines[3].replace(',scheduled,', ',finished,');
    const res = await upload(lines.join('\r\n'), true, hanoi);
    expect(res.status).toBe(400);
    expect(await problemPaths(res)).toEqual(['line.3.due', 'line.4.status']);
  });

  it('imports all or nothing: a new project with a bad reference stops the good changes too', async () => {
    const text = await csvOf();
    const [header, project, m1, m2] = text.replace(/^\uFEFF/, '').split('\r\n');
    const renamed = project.replace('Wastewater', 'Wastewater treatment');
    const cols = header.split(',');
    const values: Record<string, string> = {
      kind: 'project',
      external_id: 'NEW-1',
      cycle: CYCLE.id,
      lifecycle: 'pipeline',
      title_en: 'New one',
      parties: 'lead:VN-HANOI;partner:org-does-not-exist',
    };
    const added = cols.map((c) => values[c] ?? '').join(',');
    const file = [header, renamed, m1, m2, added].join('\r\n');
    const res = await upload(file, false, hanoi);
    expect(res.status).toBe(400);
    expect(await problemPaths(res)).toEqual(['project.NEW-1.parties.1.organization']);
    const page = await (await t.req(`/api/projects/${projectId}`)).json();
    expect(page.title.en).toBe('Wastewater');
    // Without the bad record the same file is written; the dry run says what first.
    const good = [header, renamed, m1, m2].join('\r\n');
    const dry = await (await upload(good, true, hanoi)).json();
    expect(dry.changes[0]).toMatchObject({ action: 'update', fields: ['title'] });
    expect((await upload(good, false, hanoi)).status).toBe(200);
    expect((await (await t.req(`/api/projects/${projectId}`)).json()).title.en).toBe('Wastewater treatment');
  });

  it('refuses an import from a caller who edits none of the parties', async () => {
    const osaka = (await t.signIn('editor', ['JP-27'])).headers;
    const text = (await csvOf()).replace(/Wastewater[^,]*/, 'Taken over');
    const res = await upload(text, false, osaka);
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({
      path: `project.${projectId}`,
      code: 'auth.forbidden',
    });
    expect((await upload(text, false, {})).status).toBe(401);
  });

  it('exports the cycle as IATI activities valid against the 2.03 schema', async () => {
    const res = await t.req(`/api/cycles/${CYCLE.id}/iati.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xsdErrors('vendor/iati-2.03/iati-activities-schema.xsd', xml)).toEqual([]);
    expect(xml).toContain(`<iati-identifier>XM-KIZUNA-${projectId}</iati-identifier>`);
    expect(xml).toContain('<narrative xml:lang="ja">排水処理</narrative>');
  });
});
