import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { rollUp, rollUpBy } from '../../domain/progress/rollup.ts';
import { PROGRESS_RULE_VERSION, publishedFigure, SIDES } from '../../domain/progress/rule.ts';
import { AppError } from '../../errors.ts';
import { can } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { getAgreement } from '../agreements/service.ts';
import { projectRef, sideRef } from './access.ts';
import { priorityFieldsOf } from './cycles.ts';
import { currentPeriod, healthOf, projectFigure, ruleFigure } from './figures.ts';
import { loadCycle, loadProject, presentProjects, publicProject } from './model.ts';
import { contactsOf } from './projects.ts';
import { listReports, storedReports } from './reports.ts';
import { ftRepo } from './repository.ts';

type Q = Kysely<Database>;

const rounded = <T extends { progress: number | null }>(f: T): T => ({
  ...f,
  progress: publishedFigure(f.progress),
});

function periodOf(cycle: Awaited<ReturnType<typeof loadCycle>>, asked: string | undefined, today: string) {
  if (!asked) return currentPeriod(cycle, today);
  const p = cycle.periods.find((x) => x.id === asked);
  if (!p)
    throw new AppError('validation.invalid', `period ${asked} is not a period of cycle ${cycle.id}`, [
      { path: 'query.period', message: `not a period of cycle ${cycle.id}`, code: 'invalid' },
    ]);
  return p;
}

/**
 * A cycle with its figures, for the public dashboard: priority fields by locality, every project
 * with its state, progress, coverage and schedule health, counts by field, lifecycle and state,
 * and the roll-ups by priority field and by locality; each figure with the rule's version.
 */
export async function cycleDashboard(
  db: Q,
  { id, period: asked, today }: { id: string; period?: string; today: string },
) {
  const cycle = await loadCycle(db, id);
  const period = periodOf(cycle, asked, today);
  const [fields, projects] = await Promise.all([
    priorityFieldsOf(db, id),
    presentProjects(db, await ftRepo.projectsOf(db, id)),
  ]);
  const reports = await storedReports(
    db,
    projects.map((p) => p.id),
  );
  const byProject = new Map<string, typeof reports>();
  for (const r of reports) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r]);
  const items = projects.map((p) => {
    const rs = byProject.get(p.id) ?? [];
    return {
      project: p,
      rule: ruleFigure(p, rs, period.id),
      figure: projectFigure(p, rs, period.id),
      health: healthOf(cycle, p, rs, today),
    };
  });
  const rollItems = items.map((i) => ({
    weight: i.project.weight,
    cancelled: i.project.lifecycle === 'cancelled',
    figure: i.rule,
    fields: i.project.priorityField ? [i.project.priorityField.sector] : [],
    localities: [...new Set(i.project.parties.map((x) => x.locality).filter((l): l is string => l !== null))],
  }));
  const count = (keys: string[]) => {
    const out: Record<string, number> = {};
    for (const k of keys) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const localities: Record<string, { priorityFields: typeof fields; projects: number }> = {};
  const localityOf = (code: string) => {
    localities[code] ??= { priorityFields: [], projects: 0 };
    return localities[code];
  };
  for (const f of fields) localityOf(f.locality).priorityFields.push(f);
  for (const r of rollItems) for (const l of r.localities) localityOf(l).projects++;
  return {
    cycle,
    period,
    rule: PROGRESS_RULE_VERSION,
    today,
    total: rounded(rollUp(rollItems)),
    byField: Object.fromEntries([...rollUpBy(rollItems, (i) => i.fields)].map(([k, v]) => [k, rounded(v)])),
    byLocality: Object.fromEntries(
      [...rollUpBy(rollItems, (i) => i.localities)].map(([k, v]) => [k, rounded(v)]),
    ),
    localities,
    counts: {
      byField: count(items.map((i) => i.project.priorityField?.sector ?? '(none)')),
      byLifecycle: count(items.map((i) => i.project.lifecycle)),
      byState: count(items.map((i) => i.figure.state)),
      byHealth: count(items.map((i) => i.health.health)),
    },
    projects: items.map((i) => ({
      id: i.project.id,
      externalId: i.project.externalId,
      title: i.project.title,
      priorityField: i.project.priorityField,
      lifecycle: i.project.lifecycle,
      parties: i.project.parties,
      state: i.figure.state,
      progress: i.figure.progress,
      coverage: i.figure.coverage,
      sides: i.figure.sides,
      health: i.health.health,
      rule: i.figure.rule,
    })),
  };
}

/**
 * A project's page: its parties, where it comes from (meeting → agreement → project), its
 * milestones with evidence, each period's figure with the disputes, and the reports.
 */
export async function projectPage(
  db: Q,
  { id, user, today }: { id: string; user: User | null; today: string },
) {
  const project = await loadProject(db, id);
  const cycle = await loadCycle(db, project.cycle);
  const reports = await storedReports(db, [id]);
  const origins = await Promise.all(
    project.origins.map(async (o) => {
      if (o.kind === 'agreement') {
        const a = await getAgreement(db, o.ref).catch(() => null);
        return {
          ...o,
          agreement: a ? { id: a.id, title: a.title, status: a.status, signedOn: a.signedOn } : null,
        };
      }
      if (o.kind === 'project') {
        const p = await ftRepo.project(db, o.ref);
        return { ...o, project: p ? { id: p.id, title: JSON.parse(p.title) } : null };
      }
      return o;
    }),
  );
  const contacts = await contactsOf(db, project, user);
  // What the signed-in caller may do here (the web app shows the forms it may use).
  const actions = user
    ? {
        update: can(user, 'update', projectRef(project)),
        reportAs: SIDES.filter((s) => can(user, 'update', sideRef(project, s))),
      }
    : undefined;
  return {
    ...publicProject(project),
    ...(actions ? { actions } : {}),
    origins,
    ...(contacts ? { contacts } : {}),
    cycle: { id: cycle.id, title: cycle.title, periods: cycle.periods },
    health: healthOf(cycle, project, reports, today),
    figures: cycle.periods
      .filter((p) => p.startsOn <= today || reports.some((r) => r.period === p.id))
      .map((p) => projectFigure(project, reports, p.id)),
    reports: (await listReports(db, { projectId: id, user })).items,
  };
}
