import type { WorkerTools } from '../../src/platform/jobs/worker.ts';

/**
 * A CPU-bound job body for the event-loop benchmark and the worker tests: keeps one core busy
 * for `ms` milliseconds (hashing numbers, nothing to wait on), reporting progress every 10%.
 * It never yields, so only terminating its thread can stop it early.
 */
export default function spin({ ms }: { ms: number }, { progress }: WorkerTools): { rounds: number } {
  const start = Date.now();
  let rounds = 0;
  let x = 1;
  let reported = 0;
  while (Date.now() - start < ms) {
    for (let i = 0; i < 100_000; i++) x = (Math.imul(x, 2654435761) + i) | 0;
    rounds++;
    const done = (Date.now() - start) / ms;
    if (done - reported >= 0.1) {
      reported = done;
      progress(Math.min(1, done), `${rounds} rounds`);
    }
  }
  return { rounds: rounds + (x === 0.5 ? 1 : 0) };
}
