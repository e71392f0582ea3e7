import { z } from 'zod';

// Pure zod, shared with the web app (a page that shows a job's progress reads this type).

export const JobStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

export const Job = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: JobStatus,
    runAt: z.string(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    progress: z.number().nullable(),
    progressNote: z.string().nullable(),
    cancelRequested: z.boolean(),
    result: z.unknown(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });

export type Job = z.infer<typeof Job>;
