import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDb, type TestDb } from '../../../test/support/db.ts';
import { TestClock } from '../../platform/clock.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { PRUNE_EVERY_MS, pruneSignIns } from './jobs.ts';
import { createUser, RATE_LIMIT, signIn } from './service.ts';

describe.each(ENGINES)('the sign-in clean-up job on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(engine);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('forgets attempts older than the rate-limit window and expired sessions, once per period', async () => {
    const clock = new TestClock(new Date());
    const { user, password } = await createUser(
      t.db,
      { email: 'prune@example.org', role: 'admin', scopes: [] },
      null,
    );
    const minutesAgo = (m: number) => new Date(clock.now().getTime() - m * 60_000).toISOString();
    const old = minutesAgo(RATE_LIMIT.windowMinutes + 1);
    await t.db
      .insertInto('login_attempts')
      .values([
        { account_key: 'old@example.org', address_key: '192.0.2.1', at: old, success: 0 },
        { account_key: 'recent@example.org', address_key: '192.0.2.1', at: minutesAgo(1), success: 0 },
      ])
      .execute();
    await t.db
      .insertInto('sessions')
      .values({ id_hash: 'expired-session', user_id: user.id, created_at: old, expires_at: old })
      .execute();
    // Signing in no longer cleans up on the way (it used to, inside every sign-in).
    await signIn(t.db, { email: 'prune@example.org', password, address: '192.0.2.9' });
    expect(
      await t.db.selectFrom('sessions').select('id_hash').where('id_hash', '=', 'expired-session').execute(),
    ).toHaveLength(1);

    const runner = new JobRunner({
      db: t,
      clock,
      logger: pino({ level: 'silent' }),
      jobs: [pruneSignIns],
      recurring: [{ job: pruneSignIns, everyMs: PRUNE_EVERY_MS, payload: {} }],
    });
    expect(await runner.runDue()).toBe(1);
    const attempts = await t.db.selectFrom('login_attempts').select(['account_key', 'at']).execute();
    expect(attempts.map((a) => a.account_key).sort()).toEqual(['prune@example.org', 'recent@example.org']);
    const sessions = await t.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions.map((s) => s.id_hash)).not.toContain('expired-session');
    expect(sessions).toHaveLength(1);
    const job = await t.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'accounts.prune')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(job.result!)).toEqual({ attempts: 1, sessions: 1 });

    expect(await runner.runDue()).toBe(0); // the same period: not doubled
    clock.advance(PRUNE_EVERY_MS);
    expect(await runner.runDue()).toBe(1);
    // The sign-in of a moment ago is now past the window too.
    clock.advance(PRUNE_EVERY_MS);
    await runner.runDue();
    expect(await t.db.selectFrom('login_attempts').select('at').execute()).toEqual([]);
  });
});
