/**
 * Follow-through through the whole application (in process: `app.request`, no sockets) at the
 * size of the target: 100 localities × 3 projects × 10 milestones × 4 periods × 2 sides.
 *
 *   node --import tsx bench/followthrough/run.ts [--engine sqlite|postgres] [--rounds 400]
 *
 * Builds the cycle (300 projects, 3,000 milestones, 2,400 submitted reports; synthetic, fixed
 * pattern), then measures (a) saving one side's report for a period through
 * `POST /api/projects/{id}/reports` as a signed-in editor: validation, authorisation, the
 * transaction with its audit entry, and the period's joint figure recomputed for the answer;
 * (b) the public dashboard `GET /api/cycles/{id}` (every figure of the cycle, its roll-ups and
 * counts) against a bare Hono route answering a constant on the same `app.request` path.
 * PostgreSQL uses TEST_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test by default).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Hono } from 'hono';
import { SECTOR_CODES } from '../../src/domain/sectors.ts';
import { createMilestone, createProject } from '../../src/features/followthrough/projects.ts';

const { values } = parseArgs({
  options: { engine: { type: 'string', default: 'sqlite' }, rounds: { type: 'string', default: '400' } },
});
const engine = values.engine === 'postgres' ? 'postgres' : 'sqlite';
if (engine === 'postgres') process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
const rounds = Number(values.rounds);
const { testApp } = await import('../../test/support/app.ts');

const LOCALITIES_PER_SIDE = 50;
const PROJECTS_PER_LOCALITY = 3;
const MILESTONES = 10;
const PERIODS = [
  { id: '2026-H1', startsOn: '2026-01-01', endsOn: '2026-06-30' },
  { id: '2026-H2', startsOn: '2026-07-01', endsOn: '2026-12-31' },
  { id: '2027-H1', startsOn: '2027-01-01', endsOn: '2027-06-30' },
  { id: '2027-H2', startsOn: '2027-07-01', endsOn: '2027-12-31' },
];
const SIDES = ['vn', 'jp'] as const;

const t = await testApp(engine);
const db = t.db.db;
const started = performance.now();
const admin = await t.signIn('admin');
const rows = await db.selectFrom('localities').select(['code', 'country']).orderBy('code').execute();
const pick = (country: string) => {
  const xs = rows.filter((r) => r.country === country).map((r) => r.code);
  return Array.from({ length: LOCALITIES_PER_SIDE }, (_, k) => xs[k % xs.length]);
};
const vn = pick('VN');
const jp = pick('JP');
const distinct = new Set([...vn, ...jp]).size;
const cycleRes = await t.req('/api/cycles', {
  method: 'POST',
  headers: admin.headers,
  body: {
    id: 'bench',
    title: { en: 'Benchmark cycle (synthetic)' },
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    periodMonths: 6,
    periods: PERIODS,
  },
});
if (cycleRes.status !== 201) throw new Error(`cycle: ${cycleRes.status} ${await cycleRes.text()}`);

// 100 "lead" localities (50 a side), 3 projects each with a partner on the other side.
const projects: { id: string; milestones: string[] }[] = [];
let n = 0;
await db.transaction().execute(async (tx) => {
  for (let l = 0; l < 2 * LOCALITIES_PER_SIDE; l++) {
    const mine = l < LOCALITIES_PER_SIDE ? vn[l] : jp[l - LOCALITIES_PER_SIDE];
    for (let p = 0; p < PROJECTS_PER_LOCALITY; p++) {
      const id = `bench-prj-${++n}`;
      const other =
        l < LOCALITIES_PER_SIDE
          ? jp[(l + p * 7) % LOCALITIES_PER_SIDE]
          : vn[(l + p * 7) % LOCALITIES_PER_SIDE];
      await createProject(tx, {
        cycleId: 'bench',
        id,
        user: null,
        synthetic: true,
        input: {
          externalId: null,
          priorityField: { locality: mine, sector: SECTOR_CODES[(l + p) % SECTOR_CODES.length] },
          title: { en: `Synthetic benchmark project ${n}` },
          description: {},
          lifecycle: 'implementation',
          parties: [
            { role: 'lead', locality: mine },
            { role: 'partner', locality: other },
          ],
          origins: [],
          contacts: [],
          plannedStart: '2026-01-15',
          plannedEnd: '2027-12-31',
          actualStart: '2026-01-15',
          actualEnd: null,
          weight: 1,
        },
      });
      const milestones: string[] = [];
      for (let m = 0; m < MILESTONES; m++) {
        const mid = `${id}-ms-${m + 1}`;
        await createMilestone(tx, {
          projectId: id,
          id: mid,
          user: null,
          input: {
            externalId: null,
            title: { en: `Milestone ${m + 1}` },
            dueOn: `2027-${String((m % 12) + 1).padStart(2, '0')}-15`,
            weight: 1 + (m % 3),
            status: 'scheduled',
            metOn: null,
          },
        });
        milestones.push(mid);
      }
      projects.push({ id, milestones });
    }
  }
  // Every side's submitted report for every period.
  const reports = [];
  for (const [pi, pr] of projects.entries())
    for (const period of PERIODS)
      for (const side of SIDES)
        reports.push({
          id: `${pr.id}-${period.id}-${side}-1`,
          project_id: pr.id,
          period_id: period.id,
          side,
          version: 1,
          state: 'submitted',
          text: '{}',
          milestones: JSON.stringify(
            pr.milestones.map((m, k) => ({
              milestone: m,
              status: (pi + k) % 7 === 0 ? 'met' : 'partiallyMet',
              progress: (pi * 13 + k * 7 + (side === 'jp' ? 9 : 0)) % 100,
              comment: {},
            })),
          ),
          author_id: null,
          created_at: `${period.endsOn}T00:00:00.000Z`,
          updated_at: `${period.endsOn}T00:00:00.000Z`,
          submitted_at: `${period.endsOn}T00:00:00.000Z`,
        });
  for (let i = 0; i < reports.length; i += 200)
    await tx
      .insertInto('ft_reports')
      .values(reports.slice(i, i + 200))
      .execute();
});
const built = (performance.now() - started) / 1000;

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

// (a) saving a report, its figure recomputed.
const saves: number[] = [];
for (let i = 0; i < rounds + 20; i++) {
  const pr = projects[(i * 37) % projects.length];
  const period = PERIODS[i % PERIODS.length].id;
  const side = SIDES[i % 2];
  const body = {
    period,
    side,
    state: 'submitted',
    milestones: pr.milestones.map((m, k) => ({
      milestone: m,
      status: 'partiallyMet',
      progress: (i + k * 11) % 100,
    })),
  };
  const t0 = performance.now();
  const res = await t.req(`/api/projects/${pr.id}/reports`, { method: 'POST', headers: admin.headers, body });
  const answer = (await res.json()) as { figure?: { state: string } };
  const dt = performance.now() - t0;
  if (res.status !== 201 || !answer.figure)
    throw new Error(`report: ${res.status} ${JSON.stringify(answer)}`);
  if (i >= 20) saves.push(dt); // the first ones warm the JIT and the statement cache
}

// (b) the dashboard, cached (a visitor's read, served from the read cache while no write
// intervenes) and computed (a signed-in caller is never served from the cache), against a bare
// route, in alternating slices.
const bare = new Hono();
bare.get('/hello', (c) => c.json({ hello: 'world' }));
const cached: number[] = [];
const computed: number[] = [];
const hello: number[] = [];
let dashBytes = 0;
const DASH = '/api/cycles/bench?period=2026-H2';
const headers = { 'accept-encoding': 'gzip, deflate, br, zstd' };
await (await t.req(DASH, { headers })).arrayBuffer();
for (let slice = 0; slice < 6; slice++) {
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const res = await t.req(DASH, { headers: admin.headers });
    dashBytes = (await res.text()).length;
    computed.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`dashboard: ${res.status}`);
  }
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    const res = await t.req(DASH, { headers });
    await res.arrayBuffer();
    cached.push(performance.now() - t0);
    if (res.headers.get('x-cache') !== 'hit') throw new Error('the dashboard was not served from the cache');
  }
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    await (await bare.request('http://localhost/hello')).text();
    hello.push(performance.now() - t0);
  }
}
const dashP50 = pct(cached, 0.5);
const helloP50 = pct(hello, 0.5);
console.log(
  JSON.stringify(
    {
      engine,
      date: new Date().toISOString(),
      node: process.version,
      load: loadavg().map((x) => x.toFixed(1)),
      data: {
        localities: 2 * LOCALITIES_PER_SIDE,
        distinctLocalities: distinct,
        projects: projects.length,
        milestones: projects.length * MILESTONES,
        reports: projects.length * PERIODS.length * SIDES.length,
        builtIn: `${built.toFixed(1)} s`,
      },
      saveReport: {
        rounds: saves.length,
        p50: ms(pct(saves, 0.5)),
        p99: ms(pct(saves, 0.99)),
        max: ms(Math.max(...saves)),
      },
      dashboardComputed: {
        requests: computed.length,
        p50: ms(pct(computed, 0.5)),
        p99: ms(pct(computed, 0.99)),
        bytes: dashBytes,
      },
      dashboardCached: {
        requests: cached.length,
        p50: ms(dashP50),
        p99: ms(pct(cached, 0.99)),
        perSecond: (1000 / dashP50).toFixed(0),
      },
      bareRoute: { p50: ms(helloP50), perSecond: (1000 / helloP50).toFixed(0) },
      dashboardOverBare: `${((100 * helloP50) / dashP50).toFixed(3)} %`,
    },
    null,
    2,
  ),
);
await t.close();
