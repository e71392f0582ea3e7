// The B2B benchmark of Bofill et al. (JAIR 74, 2022), read in place from ../shared/benchmarks/b2b.
//   node --import tsx bench/scheduling/b2b.ts [--all] [--filter TEXT] [--seed N] [--time-limit S]
// Prints a Markdown table: instance, size, published breaks, ours, greedy, time, memory.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkSchedule } from '../../src/domain/scheduling/check.ts';
import { parseDzn } from '../../src/domain/scheduling/dzn.ts';
import { solve } from '../../src/domain/scheduling/solve.ts';
import { greedyFigures, mib } from './common.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = resolve(root, '../shared/benchmarks/b2b');

const { values } = parseArgs({
  options: {
    all: { type: 'boolean' },
    filter: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'time-limit': { type: 'string', default: '30' },
  },
});

if (!existsSync(join(dir, 'instances'))) {
  console.error(
    `b2b benchmark skipped: ${dir}/instances not found (the instances are not copied into the repo)`,
  );
  process.exit(0);
}

const published = new Map<string, string>();
for (const line of readFileSync(join(dir, 'published_results_jair2022.csv'), 'utf8').split('\n').slice(1)) {
  const cells = line.split(',');
  if (cells.length > 5) published.set(cells[0], cells[5]);
}

const files = readdirSync(join(dir, 'instances'))
  .filter((f) => f.endsWith('.dzn') && (values.all || f.includes('.original.')))
  .filter((f) => !values.filter || f.includes(values.filter))
  .sort();

console.log(
  '| instance | P | M | tables×slots | published breaks | status | held | ours breaks | greedy held | bound | time (s) | peak RSS (MiB) | load |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const times: number[] = [];
let matched = 0;
let claimedWrongly = 0;
let infeasible = 0;
let unproven = 0;
for (const file of files) {
  const parsed = parseDzn(readFileSync(join(dir, 'instances', file), 'utf8'));
  if (!parsed.ok) {
    console.log(`| ${file} | parse error: ${parsed.problems[0].reason} |`);
    continue;
  }
  const problem = parsed.value;
  const load = loadavg()[0].toFixed(1);
  const t0 = performance.now();
  const schedule = await solve(problem, {
    seed: Number(values.seed),
    timeLimitS: Number(values['time-limit']),
    now: () => performance.now(),
  });
  const seconds = (performance.now() - t0) / 1000;
  times.push(seconds);
  const check = checkSchedule(problem, schedule);
  const partial = schedule.status === 'infeasible' || schedule.status === 'incomplete';
  const rulesOk = partial
    ? check.violations.every((v) => v.startsWith('required meeting') || v.startsWith('breaks differ'))
    : check.violations.length === 0;
  const pub = published.get(file) ?? '';
  const o = schedule.objective;
  const ok = !partial && pub !== '-' && pub !== '' && o.breaks <= Number(pub);
  if (ok) matched++;
  if (pub === '-' && !partial) claimedWrongly++;
  if (schedule.status === 'infeasible') infeasible++;
  // The time ran out before every (required) meeting was held, and nothing proved it impossible.
  if (schedule.status === 'incomplete') unproven++;
  const g = greedyFigures(problem);
  const name = file.replace('.dzn', '');
  console.log(
    `| ${name} | ${problem.participants.length} | ${problem.meetings.length} | ${problem.tables}×${problem.slots.length} | ${pub || '?'} | ${schedule.status}${rulesOk ? '' : ' RULES BROKEN'} | ${o.meetings} | ${schedule.status === 'infeasible' ? '–' : o.breaks} | ${g.meetings} | ${schedule.bound?.weight ?? '?'} | ${seconds.toFixed(1)} | ${mib()} | ${load} |`,
  );
}
times.sort((a, b) => a - b);
console.log(
  `\n${files.length} instances; published breaks reached on ${matched}; schedules claimed for published-infeasible: ${claimedWrongly}; ` +
    `answered infeasible (with a proof): ${infeasible}; incomplete: ${unproven}; ` +
    `median ${times[Math.floor(times.length / 2)]?.toFixed(1)} s, max ${times[times.length - 1]?.toFixed(1)} s`,
);
