/**
 * What an exchange CSV would change: the dry run of an import. Records are matched on `id`
 * (Kizuna's) first, then on `external_id` (the partner system's). Only the records' own fields are
 * compared: the side reports and the published figure in a file are for reading and recomputing,
 * never imported as reports. A record of the current data that the file leaves out is kept as it
 * is: an import never deletes (a project never loses its id, even when cancelled).
 */
import type { ExchangeMilestone, ExchangeProject } from './exchange.ts';

export const PROJECT_FIELDS = [
  'externalId',
  'cycle',
  'priorityField',
  'lifecycle',
  'title',
  'description',
  'parties',
  'comesFrom',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'weight',
] as const satisfies readonly (keyof ExchangeProject)[];

export const MILESTONE_FIELDS = [
  'externalId',
  'title',
  'due',
  'weight',
  'status',
  'metOn',
  'evidence',
] as const satisfies readonly (keyof ExchangeMilestone)[];

export type Change<F extends string> =
  | { action: 'add'; key: string }
  | { action: 'update'; key: string; id: string; fields: F[] }
  | { action: 'unchanged'; key: string; id: string };

export type ProjectChange = Change<(typeof PROJECT_FIELDS)[number]> & {
  milestones: Change<(typeof MILESTONE_FIELDS)[number]>[];
};

export interface DiffProblem {
  /** The record's key in the file: its id, or its external_id. */
  key: string;
  column: 'id' | 'external_id';
  reason: string;
}

export type ExchangeDiff = { ok: true; projects: ProjectChange[] } | { ok: false; problems: DiffProblem[] };

/** Order-insensitive for sets (parties, origins, evidence), exact for everything else. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).sort().join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

interface Keyed {
  id: string | null;
  externalId: string | null;
}

/** Matches incoming records to current ones; an unknown `id` is a problem, an unknown external_id an addition. */
function match<T extends Keyed>(
  current: readonly T[],
  incoming: T,
  what: string,
  problems: DiffProblem[],
): T | null | undefined {
  const key = (incoming.id ?? incoming.externalId)!;
  if (incoming.id !== null) {
    const found = current.find((c) => c.id === incoming.id);
    if (!found) problems.push({ key, column: 'id', reason: `"${incoming.id}" is not the id of ${what}` });
    return found;
  }
  const found = current.filter((c) => c.externalId === incoming.externalId);
  if (found.length > 1)
    problems.push({
      key,
      column: 'external_id',
      reason: `"${incoming.externalId}" is the external_id of ${found.length} records; give the id`,
    });
  return found.length === 1 ? found[0] : null;
}

function change<T extends Keyed, F extends keyof T & string>(
  found: T | null,
  incoming: T,
  fields: readonly F[],
): Change<F> {
  const key = (incoming.id ?? incoming.externalId)!;
  if (!found) return { action: 'add', key };
  // A file that leaves external_id empty keeps the one on record.
  const changed = fields.filter(
    (f) => !(f === 'externalId' && incoming.externalId === null) && !same(found[f], incoming[f]),
  );
  return changed.length
    ? { action: 'update', key, id: found.id!, fields: changed }
    : { action: 'unchanged', key, id: found.id! };
}

/**
 * The dry run: for every project and milestone of the file, whether it would be added, updated
 * (which fields) or left unchanged; or every record the file names wrongly.
 *
 * @example
 * diffExchange(current, read.projects)
 * // { ok: true, projects: [{ action: 'update', key: 'prj-1', id: 'prj-1', fields: ['title'], milestones: [...] }] }
 */
export function diffExchange(
  current: readonly ExchangeProject[],
  incoming: readonly ExchangeProject[],
): ExchangeDiff {
  const problems: DiffProblem[] = [];
  const projects: ProjectChange[] = [];
  for (const p of incoming) {
    const found = match(current, p, 'a project of this cycle', problems);
    if (found === undefined) continue;
    const milestones = p.milestones.flatMap((m) => {
      const mf = match(
        found?.milestones ?? [],
        m,
        `a milestone of project ${p.id ?? p.externalId}`,
        problems,
      );
      return mf === undefined ? [] : [change(mf, m, MILESTONE_FIELDS)];
    });
    projects.push({ ...change(found, p, PROJECT_FIELDS), milestones });
  }
  return problems.length ? { ok: false, problems } : { ok: true, projects };
}
