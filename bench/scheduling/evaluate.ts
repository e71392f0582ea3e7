// The scheduler on the frozen evaluation forums (frozen.ts), against their exact references
// (reference.ts → references.json) and the first-come-first-served greedy, at the limits.
//   node --import tsx bench/scheduling/evaluate.ts [--only TEXT] [--runs 3] [--time-limit S]
// One line per run; the load average is read before each run (other work shares the machine).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { checkSchedule } from '../../src/domain/scheduling/check.ts';
import { solve } from '../../src/domain/scheduling/solve.ts';
import { greedyFigures, mib } from './common.ts';
import { FROZEN, loadFrozen } from './frozen.ts';
import { readReferences } from './reference.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'time-limit': { type: 'string' },
  },
});
const refs = readReferences();
console.log(
  '| instance | P | requests | reference | greedy | run | status | ours | ours/ref | required missing | bound | bound/ref | wall (s) | limit (s) | CPU (s) | peak RSS (MiB) | load |',
);
console.log(
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
);
for (const f of FROZEN) {
  if (values.only && !f.name.includes(values.only)) continue;
  const problem = loadFrozen(f);
  const ref = refs[f.name]?.reference ?? Number.NaN;
  const refKind = refs[f.name]?.optimum != null ? 'opt' : 'LP';
  const g = greedyFigures(problem);
  const limit = Number(values['time-limit'] ?? f.timeLimitS);
  for (let run = 1; run <= Number(values.runs); run++) {
    const load = loadavg()[0].toFixed(1);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const schedule = await solve(problem, { seed: run, timeLimitS: limit, now: () => performance.now() });
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const o = schedule.objective;
    const violations = checkSchedule(problem, schedule).violations.filter(
      (v) =>
        schedule.status === 'optimal' || schedule.status === 'feasible' || !v.startsWith('required meeting'),
    );
    const required = new Set(problem.meetings.filter((m) => m.required).map((m) => m.id));
    const missing = schedule.unscheduled.filter((u) => required.has(u.meeting)).length;
    const bound = schedule.bound?.weight ?? Number.NaN;
    console.log(
      `| ${f.name}${violations.length ? ' RULES BROKEN' : ''} | ${problem.participants.length} | ${problem.meetings.length} | ${ref} (${refKind}) | ${g.weight} | ${run} | ${schedule.status} | ${o.weight} | ${((100 * o.weight) / ref).toFixed(2)}% | ${missing} | ${bound} | ${((100 * bound) / ref).toFixed(2)}% | ${wall.toFixed(1)} | ${limit} | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} | ${mib()} | ${load} |`,
    );
  }
}
