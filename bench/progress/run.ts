/**
 * The progress rule and the exchange CSV at the size of the follow-through target: 100 localities ×
 * 3 projects × 10 milestones × 4 periods × 2 sides (synthetic, from a fixed seed).
 *
 *   node --import tsx bench/progress/run.ts [--rounds 2000]
 *
 * Measures (a) what saving one report recomputes: that project's figure for the period, then the
 * roll-ups of its priority field, its two localities and the cycle; (b) every figure of the cycle
 * (1,200 project-periods and their roll-ups); (c) writing and reading the exchange CSV of the cycle.
 * Baselines in the same run: a bare weighted mean over the same numbers for (a) and (b), and
 * JSON.stringify + JSON.parse of the same records for (c).
 */
import { performance } from 'node:perf_hooks';
import {
  type ExchangeProject,
  readExchangeCsv,
  writeExchangeCsv,
} from '../../src/domain/progress/exchange.ts';
import { type RollUpItem, rollUp, rollUpBy } from '../../src/domain/progress/rollup.ts';
import {
  MILESTONE_STATUSES,
  type MilestoneInput,
  type ProjectFigure,
  projectProgress,
  type SideReport,
} from '../../src/domain/progress/rule.ts';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 2000;

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const LOCALITIES = 100;
const PROJECTS_PER = 3;
const MILESTONES = 10;
const PERIODS = 4;
const FIELDS = ['agriculture', 'industry.manufacturing', 'tourism', 'health', 'education'];

interface Project {
  id: string;
  localities: string[];
  field: string;
  milestones: MilestoneInput[];
  reports: Partial<Record<'vn' | 'jp', SideReport>>[];
}

const report = (): SideReport =>
  Object.fromEntries(
    Array.from({ length: MILESTONES }, (_, i) => [
      `m${i}`,
      { status: MILESTONE_STATUSES[Math.floor(rand() * 4)], progress: Math.round(rand() * 100) },
    ]).filter(() => rand() < 0.9),
  );

const projects: Project[] = [];
for (let l = 0; l < LOCALITIES; l++)
  for (let k = 0; k < PROJECTS_PER; k++)
    projects.push({
      id: `p${l}-${k}`,
      localities: [`VN-${l % 50}`, `JP-${(l * 7 + k) % 50}`],
      field: FIELDS[(l + k) % FIELDS.length],
      milestones: Array.from({ length: MILESTONES }, (_, i) => ({
        id: `m${i}`,
        weight: 1 + Math.floor(rand() * 3),
      })),
      reports: Array.from({ length: PERIODS }, () => {
        const r: Partial<Record<'vn' | 'jp', SideReport>> = {};
        if (rand() < 0.85) r.vn = report();
        if (rand() < 0.8) r.jp = report();
        return r;
      }),
    });

const figures: ProjectFigure[][] = projects.map((p) =>
  p.reports.map((r) => projectProgress(p.milestones, r)),
);

function quantiles(samples: number[]): { p50: number; p99: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

function time(fn: () => void, n: number): number[] {
  for (let i = 0; i < Math.min(50, n); i++) fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

const items = (period: number): (RollUpItem & { field: string; localities: string[] })[] =>
  projects.map((p, i) => ({
    weight: 1,
    figure: figures[i][period],
    field: p.field,
    localities: p.localities,
  }));

/** (a) one report saved: its project-period, then the field, the two localities and the cycle. */
function saveOne(): void {
  const i = Math.floor(rand() * projects.length);
  const period = Math.floor(rand() * PERIODS);
  const p = projects[i];
  figures[i][period] = projectProgress(p.milestones, { ...p.reports[period], vn: report() });
  const all = items(period);
  rollUp(all.filter((x) => x.field === p.field));
  for (const loc of p.localities) rollUp(all.filter((x) => x.localities.includes(loc)));
  rollUp(all);
}

/** The same numbers through a bare weighted mean: the floor of (a). */
function saveOneBare(): void {
  const i = Math.floor(rand() * projects.length);
  const period = Math.floor(rand() * PERIODS);
  const p = projects[i];
  const r = report();
  let s = 0;
  let w = 0;
  for (const m of p.milestones) {
    const v = r[m.id];
    s += (v ? (v.status === 'met' ? 100 : v.progress) : 0) * m.weight;
    w += m.weight;
  }
  let t = 0;
  for (let j = 0; j < projects.length; j++) t += figures[j][period].progress ?? 0;
  if (s / w + t < -1) throw new Error('unreachable');
}

/** (b) every figure of the cycle. */
function everything(): void {
  for (let i = 0; i < projects.length; i++)
    for (let k = 0; k < PERIODS; k++)
      figures[i][k] = projectProgress(projects[i].milestones, projects[i].reports[k]);
  for (let k = 0; k < PERIODS; k++) {
    const all = items(k);
    rollUpBy(all, (x) => [x.field]);
    rollUpBy(all, (x) => x.localities);
    rollUp(all);
  }
}

const exchange: ExchangeProject[] = projects.map((p, i) => ({
  id: p.id,
  externalId: null,
  cycle: 'bench',
  priorityField: null,
  lifecycle: 'implementation',
  title: { en: `Project ${p.id}`, vi: `Dự án ${p.id}`, ja: `事業 ${p.id}` },
  description: { en: 'A synthetic project for the benchmark, with "quotes", commas and =formulas' },
  parties: p.localities.map((ref, j) => ({ role: j ? 'partner' : 'lead', ref })),
  comesFrom: [],
  plannedStart: '2026-04-01',
  plannedEnd: '2027-09-30',
  actualStart: null,
  actualEnd: null,
  weight: 1,
  period: 'P4',
  reportedOn: { vn: '2026-12-20', jp: '2026-12-28' },
  published: {
    state: figures[i][3].state,
    progress: figures[i][3].progress,
    coverage: figures[i][3].coverage,
    rule: 'progress/1',
  },
  milestones: p.milestones.map((m) => ({
    id: `${p.id}-${m.id}`,
    externalId: null,
    title: { en: `Milestone ${m.id}`, vi: `Mốc ${m.id}` },
    due: '2027-03-31',
    weight: m.weight,
    status: 'scheduled',
    metOn: null,
    evidence: ['https://example.org/evidence'],
    reports: { vn: { status: 'scheduled', progress: 40 }, jp: { status: 'partiallyMet', progress: 55 } },
  })),
}));

const fmt = (q: { p50: number; p99: number; mean: number }) =>
  `p50 ${q.p50.toFixed(3)} ms, p99 ${q.p99.toFixed(3)} ms, mean ${q.mean.toFixed(3)} ms`;

const a = quantiles(time(saveOne, rounds));
const a0 = quantiles(time(saveOneBare, rounds));
console.log(`(a) one report saved, its figures recomputed: ${fmt(a)}`);
console.log(
  `    baseline, bare weighted mean over the same numbers: ${fmt(a0)} (ratio ${(a.p99 / a0.p99).toFixed(1)}× at p99)`,
);
const b = quantiles(time(everything, Math.max(20, Math.floor(rounds / 50))));
console.log(
  `(b) every figure of the cycle (${projects.length * PERIODS} project-periods + roll-ups): ${fmt(b)}`,
);
let text = '';
const c1 = quantiles(time(() => (text = writeExchangeCsv(exchange)), 30));
const c2 = quantiles(
  time(() => {
    if (!readExchangeCsv(text).ok) throw new Error('bench CSV does not read back');
  }, 30),
);
let json = '';
const j1 = quantiles(time(() => (json = JSON.stringify(exchange)), 30));
const j2 = quantiles(time(() => JSON.parse(json), 30));
console.log(
  `(c) exchange CSV of ${exchange.length} projects and ${exchange.length * MILESTONES} milestones (${(text.length / 1024).toFixed(0)} KiB): write ${fmt(c1)}; read ${fmt(c2)}`,
);
console.log(
  `    baseline JSON.stringify ${fmt(j1)}; JSON.parse ${fmt(j2)} (ratios ${(c1.p50 / j1.p50).toFixed(1)}× and ${(c2.p50 / j2.p50).toFixed(1)}× at p50)`,
);
console.log(`node ${process.version}, ${new Date().toISOString()}`);
