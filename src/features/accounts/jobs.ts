import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define.ts';
import { attemptsRepo, sessionsRepo } from './repository.ts';
import { RATE_LIMIT } from './signin.ts';

/**
 * Sign-in attempts older than the rate-limit window and expired sessions count for nothing
 * (the queries filter on time): without this clean-up the tables would keep every address and
 * email ever tried, forever. It used to run inside every sign-in; it is recurring work now.
 */
export const pruneSignIns = defineJob({
  kind: 'accounts.prune',
  payload: z.object({}),
  run: async (_payload, { db, clock }) => {
    const now = clock.now();
    const since = new Date(now.getTime() - RATE_LIMIT.windowMinutes * 60_000).toISOString();
    const attempts = await attemptsRepo.prune(db, since);
    const sessions = await sessionsRepo.deleteExpired(db, now.toISOString());
    return {
      attempts: Number(attempts[0]?.numDeletedRows ?? 0),
      sessions: Number(sessions[0]?.numDeletedRows ?? 0),
    };
  },
});

export const PRUNE_EVERY_MS = RATE_LIMIT.windowMinutes * 60_000;
