import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { buildCycleWithProject } from './fixtures.ts';

describe.each(ENGINES)('the public dashboard in the read cache on %s', (engine) => {
  let t: TestApp;
  let hanoi: Record<string, string>;
  let projectId: string;
  let ms: { id: string }[];

  beforeAll(async () => {
    t = await testApp(engine);
    const admin = (await t.signIn('admin')).headers;
    hanoi = (await t.signIn('editor', ['VN-HANOI'])).headers;
    ({ projectId, milestones: ms } = await buildCycleWithProject(t.req, admin, hanoi));
  }, 60_000);
  afterAll(() => t.close());

  it('is served from the cache until a report changes it, and a signed-in caller is never served from it', async () => {
    const read = async (headers: Record<string, string> = {}) => {
      const res = await t.req('/api/cycles/c2026?period=2026-H2', { headers });
      const body = (await res.json()) as { counts: { byState: Record<string, number> } };
      return { cache: res.headers.get('x-cache'), byState: body.counts.byState };
    };
    expect(await read()).toEqual({ cache: 'miss', byState: { missing: 1 } });
    expect(await read()).toEqual({ cache: 'hit', byState: { missing: 1 } });
    const saved = await t.req(`/api/projects/${projectId}/reports`, {
      method: 'POST',
      headers: hanoi,
      body: {
        period: '2026-H2',
        side: 'vn',
        state: 'submitted',
        milestones: ms.map((m) => ({ milestone: m.id, status: 'partiallyMet', progress: 50 })),
      },
    });
    expect(saved.status).toBe(201);
    expect(await read()).toEqual({ cache: 'miss', byState: { oneSided: 1 } });
    expect(await read()).toEqual({ cache: 'hit', byState: { oneSided: 1 } });
    expect((await read(hanoi)).cache).toBeNull();
  });
});
