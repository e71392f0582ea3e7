/**
 * The server of the event-loop benchmark: Kizuna as `kizuna serve` builds it (the app, the job
 * runner with the application's jobs) plus one CPU-bound kind, `bench.spin`, which spins for
 * `ms` either in a worker thread (how CPU-heavy jobs run) or, for contrast, on the main thread.
 * `GET /bench/eld` answers the event loop's delay since the last call (and resets it).
 * Prints its port on stdout; stops on SIGTERM.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { applicationJobs } from '../../src/jobs.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { JobRunner } from '../../src/platform/jobs/runner.ts';
import { prepareDatabase } from '../../src/server.ts';
import { spinJob } from './spin-job.ts';

const logger = pino({ level: 'warn' });
const db = await prepareDatabase(process.env.DATABASE_URL!, logger);
const app = createApp(
  { db, logger, trustProxy: false, clock: systemClock },
  { cache: process.env.KIZUNA_CACHE !== '0' },
);
const eld = monitorEventLoopDelay({ resolution: 10 });
eld.enable();
app.get('/bench/eld', (c) => {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const body = { p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max) };
  eld.reset();
  return c.json(body);
});
const { jobs, recurring } = applicationJobs({ mailer: null, filesDir: '/tmp/kizuna-bench-files' });
const runner = new JobRunner({
  db,
  clock: systemClock,
  logger,
  jobs: [...jobs, spinJob],
  recurring,
  pollMs: 200,
});
runner.start();
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.once('SIGTERM', async () => {
  await runner.stop();
  server.close();
  await db.close();
  process.exit(0);
});
