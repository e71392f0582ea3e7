import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { readExchangeCsv } from '../../domain/progress/exchange.ts';
import { recomputeAll } from '../../domain/progress/recompute.ts';
import { MILESTONE_STATUSES } from '../../domain/progress/rule.ts';
import { buildCycleWithProject, CYCLE } from './fixtures.ts';

type Headers = Record<string, string>;

/**
 * Whatever the sides report, the figure the API publishes is the one anyone recomputes from the
 * exported CSV, and a disputed project's figure is never above either side's.
 */
describe.each(ENGINES)('published figures on %s', (engine) => {
  let t: TestApp;
  let heads: Record<'vn' | 'jp', Headers>;
  let projectId: string;
  let milestones: { id: string }[];

  beforeAll(async () => {
    t = await testApp(engine);
    const admin = (await t.signIn('admin')).headers;
    const vn = (await t.signIn('editor', ['VN-HANOI'])).headers;
    heads = { vn, jp: (await t.signIn('editor', ['JP-25'])).headers };
    ({ projectId, milestones } = await buildCycleWithProject(t.req, admin, vn));
  });
  afterAll(() => t.close());

  const line = fc.record({
    status: fc.constantFrom(...MILESTONE_STATUSES),
    progress: fc.integer({ min: 0, max: 100 }),
    present: fc.boolean(),
  });
  const report = fc.option(fc.tuple(line, line), { nil: null });

  it('equal the recomputation from the exchange CSV', async () => {
    await fc.assert(
      fc.asyncProperty(report, report, async (vn, jp) => {
        let figure: {
          state: string;
          progress: number | null;
          sides: Record<string, { progress: number | null }>;
        } | null = null;
        for (const [side, lines] of [
          ['vn', vn],
          ['jp', jp],
        ] as const) {
          if (!lines) continue;
          const res = await t.req(`/api/projects/${projectId}/reports`, {
            method: 'POST',
            headers: heads[side],
            body: {
              period: '2026-H2',
              side,
              state: 'submitted',
              milestones: lines.flatMap((l, i) =>
                l.present ? [{ milestone: milestones[i].id, status: l.status, progress: l.progress }] : [],
              ),
            },
          });
          expect(res.status).toBe(201);
          figure = (await res.json()).figure;
        }
        const csv = await (await t.req(`/api/cycles/${CYCLE.id}/projects.csv?period=2026-H2`)).text();
        const read = readExchangeCsv(csv);
        if (!read.ok) throw new Error(JSON.stringify(read.problems));
        const [again] = recomputeAll(read.projects).projects;
        expect(again.mismatch).toEqual([]);
        if (figure) {
          // The figure of the last report saved is what the file publishes.
          expect(again.published).toMatchObject({ state: figure.state, progress: figure.progress });
          if (figure.state === 'disputed')
            for (const s of Object.values(figure.sides))
              if (s.progress !== null && figure.progress !== null)
                expect(figure.progress).toBeLessThanOrEqual(s.progress);
        }
      }),
      { numRuns: 12 },
    );
  });
});
