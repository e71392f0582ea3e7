import { Worker } from 'node:worker_threads';

/** What a worker module's default export receives besides its input. */
export interface WorkerTools {
  /** Reports progress (0 to 1) to the job, which records it. */
  progress: (fraction: number, note?: string) => void;
}

/** The shape of a module run by `runInWorker`: `export default async function (input, tools) {…}`. */
export type WorkerMain<I, O> = (input: I, tools: WorkerTools) => O | Promise<O>;

/**
 * Runs CPU-heavy work (a scheduler run) in a worker thread, so the server's event loop stays
 * free to answer requests. `moduleUrl` names a module whose default export does the work; input
 * and result cross by structured clone. When `signal` aborts (the job is cancelled, or the server
 * stops) the thread is terminated at once, wherever it is, and the promise rejects with the
 * signal's reason: a busy loop needs no cooperation to be cancelled. On Linux the thread runs at
 * nice 19 (the lowest priority), so when it and the main thread both want a core, requests get it.
 */
export function runInWorker<I, O>(
  moduleUrl: URL,
  input: I,
  {
    signal,
    onProgress,
  }: { signal?: AbortSignal; onProgress?: (fraction: number, note?: string) => void } = {},
): Promise<O> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<O>((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.js', import.meta.url), {
      workerData: { moduleUrl: moduleUrl.href, input },
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = () => {
      settle(() => reject(signal?.reason));
      void worker.terminate();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on(
      'message',
      (m: { type: string; fraction?: number; note?: string; result?: O; message?: string }) => {
        if (m.type === 'progress') onProgress?.(m.fraction ?? 0, m.note);
        else if (m.type === 'result') {
          settle(() => resolve(m.result as O));
          void worker.terminate();
        } else if (m.type === 'error') {
          settle(() => reject(new Error(m.message)));
          void worker.terminate();
        }
      },
    );
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the worker thread exited with code ${code} before answering`))),
    );
  });
}
