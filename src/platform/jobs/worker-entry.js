// Entry of a job's worker thread: loader hooks are per thread, so tsx is registered here before
// the job's TypeScript module is imported (as bin/kizuna.js does for the main thread).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { moduleUrl, input } = workerData;
try {
  const mod = await import(moduleUrl);
  const progress = (fraction, note) => parentPort.postMessage({ type: 'progress', fraction, note });
  const result = await mod.default(input, { progress });
  parentPort.postMessage({ type: 'result', result });
} catch (err) {
  parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
