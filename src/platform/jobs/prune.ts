import { z } from 'zod';
import { defineJob } from './define.ts';
import { jobsRepo } from './repository.ts';

export const KEEP_FINISHED_DAYS = 30;

/** Finished jobs are kept 30 days (to read why one failed), then removed: the table stays small. */
export const pruneJobs = defineJob({
  kind: 'jobs.prune',
  payload: z.object({}),
  run: async (_p, { db, clock }) => {
    const before = new Date(clock.now().getTime() - KEEP_FINISHED_DAYS * 86_400_000).toISOString();
    const res = await jobsRepo.pruneFinished(db, before);
    return { removed: Number(res.numDeletedRows) };
  },
});
