import { parentPort } from 'node:worker_threads';
import { BreaksEngine, type Formula, settles, type TurnInput } from './breaks-engine.ts';

// A second solver of the breaks in its own thread (see minimiseBreaks): it loads one formula,
// then answers one turn per message. Its clock is its own; the deadline comes as time left.
// A turn that settles the search raises a flag in shared memory, polled by the main thread.

type Message =
  | { type: 'load'; formula: Formula; settled: Int32Array }
  | { type: 'turn'; input: TurnInput; remainingMs: number };

let engine: BreaksEngine | null = null;
let settled: Int32Array<ArrayBufferLike> = new Int32Array(1);
let deadline = Number.POSITIVE_INFINITY;
const port = parentPort;
if (!port) throw new Error('breaks-worker.ts runs only as a worker thread');

port.on('message', async (msg: Message) => {
  try {
    if (msg.type === 'load') {
      engine = await BreaksEngine.create(msg.formula, () => performance.now() > deadline);
      settled = msg.settled;
      port.postMessage({ type: 'ready' });
      return;
    }
    if (!engine) throw new Error('turn before load');
    deadline = performance.now() + msg.remainingMs;
    const output = engine.turn(msg.input);
    // Tells the main thread's solver, which polls this, that its turn no longer matters.
    if (settles(output, msg.input)) Atomics.store(settled, 0, 1);
    port.postMessage({ type: 'turn', output });
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
