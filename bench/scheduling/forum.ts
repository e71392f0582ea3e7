// Generated Vietnam–Japan forums with interpreters (see generate.ts), solved at three sizes.
//   node --import tsx bench/scheduling/forum.ts --size small|medium|large [--seeds 1,2,3] [--time-limit S]
// Run one size per process so that the peak memory reported is that size's own.
import { parseArgs } from 'node:util';
import { checkSchedule } from '../../src/domain/scheduling/check.ts';
import { solve } from '../../src/domain/scheduling/solve.ts';
import { greedyFigures, mib } from './common.ts';
import { generateForum } from './generate.ts';

const SIZES = {
  small: { participants: 120, requests: 600, days: 1, timeLimitS: 5 },
  medium: { participants: 600, requests: 4000, days: 2, timeLimitS: 20 },
  large: { participants: 3000, requests: 30000, days: 2, timeLimitS: 60 },
} as const;

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    seeds: { type: 'string', default: '1' },
    // Overrides the size's time limit, e.g. 600 to see the quality of the full effort budget.
    'time-limit': { type: 'string' },
  },
});
const size = SIZES[values.size as keyof typeof SIZES];
if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);

console.log(
  '| instance | P | requests | interpreters | bound | greedy | ours | ours/bound | ours/greedy | breaks | wall (s) | CPU (s) | peak RSS (MiB) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const seed of values.seeds.split(',').map(Number)) {
  const problem = generateForum({ ...size, seed });
  const g = greedyFigures(problem);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const timeLimitS = Number(values['time-limit'] ?? size.timeLimitS);
  const schedule = await solve(problem, { seed: 1, timeLimitS, now: () => performance.now() });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const o = schedule.objective;
  const bound = schedule.bound?.weight ?? Number.NaN;
  const broken = schedule.status !== 'infeasible' && checkSchedule(problem, schedule).violations.length > 0;
  console.log(
    `| forum-${values.size}-s${seed}${broken ? ' RULES BROKEN' : ''} | ${problem.participants.length} | ${problem.meetings.length} | ${problem.interpreters?.length} | ${bound} | ${g.weight} | ${o.weight} (${schedule.status}) | ${((100 * o.weight) / bound).toFixed(2)}% | ${(o.weight / g.weight).toFixed(3)} | ${o.breaks} | ${wall.toFixed(1)} | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} | ${mib()} |`,
  );
}
