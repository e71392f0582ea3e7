import { parentPort } from 'node:worker_threads';
import { backgroundBounds } from './bound.ts';
import { buildModel } from './model.ts';
import type { Problem } from './types.ts';

// The weight bounds, computed in their own thread while the main thread schedules (see
// boundInBackground in bound.ts): one problem in, each bound out as soon as it is known, then
// 'done'. Its clock is its own; the time limit comes in seconds.

const port = parentPort;
if (!port) throw new Error('bound-worker.ts runs only as a worker thread');

port.once('message', async (msg: { problem: Problem; timeLimitS: number }) => {
  try {
    const md = buildModel(msg.problem);
    await backgroundBounds(
      md,
      msg.timeLimitS,
      () => performance.now(),
      (bound) => port.postMessage({ type: 'bound', bound: { weight: bound.weight, method: bound.method } }),
    );
    port.postMessage({ type: 'done' });
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
