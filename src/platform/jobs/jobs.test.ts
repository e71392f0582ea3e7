import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENGINES, freshDb, type TestDb } from '../../../test/support/db.ts';
import { openDb } from '../../db/connection.ts';
import { TestClock } from '../clock.ts';
import { backoffMs, defineJob, PermanentJobError } from './define.ts';
import { cancelJob, enqueue, enqueueRecurring, getJob } from './queue.ts';
import { jobsRepo } from './repository.ts';
import { JobRunner } from './runner.ts';
import { runInWorker } from './worker.ts';

const logger = pino({ level: 'silent' });
const SPIN = new URL('../../../bench/jobs/spin.ts', import.meta.url);

/** A promise with its resolve, to hold a job mid-run until the test lets it go. */
function gate<T = void>() {
  let open!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    open = r;
  });
  return { promise, open };
}

describe.each(ENGINES)('jobs on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(engine);
  });
  afterAll(async () => {
    await t.drop();
  });

  const runner = (
    clock: TestClock,
    jobs: Parameters<typeof defineJob>[0][],
    extra: Partial<ConstructorParameters<typeof JobRunner>[0]> = {},
  ) => new JobRunner({ db: t, clock, logger, jobs, ...extra });

  it('runs a job once, records its result, and never runs it again', async () => {
    const clock = new TestClock();
    const seen: number[] = [];
    const add = defineJob({
      kind: 'test.add',
      payload: z.object({ a: z.number(), b: z.number() }),
      run: async ({ a, b }) => {
        seen.push(a + b);
        return { sum: a + b };
      },
    });
    const { id } = await enqueue(t.db, clock, add, { a: 2, b: 3 });
    const r = runner(clock, [add]);
    expect(await r.runDue()).toBe(1);
    expect(await r.runDue()).toBe(0);
    const job = await getJob(t.db, id);
    expect(job).toMatchObject({ status: 'done', attempts: 1, result: { sum: 5 }, progress: 1, error: null });
    expect(seen).toEqual([5]);
  });

  it('waits for run-at, measured on the clock it is given', async () => {
    const clock = new TestClock('2026-03-01T00:00:00Z');
    const later = defineJob({ kind: 'test.later', payload: z.object({}), run: async () => 'ran' });
    const { id } = await enqueue(t.db, clock, later, {}, { runAt: new Date('2026-03-01T01:00:00Z') });
    const r = runner(clock, [later]);
    expect(await r.runDue()).toBe(0);
    clock.advance(3_600_000);
    expect(await r.runDue()).toBe(1);
    expect((await getJob(t.db, id))?.status).toBe('done');
  });

  it('enqueues under a unique key only once', async () => {
    const clock = new TestClock();
    const once = defineJob({
      kind: 'test.once',
      payload: z.object({ n: z.number() }),
      run: async () => null,
    });
    const first = await enqueue(t.db, clock, once, { n: 1 }, { uniqueKey: 'once:1' });
    const second = await t.db
      .transaction()
      .execute((tx) => enqueue(tx, clock, once, { n: 2 }, { uniqueKey: 'once:1' }));
    expect(second).toEqual({ id: first.id, created: false });
    const rows = await t.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.once').execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ n: 1 });
  });

  it('recurring work gets one job per period, however many runners ask', async () => {
    const clock = new TestClock('2026-04-01T10:17:00Z');
    const tidy = defineJob({ kind: 'test.tidy', payload: z.object({}), run: async () => null });
    const recurring = [{ job: tidy, everyMs: 3_600_000, payload: {} }];
    const other = openDb(t.url, { searchPath: t.schema ?? undefined });
    try {
      const counts = await Promise.all([
        enqueueRecurring(t.db, clock, recurring),
        enqueueRecurring(other.db, clock, recurring),
        enqueueRecurring(t.db, clock, recurring),
      ]);
      expect(counts.reduce((a, b) => a + b)).toBe(1);
      clock.advance(30 * 60_000); // same hour
      expect(await enqueueRecurring(other.db, clock, recurring)).toBe(0);
      clock.advance(60 * 60_000); // next hour
      expect(await enqueueRecurring(t.db, clock, recurring)).toBe(1);
      const keys = (
        await t.db
          .selectFrom('jobs')
          .select('unique_key')
          .where('kind', '=', 'test.tidy')
          .orderBy('run_at')
          .execute()
      ).map((r) => r.unique_key);
      expect(keys).toEqual(['test.tidy@2026-04-01T10:00:00.000Z', 'test.tidy@2026-04-01T11:00:00.000Z']);
    } finally {
      await other.close();
    }
  });

  it('retries a failing job with exponential back-off, then fails it with the last reason', async () => {
    const clock = new TestClock();
    let calls = 0;
    const flaky = defineJob({
      kind: 'test.flaky',
      payload: z.object({}),
      maxAttempts: 3,
      run: async () => {
        calls++;
        throw new Error(`refused (call ${calls})`);
      },
    });
    const { id } = await enqueue(t.db, clock, flaky, {});
    const r = runner(clock, [flaky]);
    await r.runDue();
    let job = await getJob(t.db, id);
    expect(job).toMatchObject({ status: 'queued', attempts: 1, error: 'refused (call 1)' });
    expect(Date.parse(job!.runAt) - clock.now().getTime()).toBe(backoffMs(1));
    clock.advance(backoffMs(1) - 1);
    expect(await r.runDue()).toBe(0);
    clock.advance(1);
    expect(await r.runDue()).toBe(1);
    job = await getJob(t.db, id);
    expect(Date.parse(job!.runAt) - clock.now().getTime()).toBe(backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    clock.advance(backoffMs(2));
    await r.runDue();
    job = await getJob(t.db, id);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, error: 'refused (call 3)' });
    clock.advance(3_600_000);
    expect(await r.runDue()).toBe(0);
    expect(calls).toBe(3);
  });

  it('a permanent error fails the job at once', async () => {
    const clock = new TestClock();
    const hopeless = defineJob({
      kind: 'test.hopeless',
      payload: z.object({}),
      run: async () => {
        throw new PermanentJobError('550 no such mailbox');
      },
    });
    const { id } = await enqueue(t.db, clock, hopeless, {});
    await runner(clock, [hopeless]).runDue();
    expect(await getJob(t.db, id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: '550 no such mailbox',
    });
  });

  it('a payload that does not parse fails the job with its reason, and the runner goes on', async () => {
    const clock = new TestClock();
    const ran: string[] = [];
    const strict = defineJob({
      kind: 'test.strict',
      payload: z.object({ email: z.email() }),
      run: async ({ email }) => {
        ran.push(email);
      },
    });
    await expect(enqueue(t.db, clock, strict, { email: 'nope' })).rejects.toThrow(/payload does not match/);
    const base = {
      unique_key: null,
      status: 'queued',
      run_at: clock.now().toISOString(),
      attempts: 0,
      max_attempts: 5,
      lease_owner: null,
      lease_until: null,
      progress: null,
      progress_note: null,
      cancel_requested: 0,
      result: null,
      error: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      finished_at: null,
    };
    await jobsRepo.insert(t.db, { ...base, id: 'bad-shape', kind: 'test.strict', payload: '{"email":42}' });
    await jobsRepo.insert(t.db, { ...base, id: 'bad-json', kind: 'test.strict', payload: '{"email":' });
    const { id } = await enqueue(t.db, clock, strict, { email: 'ok@example.org' });
    await runner(clock, [strict]).runDue();
    expect(await getJob(t.db, 'bad-shape')).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await getJob(t.db, 'bad-shape'))!.error).toMatch(/^payload does not match test\.strict: email: /);
    expect((await getJob(t.db, 'bad-json'))!.error).toMatch(/^payload is not JSON/);
    expect((await getJob(t.db, id))!.status).toBe('done');
    expect(ran).toEqual(['ok@example.org']);
  });

  it("a crashed server's job is taken over when its lease expires, and the late finisher changes nothing", async () => {
    const clock = new TestClock();
    const held = gate<string>();
    let runs = 0;
    const slow = defineJob({
      kind: 'test.slow',
      payload: z.object({}),
      leaseMs: 60_000,
      run: async (_p, ctx) => {
        runs++;
        return runs === 1 ? await held.promise : `finished by attempt ${ctx.attempt}`;
      },
    });
    const { id } = await enqueue(t.db, clock, slow, {});
    const a = runner(clock, [slow], { owner: 'server-a' });
    const b = runner(clock, [slow], { owner: 'server-b' });
    const [aRun] = await a.tick();
    expect(await getJob(t.db, id)).toMatchObject({ status: 'running', attempts: 1 });
    expect(await b.runDue()).toBe(0); // the lease holds
    clock.advance(60_001); // server A stopped sending heartbeats
    expect(await b.runDue()).toBe(1);
    expect(await getJob(t.db, id)).toMatchObject({
      status: 'done',
      attempts: 2,
      result: 'finished by attempt 2',
    });
    held.open('finished by the crashed server');
    await aRun;
    expect((await getJob(t.db, id))!.result).toBe('finished by attempt 2');
  });

  it('a job whose lease expired on its last attempt fails with that reason', async () => {
    const clock = new TestClock();
    const held = gate<null>();
    const fragile = defineJob({
      kind: 'test.fragile',
      payload: z.object({}),
      maxAttempts: 1,
      run: () => held.promise,
    });
    const { id } = await enqueue(t.db, clock, fragile, {});
    const [aRun] = await runner(clock, [fragile], { owner: 'a' }).tick();
    clock.advance(60_001);
    await runner(clock, [fragile], { owner: 'b' }).runDue();
    expect((await getJob(t.db, id))!.error).toMatch(/lease expired/);
    held.open(null);
    await aRun;
    expect((await getJob(t.db, id))!.status).toBe('failed');
  });

  it('a heartbeat keeps the lease: another runner does not take a live job', async () => {
    const clock = new TestClock();
    const held = gate<null>();
    const live = defineJob({
      kind: 'test.live',
      payload: z.object({}),
      leaseMs: 60_000,
      run: () => held.promise,
    });
    const { id } = await enqueue(t.db, clock, live, {});
    const a = runner(clock, [live], { owner: 'a' });
    const [aRun] = await a.tick();
    clock.advance(50_000);
    await a.heartbeat();
    clock.advance(50_000); // past the first lease, within the renewed one
    expect(await runner(clock, [live], { owner: 'b' }).runDue()).toBe(0);
    held.open(null);
    await aRun;
    expect(await getJob(t.db, id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('cancels a queued job at once and a running one at the next heartbeat', async () => {
    const clock = new TestClock();
    const waits = defineJob({
      kind: 'test.waits',
      payload: z.object({}),
      run: (_p, ctx) =>
        new Promise((_resolve, reject) =>
          ctx.signal.addEventListener('abort', () => reject(new Error('stopped'))),
        ),
    });
    const queued = await enqueue(t.db, clock, waits, {}, { runAt: new Date(clock.now().getTime() + 60_000) });
    expect(await cancelJob(t.db, clock, queued.id)).toMatchObject({ status: 'cancelled' });
    const running = await enqueue(t.db, clock, waits, {});
    const r = runner(clock, [waits]);
    const [run] = await r.tick();
    expect(await cancelJob(t.db, clock, running.id)).toMatchObject({
      status: 'running',
      cancelRequested: true,
    });
    await r.heartbeat();
    await run;
    expect(await getJob(t.db, running.id)).toMatchObject({
      status: 'cancelled',
      error: 'cancelled while running',
    });
    clock.advance(3_600_000);
    expect(await r.runDue()).toBe(0);
  });

  it('stop() gives a running job back, due at once, its interrupted run not counted', async () => {
    const clock = new TestClock();
    const waits = defineJob({
      kind: 'test.shutdown',
      payload: z.object({}),
      run: (_p, ctx) =>
        new Promise((_r, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('stopped')))),
    });
    const { id } = await enqueue(t.db, clock, waits, {});
    const r = runner(clock, [waits]);
    await r.tick();
    await r.stop();
    expect(await getJob(t.db, id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('work that completes while the server stops is recorded as done, not run again', async () => {
    const clock = new TestClock();
    const held = gate<string>();
    const finishing = defineJob({ kind: 'test.finishing', payload: z.object({}), run: () => held.promise });
    const { id } = await enqueue(t.db, clock, finishing, {});
    const r = runner(clock, [finishing]);
    await r.tick();
    const stopping = r.stop();
    held.open('made it');
    await stopping;
    expect(await getJob(t.db, id)).toMatchObject({ status: 'done', result: 'made it', attempts: 1 });
  });

  it('runs CPU-heavy work in a worker thread with progress, and cancelling terminates the thread', async () => {
    const clock = new TestClock();
    const spin = defineJob({
      kind: 'test.spin',
      payload: z.object({ ms: z.number().int().positive() }),
      run: (payload, ctx) =>
        runInWorker<{ ms: number }, { rounds: number }>(SPIN, payload, {
          signal: ctx.signal,
          onProgress: (f, note) => void ctx.progress(f, note),
        }),
    });
    const short = await enqueue(t.db, clock, spin, { ms: 300 });
    const r = runner(clock, [spin]);
    await r.runDue();
    const finished = await getJob(t.db, short.id);
    expect(finished).toMatchObject({ status: 'done', progress: 1 });
    expect((finished!.result as { rounds: number }).rounds).toBeGreaterThan(0);

    // A spin of ten minutes would hold the test for ten minutes unless cancelling really kills it.
    const long = await enqueue(t.db, clock, spin, { ms: 600_000 });
    const started = Date.now();
    const [run] = await r.tick();
    await cancelJob(t.db, clock, long.id);
    await r.heartbeat();
    await run;
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await getJob(t.db, long.id))!.status).toBe('cancelled');
  });

  it('runInWorker reports a failure of the module as an error', async () => {
    await expect(runInWorker(new URL('./no-such-module.ts', import.meta.url), {})).rejects.toThrow(
      /no-such-module|Cannot find/,
    );
  });

  it('two runners on two connections claim 120 jobs: each runs exactly once', async () => {
    const clock = new TestClock();
    const runs = new Map<number, string[]>();
    const make = (owner: string) =>
      defineJob({
        kind: 'test.race',
        payload: z.object({ n: z.number().int() }),
        run: async ({ n }) => {
          runs.set(n, [...(runs.get(n) ?? []), owner]);
          await new Promise((r) => setImmediate(r));
          return owner;
        },
      });
    for (let n = 0; n < 120; n++) await enqueue(t.db, clock, make('x'), { n });
    const second = openDb(t.url, { searchPath: t.schema ?? undefined, poolSize: 4 });
    try {
      const a = new JobRunner({ db: t, clock, logger, jobs: [make('a')], owner: 'a', concurrency: 4 });
      const b = new JobRunner({ db: second, clock, logger, jobs: [make('b')], owner: 'b', concurrency: 4 });
      const [na, nb] = await Promise.all([a.runDue(), b.runDue()]);
      expect(na + nb).toBe(120);
      expect([...runs.values()].every((owners) => owners.length === 1)).toBe(true);
      expect(runs.size).toBe(120);
      if (engine === 'postgres') {
        // Both servers did part of the work (SKIP LOCKED let them pass each other's rows).
        expect(na).toBeGreaterThan(0);
        expect(nb).toBeGreaterThan(0);
      }
      const left = await t.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'test.race')
        .where('status', '!=', 'done')
        .execute();
      expect(left).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
