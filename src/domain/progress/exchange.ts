/**
 * The exchange CSV of projects and milestones: one format both ways (export, import, a partner's
 * own system), keyed on a record's `id` or its `external_id`. One row per record: a project row,
 * then its milestone rows. Besides the records, a file carries what is needed to recompute the
 * published figures (the side reports of one period and the figures themselves), so that anyone
 * can check them (scripts/recompute-progress.ts). The format is described for readers in
 * docs/follow-through.md.
 *
 * Reading is all or nothing: every bad field of every row is named (line, column, reason), and a
 * file with any problem gives no records. Writing uses the shared CSV writer: UTF-8 with a BOM,
 * RFC 4180 quoting, CRLF, and an inert `'` before text a spreadsheet would run as a formula.
 */
import { CSV_BOM, CsvError, csvLine, parseCsv } from '../../features/shared/csv.ts';
import { LANGS, type Lang } from '../sectors.ts';
import { escapeFormula, MAX_FIELD_LENGTH, unescapeFormula } from './exchange-fields.ts';
import { type RowReader, readMilestoneRow, readProjectRow } from './exchange-rows.ts';
import type { OriginKind, PartyRole, ProjectLifecycle, Texts } from './records.ts';
import type { MilestoneStatus, ProjectState, Side } from './rule.ts';

export const EXCHANGE_COLUMNS = [
  'kind',
  'id',
  'external_id',
  'project',
  'cycle',
  'priority_field',
  'lifecycle',
  ...LANGS.map((l) => `title_${l}` as const),
  ...LANGS.map((l) => `description_${l}` as const),
  'parties',
  'comes_from',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'due',
  'status',
  'met_on',
  'evidence',
  'weight',
  'period',
  'vn_reported_on',
  'jp_reported_on',
  'vn_status',
  'vn_progress',
  'jp_status',
  'jp_progress',
  'state',
  'progress',
  'coverage',
  'rule',
] as const;
export type ExchangeColumn = (typeof EXCHANGE_COLUMNS)[number];

/** Columns a file may leave out: the published figure is written on export and only checked on import. */
export const OPTIONAL_COLUMNS: readonly ExchangeColumn[] = ['state', 'progress', 'coverage', 'rule'];

/** A file larger than this many records is refused, whatever else is in it. */
export const MAX_ROWS = 20_000;

/** One side's account of a milestone: `progress` may be empty only for `met` and `cancelled`. */
export interface ExchangeSideReport {
  status: MilestoneStatus;
  progress: number | null;
}

export interface ExchangeMilestone {
  id: string | null;
  externalId: string | null;
  title: Texts;
  due: string;
  weight: number;
  status: MilestoneStatus;
  metOn: string | null;
  evidence: string[];
  reports: Partial<Record<Side, ExchangeSideReport>>;
}

export interface ExchangeFigure {
  state: ProjectState;
  progress: number | null;
  coverage: { milestones: number; withData: number };
  rule: string;
}

export interface ExchangeProject {
  id: string | null;
  externalId: string | null;
  cycle: string;
  priorityField: string | null;
  lifecycle: ProjectLifecycle;
  title: Texts;
  description: Texts;
  parties: { role: PartyRole; ref: string }[];
  comesFrom: { kind: OriginKind; ref: string }[];
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  weight: number;
  /** The reporting period the side reports and the figure are for, and when each side last submitted. */
  period: string | null;
  reportedOn: Partial<Record<Side, string>>;
  published: ExchangeFigure | null;
  milestones: ExchangeMilestone[];
}

export interface RowProblem {
  line: number;
  column: string;
  reason: string;
}

export type ExchangeRead = { ok: true; projects: ExchangeProject[] } | { ok: false; problems: RowProblem[] };

type Row = Partial<Record<ExchangeColumn, unknown>>;

const texts = (prefix: 'title' | 'description', t: Texts): Row =>
  Object.fromEntries(LANGS.map((l: Lang) => [`${prefix}_${l}`, t[l] ?? '']));
const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function projectRow(p: ExchangeProject): Row {
  return {
    kind: 'project',
    id: p.id,
    external_id: p.externalId,
    cycle: p.cycle,
    priority_field: p.priorityField,
    lifecycle: p.lifecycle,
    ...texts('title', p.title),
    ...texts('description', p.description),
    parties: p.parties.map((x) => `${x.role}:${x.ref}`).join(';'),
    comes_from: p.comesFrom.map((x) => `${x.kind}:${x.ref}`).join(';'),
    planned_start: p.plannedStart,
    planned_end: p.plannedEnd,
    actual_start: p.actualStart,
    actual_end: p.actualEnd,
    weight: num(p.weight),
    period: p.period,
    vn_reported_on: p.reportedOn.vn,
    jp_reported_on: p.reportedOn.jp,
    state: p.published?.state,
    progress: num(p.published?.progress),
    coverage: p.published ? `${p.published.coverage.withData}/${p.published.coverage.milestones}` : '',
    rule: p.published?.rule,
  };
}

function milestoneRow(p: ExchangeProject, m: ExchangeMilestone): Row {
  return {
    kind: 'milestone',
    id: m.id,
    external_id: m.externalId,
    project: p.id ?? p.externalId,
    ...texts('title', m.title),
    due: m.due,
    status: m.status,
    met_on: m.metOn,
    evidence: m.evidence.join(' '),
    weight: num(m.weight),
    vn_status: m.reports.vn?.status,
    vn_progress: num(m.reports.vn?.progress),
    jp_status: m.reports.jp?.status,
    jp_progress: num(m.reports.jp?.progress),
  };
}

/** The exchange CSV of these projects and their milestones (every column, in order). */
export function writeExchangeCsv(projects: readonly ExchangeProject[]): string {
  const line = (row: Row) =>
    csvLine(
      EXCHANGE_COLUMNS.map((c) =>
        escapeFormula(row[c] === null || row[c] === undefined ? '' : String(row[c])),
      ),
    );
  let out = CSV_BOM + csvLine([...EXCHANGE_COLUMNS]);
  for (const p of projects) {
    out += line(projectRow(p));
    for (const m of p.milestones) out += line(milestoneRow(p, m));
  }
  return out;
}

function readHeader(fields: string[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const name of fields) {
    if (!(EXCHANGE_COLUMNS as readonly string[]).includes(name))
      problems.push({ line: 1, column: name || '(empty)', reason: 'is not a column of the exchange format' });
    else if (seen.has(name)) problems.push({ line: 1, column: name, reason: 'appears twice in the header' });
    seen.add(name);
  }
  for (const c of EXCHANGE_COLUMNS)
    if (!seen.has(c) && !OPTIONAL_COLUMNS.includes(c))
      problems.push({ line: 1, column: c, reason: 'is missing from the header' });
  return problems;
}

/**
 * Reads an exchange CSV. Either every project with its milestones, or every problem found.
 *
 * @example
 * const read = readExchangeCsv(text);
 * if (!read.ok) for (const p of read.problems) console.error(`line ${p.line}, ${p.column}: ${p.reason}`);
 */
export function readExchangeCsv(text: string): ExchangeRead {
  const problems: RowProblem[] = [];
  let records: { line: number; fields: string[] }[];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    problems.push({ line: err.line, column: '(row)', reason: err.reason });
    records = err.rows;
  }
  const header = records.shift();
  if (!header)
    return { ok: false, problems: [{ line: 1, column: '(file)', reason: 'is empty' }, ...problems] };
  const headerProblems = readHeader(header.fields);
  if (headerProblems.length) return { ok: false, problems: [...headerProblems, ...problems] };
  if (records.length > MAX_ROWS)
    return {
      ok: false,
      problems: [{ line: 1, column: '(file)', reason: `has more than ${MAX_ROWS} records` }],
    };

  const projects: { line: number; project: ExchangeProject }[] = [];
  const milestones: { line: number; key: string; milestone: ExchangeMilestone }[] = [];
  for (const { line, fields } of records) {
    if (fields.length !== header.fields.length) {
      problems.push({
        line,
        column: '(row)',
        reason: `has ${fields.length} fields, the header has ${header.fields.length}`,
      });
      continue;
    }
    const rowProblems: RowProblem[] = [];
    const values = new Map(header.fields.map((name, i) => [name, unescapeFormula(fields[i])]));
    const reader: RowReader = {
      get: (c) => values.get(c) ?? '',
      problem: (column, reason) => rowProblems.push({ line, column, reason }),
    };
    for (const [column, value] of values)
      if (value.length > MAX_FIELD_LENGTH)
        reader.problem(column, `is longer than ${MAX_FIELD_LENGTH} characters`);
    const kind = reader.get('kind').trim();
    if (kind === 'project') {
      const project = readProjectRow(reader);
      if (project && !rowProblems.length) projects.push({ line, project });
    } else if (kind === 'milestone') {
      const read = readMilestoneRow(reader);
      if (read && !rowProblems.length) milestones.push({ line, ...read });
    } else reader.problem('kind', `"${kind}" is neither project nor milestone`);
    problems.push(...rowProblems);
  }
  problems.push(...linkRecords(projects, milestones));
  if (!records.length && !problems.length)
    problems.push({ line: 2, column: '(file)', reason: 'has no records' });
  problems.sort((a, b) => a.line - b.line);
  return problems.length ? { ok: false, problems } : { ok: true, projects: projects.map((p) => p.project) };
}

/** Keys unique in the file; every milestone under a project of the file; reports only from sides that reported. */
function linkRecords(
  projects: { line: number; project: ExchangeProject }[],
  milestones: { line: number; key: string; milestone: ExchangeMilestone }[],
): RowProblem[] {
  const problems: RowProblem[] = [];
  const unique = (rows: { line: number; rec: { id: string | null; externalId: string | null } }[]) => {
    for (const column of ['id', 'external_id'] as const) {
      const first = new Map<string, number>();
      for (const { line, rec } of rows) {
        const key = column === 'id' ? rec.id : rec.externalId;
        if (key === null) continue;
        const before = first.get(key);
        if (before !== undefined)
          problems.push({ line, column, reason: `"${key}" is already used on line ${before}` });
        else first.set(key, line);
      }
    }
  };
  unique(projects.map(({ line, project }) => ({ line, rec: project })));
  unique(milestones.map(({ line, milestone }) => ({ line, rec: milestone })));
  const byKey = new Map<string, ExchangeProject[]>();
  for (const { project } of projects)
    for (const key of new Set([project.id, project.externalId]))
      if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), project]);
  for (const { line, key, milestone } of milestones) {
    const found = byKey.get(key) ?? [];
    if (found.length !== 1) {
      problems.push({
        line,
        column: 'project',
        reason: found.length
          ? `"${key}" names ${found.length} projects of this file (an id of one, the external_id of another)`
          : `"${key}" is neither the id nor the external_id of a project in this file`,
      });
      continue;
    }
    const project = found[0];
    for (const side of ['vn', 'jp'] as const)
      if (milestone.reports[side] && !project.reportedOn[side])
        problems.push({
          line,
          column: `${side}_status`,
          reason: `is given, but the project has no ${side}_reported_on: a side that has not reported has no statuses`,
        });
    project.milestones.push(milestone);
  }
  return problems;
}
