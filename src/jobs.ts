import { PRUNE_EVERY_MS, pruneSignIns } from './features/accounts/jobs.ts';
import { annualReportJob } from './features/followthrough/annual-report.ts';
import { followThroughReminders, REMINDERS_EVERY_MS } from './features/followthrough/reminders.ts';
import { meetingsScheduleJob } from './features/meetings/runs.ts';
import type { AnyJob } from './platform/jobs/define.ts';
import { pruneJobs } from './platform/jobs/prune.ts';
import type { Recurring } from './platform/jobs/queue.ts';
import { type Mailer, pruneOutbox, sendMailJob } from './platform/mail/send.ts';
import { sweepFiles } from './platform/storage/sweep.ts';

const HOUR = 3_600_000;

/**
 * Every kind of background work of the application and the recurring schedule: what app.ts is
 * to routes, this is to jobs. A feature's job is listed here; nothing registers itself.
 */
export function applicationJobs({ mailer, filesDir }: { mailer: Mailer | null; filesDir: string }): {
  jobs: AnyJob[];
  recurring: Recurring[];
} {
  const sweep = sweepFiles(filesDir);
  return {
    jobs: [
      sendMailJob(mailer),
      pruneOutbox,
      pruneJobs,
      pruneSignIns,
      sweep,
      followThroughReminders,
      meetingsScheduleJob,
      annualReportJob,
    ],
    recurring: [
      { job: pruneSignIns, everyMs: PRUNE_EVERY_MS, payload: {} },
      { job: pruneJobs, everyMs: 24 * HOUR, payload: {} },
      { job: pruneOutbox, everyMs: 24 * HOUR, payload: {} },
      { job: sweep, everyMs: HOUR, payload: {} },
      { job: followThroughReminders, everyMs: REMINDERS_EVERY_MS, payload: {} },
    ],
  };
}
