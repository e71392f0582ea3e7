import { parentPort } from 'node:worker_threads';
import { BreaksEngine, type Formula, type TurnInput } from './breaks-engine.ts';

// A second solver of the breaks in its own thread (see minimiseBreaks): it loads one formula,
// then answers one turn per message. Its clock is its own; the deadline comes as time left.

type Message = { type: 'load'; formula: Formula } | { type: 'turn'; input: TurnInput; remainingMs: number };

let engine: BreaksEngine | null = null;
let deadline = Number.POSITIVE_INFINITY;
const port = parentPort;
if (!port) throw new Error('breaks-worker.ts runs only as a worker thread');

port.on('message', async (msg: Message) => {
  try {
    if (msg.type === 'load') {
      engine = await BreaksEngine.create(msg.formula, () => performance.now() > deadline);
      port.postMessage({ type: 'ready' });
      return;
    }
    if (!engine) throw new Error('turn before load');
    deadline = performance.now() + msg.remainingMs;
    port.postMessage({ type: 'turn', output: engine.turn(msg.input) });
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
