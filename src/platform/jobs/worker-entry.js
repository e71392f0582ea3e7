// Entry of a job's worker thread: loader hooks are per thread, so tsx is registered here before
// the job's TypeScript module is imported (as bin/kizuna.js does for the main thread).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// On Linux a thread has its own nice value: at 19 this one yields the CPU to the server's main thread
// (requests) whenever both want it. /proc/thread-self names this thread's id; threads the job
// starts inherit the value. Elsewhere the thread keeps the process's priority.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, workerData.nice ?? 19);
} catch {
  // not Linux, or not allowed: run at normal priority
}

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
