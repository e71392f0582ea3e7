import { z } from 'zod';
import { defineJob } from '../../src/platform/jobs/define.ts';
import { runInWorker } from '../../src/platform/jobs/worker.ts';
import spin from './spin.ts';

/** `bench.spin`: CPU for `ms` in a worker thread (how CPU-heavy jobs run) or, for contrast, inline. */
export const spinJob = defineJob({
  kind: 'bench.spin',
  payload: z.object({ ms: z.number().int().positive(), inline: z.boolean().default(false) }),
  run: async ({ ms, inline }, ctx) =>
    inline
      ? spin({ ms }, { progress: () => {} })
      : runInWorker<{ ms: number }, { rounds: number }>(
          new URL('./spin.ts', import.meta.url),
          { ms },
          {
            signal: ctx.signal,
            onProgress: (f, note) => void ctx.progress(f, note),
          },
        ),
});
