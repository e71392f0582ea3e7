/**
 * The scheduler in a job's worker thread (platform/jobs/worker.ts): the problem and options
 * cross by structured clone, progress goes back at most every 250 ms as the fraction of the
 * bound held, with a note the page shows ("weight 12 of at most 14, 5 meetings").
 */
import { solve } from '../../domain/scheduling/solve.ts';
import type { KeptSchedule, Problem, Schedule } from '../../domain/scheduling/types.ts';
import type { WorkerTools } from '../../platform/jobs/worker.ts';

export interface SolveInput {
  problem: Problem;
  seed: number;
  timeLimitS: number;
  keep?: KeptSchedule;
}

export default async function run(input: SolveInput, tools: WorkerTools): Promise<Schedule> {
  let last = 0;
  return solve(input.problem, {
    seed: input.seed,
    timeLimitS: input.timeLimitS,
    ...(input.keep ? { keep: input.keep } : {}),
    now: () => performance.now(),
    onProgress: (p) => {
      const t = performance.now();
      if (t - last < 250) return;
      last = t;
      const bound = p.bound ?? 0;
      tools.progress(
        bound > 0 ? Math.min(0.99, p.weight / bound) : 0,
        JSON.stringify({ weight: p.weight, bound: p.bound ?? null, breaks: p.breaks }),
      );
    },
  });
}
