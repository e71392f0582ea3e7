/** Reading one row of the exchange CSV into a project or a milestone (see exchange.ts). */
import { LANGS, SECTOR_CODES } from '../sectors.ts';
import type { ExchangeColumn, ExchangeMilestone, ExchangeProject, ExchangeSideReport } from './exchange.ts';
import {
  type Read,
  readChoice,
  readCoverage,
  readDate,
  readLinks,
  readNumber,
  readPairs,
} from './exchange-fields.ts';
import { ORIGIN_KINDS, PARTY_ROLES, PROJECT_LIFECYCLES, type Texts } from './records.ts';
import { MILESTONE_STATUSES, type ProjectState, SIDES } from './rule.ts';

export interface RowReader {
  get(column: ExchangeColumn): string;
  problem(column: string, reason: string): void;
}

const PROJECT_ONLY: ExchangeColumn[] = [
  'cycle',
  'priority_field',
  'lifecycle',
  ...LANGS.map((l) => `description_${l}` as const),
  'parties',
  'comes_from',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'period',
  'vn_reported_on',
  'jp_reported_on',
  'state',
  'progress',
  'coverage',
  'rule',
];
const MILESTONE_ONLY: ExchangeColumn[] = [
  'project',
  'due',
  'status',
  'met_on',
  'evidence',
  'vn_status',
  'vn_progress',
  'jp_status',
  'jp_progress',
];

const STATES: readonly ProjectState[] = ['agreed', 'disputed', 'oneSided', 'missing'];

/** The value, or undefined after naming the problem. */
function take<T>(r: RowReader, column: ExchangeColumn, read: Read<T>): T | undefined {
  if (read.ok) return read.value;
  r.problem(column, read.reason);
  return undefined;
}

function readTexts(r: RowReader, prefix: 'title' | 'description', required: boolean): Texts {
  const out: Texts = {};
  for (const l of LANGS) {
    const v = r.get(`${prefix}_${l}`);
    if (v !== '') out[l] = v;
  }
  if (required && Object.keys(out).length === 0)
    r.problem(`${prefix}_${LANGS.join('|')}`, 'is empty in every language; one is required');
  return out;
}

function readKeys(r: RowReader): { id: string | null; externalId: string | null } {
  const id = r.get('id').trim() || null;
  const externalId = r.get('external_id').trim() || null;
  if (!id && !externalId) r.problem('id', 'is empty, and so is external_id: a record needs one of them');
  return { id, externalId };
}

function onlyFor(r: RowReader, columns: ExchangeColumn[], kind: string): void {
  for (const c of columns)
    if (r.get(c).trim() !== '') r.problem(c, `is for ${kind} rows only; leave it empty`);
}

function readWeight(r: RowReader): number | undefined {
  const w = take(r, 'weight', readNumber(r.get('weight'), 0, 1e6, true));
  return w === undefined ? undefined : (w ?? 1);
}

export function readProjectRow(r: RowReader): ExchangeProject | undefined {
  onlyFor(r, MILESTONE_ONLY, 'milestone');
  const keys = readKeys(r);
  const cycle = r.get('cycle').trim();
  if (!cycle) r.problem('cycle', 'is empty');
  const priorityField = take(r, 'priority_field', readChoice(r.get('priority_field'), SECTOR_CODES));
  const lifecycle = take(r, 'lifecycle', readChoice(r.get('lifecycle'), PROJECT_LIFECYCLES));
  if (lifecycle === null) r.problem('lifecycle', `is empty; one of ${PROJECT_LIFECYCLES.join(', ')}`);
  const dates = (['planned_start', 'planned_end', 'actual_start', 'actual_end'] as const).map((c) =>
    take(r, c, readDate(r.get(c), false)),
  );
  const reportedOn: ExchangeProject['reportedOn'] = {};
  for (const side of SIDES) {
    const d = take(r, `${side}_reported_on`, readDate(r.get(`${side}_reported_on`), false));
    if (d) reportedOn[side] = d;
  }
  const published = readPublished(r);
  const project: ExchangeProject = {
    ...keys,
    cycle,
    priorityField: priorityField ?? null,
    lifecycle: lifecycle ?? 'pipeline',
    title: readTexts(r, 'title', true),
    description: readTexts(r, 'description', false),
    parties: (take(r, 'parties', readPairs(r.get('parties'), PARTY_ROLES)) ?? []).map((p) => ({
      role: p.kind,
      ref: p.ref,
    })),
    comesFrom: take(r, 'comes_from', readPairs(r.get('comes_from'), ORIGIN_KINDS)) ?? [],
    plannedStart: dates[0] ?? null,
    plannedEnd: dates[1] ?? null,
    actualStart: dates[2] ?? null,
    actualEnd: dates[3] ?? null,
    weight: readWeight(r) ?? 1,
    period: r.get('period').trim() || null,
    reportedOn,
    published: published ?? null,
    milestones: [],
  };
  return project;
}

/** The published figure: all of state, coverage and rule, or none (progress is empty when missing). */
function readPublished(r: RowReader): ExchangeProject['published'] | undefined {
  const state = take(r, 'state', readChoice(r.get('state'), STATES));
  const progress = take(r, 'progress', readNumber(r.get('progress'), 0, 100));
  const coverage = take(r, 'coverage', readCoverage(r.get('coverage')));
  const rule = r.get('rule').trim();
  if (!state && progress == null && !coverage && !rule) return null;
  if (!state || !coverage || !rule) {
    r.problem(
      !state ? 'state' : !coverage ? 'coverage' : 'rule',
      'is empty, but the row has a published figure: state, coverage and rule go together',
    );
    return undefined;
  }
  return { state, progress: progress ?? null, coverage, rule };
}

function readSide(r: RowReader, side: 'vn' | 'jp'): ExchangeSideReport | undefined {
  const status = take(r, `${side}_status`, readChoice(r.get(`${side}_status`), MILESTONE_STATUSES));
  const progress = take(r, `${side}_progress`, readNumber(r.get(`${side}_progress`), 0, 100));
  if (status === undefined || progress === undefined) return undefined;
  if (status === null) {
    if (progress !== null) r.problem(`${side}_status`, `is empty, but ${side}_progress is given`);
    return undefined;
  }
  if (progress === null && status !== 'met' && status !== 'cancelled')
    r.problem(`${side}_progress`, `is empty; a ${status} milestone needs its progress (0–100)`);
  return { status, progress };
}

export function readMilestoneRow(r: RowReader): { key: string; milestone: ExchangeMilestone } | undefined {
  onlyFor(r, PROJECT_ONLY, 'project');
  const keys = readKeys(r);
  const key = r.get('project').trim();
  if (!key) r.problem('project', 'is empty; the id or external_id of the milestone’s project');
  const due = take(r, 'due', readDate(r.get('due'), true));
  const status = take(r, 'status', readChoice(r.get('status'), MILESTONE_STATUSES));
  const metOn = take(r, 'met_on', readDate(r.get('met_on'), false));
  const evidence = take(r, 'evidence', readLinks(r.get('evidence')));
  const reports: ExchangeMilestone['reports'] = {};
  for (const side of SIDES) {
    const rep = readSide(r, side);
    if (rep) reports[side] = rep;
  }
  const milestone: ExchangeMilestone = {
    ...keys,
    title: readTexts(r, 'title', true),
    due: due ?? '',
    weight: readWeight(r) ?? 1,
    status: status ?? 'scheduled',
    metOn: metOn ?? null,
    evidence: evidence ?? [],
    reports,
  };
  return { key, milestone };
}
