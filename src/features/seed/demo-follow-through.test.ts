import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { childEnv, ENGINES, freshDb, type TestDb } from '../../../test/support/db.ts';
import { main } from '../../cli/main.ts';
import { cycleDashboard } from '../followthrough/dashboard.ts';
import { DEMO_CYCLE_ID, DEMO_PROJECTS, seedDemoFollowThrough } from './demo-follow-through.ts';

async function kizuna(t: TestDb, ...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await main(argv, { stdout, stderr, env: childEnv(t), cwd: process.cwd() });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const count = async (
  t: TestDb,
  table: 'ft_projects' | 'ft_milestones' | 'ft_reports' | 'ft_priority_fields',
) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(ENGINES)('kizuna seed --demo-follow-through on %s', (engine) => {
  let t: TestDb;
  afterEach(() => t.drop());

  it('adds a synthetic cycle that shows every dashboard state, with progress, and adds nothing the second time', async () => {
    t = await freshDb(engine, { seed: true });
    // The CLI in-process opens SQLite by its URL; on PostgreSQL the test's schema is the pool's, so the function is called.
    if (engine === 'sqlite') {
      const first = await kizuna(t, 'seed', '--demo-follow-through');
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(
        /cycle demo-ft-2026 added .* \(marked synthetic\): 40 localities, 60 priority fields, 100 projects, 399 milestones, 330 reports/,
      );
      expect(first.stderr).toContain('demo follow-through: 50/100 projects (50%)');
      expect(first.stderr).toContain('demo follow-through: 100/100 projects (100%)');
    } else expect((await seedDemoFollowThrough(t.db)).added).toBe(true);
    const counts = {
      projects: await count(t, 'ft_projects'),
      milestones: await count(t, 'ft_milestones'),
      reports: await count(t, 'ft_reports'),
      fields: await count(t, 'ft_priority_fields'),
    };
    expect(counts).toMatchObject({ projects: DEMO_PROJECTS, milestones: 399, reports: 330, fields: 60 });

    // Every state of the dashboard, in the period the demo reports on (the clock is an argument).
    const d = await cycleDashboard(t.db, { id: DEMO_CYCLE_ID, period: '2026-H2', today: '2026-12-08' });
    expect(d.cycle.synthetic).toBe(true);
    expect(d.projects).toHaveLength(100);
    expect(d.projects.every((p) => p.title.en?.startsWith('Synthetic'))).toBe(true);
    expect(Object.keys(d.localities)).toHaveLength(40);
    expect(d.counts.byState).toEqual({ agreed: 50, disputed: 20, oneSided: 20, missing: 10 });
    for (const h of ['onTrack', 'atRisk', 'late']) expect(d.counts.byHealth[h], h).toBeGreaterThan(0);
    for (const l of ['implementation', 'pipeline', 'cancelled', 'suspended', 'finalisation', 'closed'])
      expect(d.counts.byLifecycle[l], l).toBeGreaterThan(0);
    expect(d.total.coverage.withData).toBeLessThan(d.total.coverage.milestones);
    // The earlier period: nobody disputed yet.
    const h1 = await cycleDashboard(t.db, { id: DEMO_CYCLE_ID, period: '2026-H1', today: '2026-12-08' });
    expect(h1.counts.byState.disputed ?? 0).toBe(0);
    // A corrected report: two versions of one side, the latest agreeing.
    const corrected = await t.db
      .selectFrom('ft_reports')
      .select('version')
      .where('project_id', '=', 'demo-ft-prj-010')
      .where('side', '=', 'jp')
      .where('period_id', '=', '2026-H2')
      .execute();
    expect(corrected.map((r) => r.version).sort()).toEqual([1, 2]);
    expect(d.projects.find((p) => p.id === 'demo-ft-prj-010')?.state).toBe('agreed');

    if (engine === 'sqlite') {
      const again = await kizuna(t, 'seed', '--demo-follow-through');
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('cycle demo-ft-2026 is already there; nothing added');
    } else expect((await seedDemoFollowThrough(t.db)).added).toBe(false);
    expect(await count(t, 'ft_reports')).toBe(counts.reports);
    expect(await count(t, 'ft_projects')).toBe(DEMO_PROJECTS);
  }, 120_000);
});
