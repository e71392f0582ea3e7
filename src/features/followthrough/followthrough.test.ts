import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { auditOf, problemCode, problemPaths } from '../../../test/support/factories.ts';
import { CYCLE } from './fixtures.ts';

type Headers = Record<string, string>;

describe.each(ENGINES)('follow-through records on %s', (engine) => {
  let t: TestApp;
  let admin: Headers;
  let hanoi: Headers; // editor of VN-HANOI
  let shiga: Headers; // editor of JP-25
  let osaka: Headers; // editor of JP-27, not a party
  let projectId: string;
  let ms: { id: string; version: number }[];

  const post = (path: string, body: unknown, headers: Headers) =>
    t.req(path, { method: 'POST', body, headers });
  const project = () => ({
    title: { vi: 'Xử lý nước thải Hồ Tây', en: 'West Lake wastewater' },
    priorityField: { locality: 'VN-HANOI', sector: 'environment.water' },
    parties: [
      { role: 'lead', locality: 'VN-HANOI' },
      { role: 'partner', locality: 'JP-25' },
    ],
    contacts: [
      { side: 'vn', email: 'vn@example.org', language: 'vi' },
      { side: 'jp', email: 'jp@example.org', language: 'ja' },
    ],
    plannedStart: '2026-01-15',
  });

  beforeAll(async () => {
    t = await testApp(engine);
    admin = (await t.signIn('admin')).headers;
    hanoi = (await t.signIn('editor', ['VN-HANOI'])).headers;
    shiga = (await t.signIn('editor', ['JP-25'])).headers;
    osaka = (await t.signIn('editor', ['JP-27'])).headers;
    const c = await post('/api/cycles', CYCLE, admin);
    if (c.status !== 201) throw new Error(`cycle: ${c.status} ${await c.text()}`);
    const p = await post(`/api/cycles/${CYCLE.id}/projects`, project(), hanoi);
    if (p.status !== 201) throw new Error(`project: ${p.status} ${await p.text()}`);
    projectId = (await p.json()).id;
    ms = [];
    for (const [title, weight] of [
      ['Survey', 2],
      ['Pilot plant', 1],
    ] as const) {
      const m = await post(
        `/api/projects/${projectId}/milestones`,
        { title: { en: title }, dueOn: '2026-11-30', weight },
        hanoi,
      );
      if (m.status !== 201) throw new Error(`milestone: ${m.status} ${await m.text()}`);
      ms.push(await m.json());
    }
  });
  afterAll(() => t.close());

  it('refuses a cycle from an editor, and bad periods naming each field', async () => {
    expect((await post('/api/cycles', { ...CYCLE, id: 'x1' }, hanoi)).status).toBe(403);
    const res = await post(
      '/api/cycles',
      {
        ...CYCLE,
        id: 'x2',
        periods: [
          { id: 'a', startsOn: '2026-01-01', endsOn: '2026-07-31' },
          { id: 'a', startsOn: '2026-07-01', endsOn: '2028-01-01' },
        ],
      },
      admin,
    );
    expect(res.status).toBe(400);
    expect(await problemPaths(res)).toEqual(['periods.1', 'periods.1.id', 'periods.1.startsOn']);
    expect((await post('/api/cycles', { ...CYCLE, forumId: 'no-such-forum', id: 'x3' }, admin)).status).toBe(
      422,
    );
  });

  it('lets an editor name their locality’s priority fields, warning beyond the rule, and no one else', async () => {
    const put = (loc: string, fields: unknown[], headers: Headers) =>
      t.req(`/api/cycles/${CYCLE.id}/priorities/${loc}`, { method: 'PUT', body: { fields }, headers });
    const three = [{ sector: 'environment.water' }, { sector: 'tourism' }, { sector: 'agriculture' }];
    const res = await put('VN-HANOI', three, hanoi);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.fields.map((f: { sector: string; rank: number }) => [f.sector, f.rank])).toEqual([
      ['environment.water', 1],
      ['tourism', 2],
      ['agriculture', 3],
    ]);
    expect(body.warnings).toHaveLength(1);
    expect((await put('VN-HANOI', [{ sector: 'tourism' }], shiga)).status).toBe(403);
    const dup = await put('VN-HANOI', [{ sector: 'tourism' }, { sector: 'tourism' }], hanoi);
    expect(dup.status).toBe(400);
    expect(await problemPaths(dup)).toEqual(['fields.1.sector']);
    expect((await put('VN-HANOI', [{ sector: 'environment.water' }], hanoi)).status).toBe(200);
    const dash = await (await t.req(`/api/cycles/${CYCLE.id}`)).json();
    expect(dash.localities['VN-HANOI'].priorityFields.map((f: { sector: string }) => f.sector)).toEqual([
      'environment.water',
    ]);
  });

  it('writes a project only for an editor of a party, and names unknown references', async () => {
    expect((await post(`/api/cycles/${CYCLE.id}/projects`, project(), osaka)).status).toBe(403);
    expect(
      (await t.req(`/api/cycles/${CYCLE.id}/projects`, { method: 'POST', body: project() })).status,
    ).toBe(401);
    const bad = await post(
      `/api/cycles/${CYCLE.id}/projects`,
      {
        ...project(),
        parties: [
          { role: 'lead', locality: 'VN-HANOI' },
          { role: 'partner', organization: 'nope' },
        ],
        origins: [
          { kind: 'agreement', ref: 'no-agreement' },
          { kind: 'project', ref: 'no-project' },
          { kind: 'meeting', ref: 'no-forum/m1' },
        ],
      },
      hanoi,
    );
    expect(bad.status).toBe(422);
    expect(await problemPaths(bad)).toEqual([
      'origins.0.ref',
      'origins.1.ref',
      'origins.2.ref',
      'parties.1.organization',
    ]);
  });

  it('updates a project with If-Match; an editor cannot hand it out of their scope', async () => {
    const page = await t.req(`/api/projects/${projectId}`, { headers: shiga });
    const etag = page.headers.get('etag')!;
    const body = await page.json();
    expect(body.actions).toEqual({ update: true, reportAs: ['jp'] });
    expect(body.contacts).toHaveLength(2);
    // The public never sees contacts.
    expect((await (await t.req(`/api/projects/${projectId}`)).json()).contacts).toBeUndefined();
    const away = await t.req(`/api/projects/${projectId}`, {
      method: 'PUT',
      headers: { ...shiga, 'if-match': etag },
      body: { ...project(), priorityField: null, parties: [{ role: 'lead', locality: 'VN-HANOI' }] },
    });
    expect(away.status).toBe(403);
    const ok = await t.req(`/api/projects/${projectId}`, {
      method: 'PUT',
      headers: { ...shiga, 'if-match': etag },
      body: { ...project(), lifecycle: 'implementation' },
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).lifecycle).toBe('implementation');
    const stale = await t.req(`/api/projects/${projectId}`, {
      method: 'PUT',
      headers: { ...shiga, 'if-match': etag },
      body: project(),
    });
    expect(stale.status).toBe(412);
    const audit = await auditOf(t, projectId);
    expect(audit.map((e) => `${e.entity_type}:${e.action}`)).toEqual(['project:create', 'project:update']);
  });

  it('keeps every submitted version; each side reports only for itself; disputes show where and by how much', async () => {
    const report = (side: 'vn' | 'jp', statuses: [string, number][], state = 'submitted') => ({
      period: '2026-H2',
      side,
      state,
      text: { vi: { text: '<p onclick="x()">Tiến độ <script>alert(1)</script>tốt</p>', status: 'original' } },
      milestones: statuses.map(([status, progress], i) => ({ milestone: ms[i].id, status, progress })),
    });
    // Shiga's editor may not report the Vietnamese side.
    expect(
      (await post(`/api/projects/${projectId}/reports`, report('vn', [['met', 100]]), shiga)).status,
    ).toBe(403);
    const vn = await post(
      `/api/projects/${projectId}/reports`,
      report('vn', [
        ['met', 100],
        ['scheduled', 30],
      ]),
      hanoi,
    );
    expect(vn.status).toBe(201);
    const vnBody = await vn.json();
    expect(vnBody.report.text.vi.text).toBe('<p>Tiến độ tốt</p>');
    expect(vnBody.figure.state).toBe('oneSided');
    const jp = await post(
      `/api/projects/${projectId}/reports`,
      report('jp', [
        ['partiallyMet', 60],
        ['scheduled', 30],
      ]),
      shiga,
    );
    const { figure } = await jp.json();
    // VN: (100·2 + 30)/3 = 76.7; JP: (60·2 + 30)/3 = 50; statuses differ on the survey: disputed at the lower.
    expect(figure.state).toBe('disputed');
    expect(figure.progress).toBe(50);
    expect(figure.sides.vn.progress).toBe(76.7);
    expect(figure.disputes).toEqual([
      {
        milestone: ms[0].id,
        vn: { status: 'met', value: 100 },
        jp: { status: 'partiallyMet', value: 60 },
        gap: 40,
      },
    ]);
    expect(figure.coverage).toEqual({ milestones: 2, withData: 2 });
    expect(figure.rule).toBe('progress/1');
    // A correction by the Japanese side: a new version; the first stays readable.
    const fixed = await post(
      `/api/projects/${projectId}/reports`,
      report('jp', [
        ['met', 100],
        ['scheduled', 40],
      ]),
      shiga,
    );
    expect((await fixed.json()).figure).toMatchObject({ state: 'agreed', progress: 78.3 }); // (76.7 + 80) / 2;
    const list = await (await t.req(`/api/projects/${projectId}/reports?period=2026-H2`)).json();
    expect(list.items.map((r: { side: string; version: number }) => `${r.side}${r.version}`)).toEqual([
      'jp1',
      'jp2',
      'vn1',
    ]);
    // A draft is seen by its side's editors only.
    await post(`/api/projects/${projectId}/reports`, report('vn', [['met', 100]], 'draft'), hanoi);
    const publicList = await (await t.req(`/api/projects/${projectId}/reports`)).json();
    expect(publicList.items.some((r: { state: string }) => r.state === 'draft')).toBe(false);
    const own = await (await t.req(`/api/projects/${projectId}/reports`, { headers: hanoi })).json();
    expect(own.items.filter((r: { state: string }) => r.state === 'draft')).toHaveLength(1);
    const other = await (await t.req(`/api/projects/${projectId}/reports`, { headers: shiga })).json();
    expect(other.items.some((r: { state: string }) => r.state === 'draft')).toBe(false);
    // A report naming a milestone of no project, or twice, names the field.
    const bad = await post(
      `/api/projects/${projectId}/reports`,
      { ...report('vn', [['met', 100]]), milestones: [{ milestone: 'nope', status: 'met', progress: 100 }] },
      hanoi,
    );
    expect(bad.status).toBe(400);
    expect(await problemPaths(bad)).toEqual(['milestones.0.milestone']);
  });

  it('carries notes between the two sides, for the project’s editors only', async () => {
    const res = await post(
      `/api/projects/${projectId}/notes`,
      { side: 'jp', text: { ja: '<b>調査</b><img src=x onerror=alert(1)>は完了です' } },
      shiga,
    );
    expect(res.status).toBe(201);
    expect((await res.json()).text.ja).toBe('<b>調査</b>は完了です');
    expect(
      (await post(`/api/projects/${projectId}/notes`, { side: 'vn', text: { vi: 'x' } }, shiga)).status,
    ).toBe(403);
    const read = await (await t.req(`/api/projects/${projectId}/notes`, { headers: hanoi })).json();
    expect(read.items).toHaveLength(1);
    expect((await t.req(`/api/projects/${projectId}/notes`, { headers: osaka })).status).toBe(403);
    expect(await problemCode(await t.req(`/api/projects/${projectId}/notes`))).toBe('auth.unauthenticated');
  });

  it('changes a milestone with If-Match and adds evidence links, project editors only', async () => {
    const m = ms[1];
    const res = await t.req(`/api/milestones/${m.id}`, {
      method: 'PUT',
      headers: { ...hanoi, 'if-match': `"${m.version}"` },
      body: { title: { en: 'Pilot plant' }, dueOn: '2026-12-15', weight: 1, status: 'scheduled' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).dueOn).toBe('2026-12-15');
    const ev = await post(
      `/api/milestones/${m.id}/evidence`,
      { url: 'https://example.org/photo', title: { en: 'Photo' } },
      shiga,
    );
    expect(ev.status).toBe(201);
    expect((await ev.json()).evidence.map((e: { url: string }) => e.url)).toEqual([
      'https://example.org/photo',
    ]);
    expect(
      (await post(`/api/milestones/${m.id}/evidence`, { url: 'javascript:alert(1)' }, shiga)).status,
    ).toBe(400);
    expect(
      (await post(`/api/milestones/${m.id}/evidence`, { url: 'https://example.org/x' }, osaka)).status,
    ).toBe(403);
  });
});
