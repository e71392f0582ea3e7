import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import type { IatiProject } from '../../domain/iati/activities.ts';
import {
  type ExchangeMilestone,
  type ExchangeProject,
  readExchangeCsv,
  writeExchangeCsv,
} from '../../domain/progress/exchange.ts';
import { diffExchange } from '../../domain/progress/exchange-diff.ts';
import { asPublished } from '../../domain/progress/recompute.ts';
import { SIDES } from '../../domain/progress/rule.ts';
import { AppError, type FieldError, fieldErrorsFromZod, validationError } from '../../errors.ts';
import type { User } from '../accounts/schemas.ts';
import { priorityFieldsOf } from './cycles.ts';
import { currentPeriod, latestSubmitted, ruleFigure, type StoredReport } from './figures.ts';
import { type CycleView, loadCycle, type ProjectView, presentProjects } from './model.ts';
import { addEvidence, createMilestone, createProject, updateMilestone, updateProject } from './projects.ts';
import { storedReports } from './reports.ts';
import { ftRepo } from './repository.ts';
import { MilestoneInput, ProjectInput } from './schemas.ts';

/**
 * The cycle's projects in the exchange CSV (domain/progress/exchange.ts) and as IATI activities,
 * and the import: a dry run says what would change, every bad row is named, and an import writes
 * everything or nothing (one transaction, through the same use cases as the API, with their
 * authorisation and audit).
 */
type Q = Kysely<Database>;

async function cycleData(db: Q, cycleId: string) {
  const cycle = await loadCycle(db, cycleId);
  const projects = await presentProjects(db, await ftRepo.projectsOf(db, cycleId));
  const reports = await storedReports(
    db,
    projects.map((p) => p.id),
  );
  return { cycle, projects, reports };
}

const partyRef = (p: ProjectView['parties'][number]) => (p.locality ?? p.organization)!;

function toExchange(
  p: ProjectView,
  reports: readonly StoredReport[],
  period: string | null,
): ExchangeProject {
  const mine = reports.filter((r) => r.projectId === p.id);
  const latest = period ? latestSubmitted(mine, period) : {};
  const reportedOn: ExchangeProject['reportedOn'] = {};
  for (const side of SIDES) {
    const r = latest[side];
    if (r?.submittedAt) reportedOn[side] = r.submittedAt.slice(0, 10);
  }
  const milestones: ExchangeMilestone[] = p.milestones.map((m) => {
    const sides: ExchangeMilestone['reports'] = {};
    for (const side of SIDES) {
      const entry = latest[side]?.milestones.find((x) => x.milestone === m.id);
      if (entry) sides[side] = { status: entry.status, progress: entry.progress };
    }
    return {
      id: m.id,
      externalId: m.externalId,
      title: m.title,
      due: m.dueOn,
      weight: m.weight,
      status: m.status,
      metOn: m.metOn,
      evidence: m.evidence.flatMap((e) => (e.url && !e.file ? [e.url] : [])),
      reports: sides,
    };
  });
  return {
    id: p.id,
    externalId: p.externalId,
    cycle: p.cycle,
    priorityField: p.priorityField?.sector ?? null,
    lifecycle: p.lifecycle,
    title: p.title,
    description: p.description,
    parties: p.parties.map((x) => ({ role: x.role, ref: partyRef(x) })),
    comesFrom: p.origins.map((o) => ({ kind: o.kind, ref: o.ref })),
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    actualStart: p.actualStart,
    actualEnd: p.actualEnd,
    weight: p.weight,
    period,
    reportedOn,
    published: period ? asPublished(ruleFigure(p, mine, period)) : null,
    milestones,
  };
}

function periodOf(cycle: CycleView, asked: string | undefined, today: string) {
  if (!asked) return currentPeriod(cycle, today).id;
  if (!cycle.periods.some((p) => p.id === asked))
    throw new AppError('validation.invalid', `period ${asked} is not a period of cycle ${cycle.id}`, [
      { path: 'query.period', message: `not a period of cycle ${cycle.id}`, code: 'invalid' },
    ]);
  return asked;
}

/** The exchange CSV of the cycle, with the sides' reports and the published figure of one period. */
export async function exportCsv(
  db: Q,
  { cycleId, period, today }: { cycleId: string; period?: string; today: string },
) {
  const { cycle, projects, reports } = await cycleData(db, cycleId);
  const p = periodOf(cycle, period, today);
  return writeExchangeCsv(projects.map((x) => toExchange(x, reports, p)));
}

/** The cycle's projects as the IATI writer takes them (latest figures of the current period). */
export async function iatiProjects(
  db: Q,
  { cycleId, today, baseUrl }: { cycleId: string; today: string; baseUrl: string },
): Promise<IatiProject[]> {
  const { cycle, projects, reports } = await cycleData(db, cycleId);
  const period = currentPeriod(cycle, today).id;
  return projects.map((p) => {
    const latest = latestSubmitted(
      reports.filter((r) => r.projectId === p.id),
      period,
    );
    return {
      id: p.id,
      title: p.title,
      description: p.description,
      lifecycle: p.lifecycle,
      parties: p.parties.map((x) => ({
        role: x.role,
        ref: null,
        type: x.locality ? ('localGovernment' as const) : null,
        name: x.name,
      })),
      plannedStart: p.plannedStart ?? cycle.startsOn,
      plannedEnd: p.plannedEnd,
      actualStart: p.actualStart,
      actualEnd: p.actualEnd,
      sector: p.priorityField?.sector ?? null,
      pageUrl: `${baseUrl}/projects/${encodeURIComponent(p.id)}`,
      lastUpdated: p.updatedAt,
      milestones: p.milestones.map((m) => {
        const sides: IatiProject['milestones'][number]['sides'] = {};
        for (const side of SIDES) {
          const e = latest[side]?.milestones.find((x) => x.milestone === m.id);
          if (e) sides[side] = { status: e.status, progress: e.progress, comment: e.comment };
        }
        return { id: m.id, title: m.title, due: m.dueOn, status: m.status, sides };
      }),
    };
  });
}

/** A record read from a file, checked by the API's own schema (lengths, dates, limits). */
function checked<S extends z.ZodType>(schema: S, value: z.input<S>, prefix = ''): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(fieldErrorsFromZod(r.error, prefix.replace(/\.$/, '')));
  return r.data;
}

const problem = (errors: FieldError[]) =>
  new AppError(
    'validation.invalid',
    `the file is refused, nothing was written: ${errors
      .slice(0, 5)
      .map((e) => `${e.path}: ${e.message}`)
      .join('; ')}${errors.length > 5 ? `; and ${errors.length - 5} more` : ''}`,
    errors,
  );

/**
 * Imports an exchange CSV into the cycle: every bad row named (`line.N.column`), and either every
 * change written or none. With `dryRun`, only says what would change.
 */
export async function importCsv(
  db: Q,
  { cycleId, text, dryRun, user }: { cycleId: string; text: string; dryRun: boolean; user: User },
) {
  const { cycle, projects, reports } = await cycleData(db, cycleId);
  const read = readExchangeCsv(text);
  if (!read.ok)
    throw problem(
      read.problems.map((p) => ({ path: `line.${p.line}.${p.column}`, message: p.reason, code: 'invalid' })),
    );
  const current = projects.map((p) => toExchange(p, reports, null));
  const wrongCycle = read.projects.flatMap((p, i) =>
    p.cycle === cycle.id
      ? []
      : [
          {
            path: `project.${p.id ?? p.externalId ?? i}.cycle`,
            message: `"${p.cycle}" is not this cycle (${cycle.id})`,
            code: 'invalid',
          },
        ],
  );
  if (wrongCycle.length) throw problem(wrongCycle);
  const diff = diffExchange(current, read.projects);
  if (!diff.ok)
    throw problem(
      diff.problems.map((p) => ({
        path: `project.${p.key}.${p.column}`,
        message: p.reason,
        code: 'invalid',
      })),
    );
  if (dryRun) return { dryRun, changes: diff.projects };
  const fields = await priorityFieldsOf(db, cycleId);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const contacts = await ftRepo.contactsOf(
    db,
    projects.map((p) => p.id),
  );
  await db.transaction().execute(async (tx) => {
    const errors: FieldError[] = [];
    for (const [i, change] of diff.projects.entries()) {
      const incoming = read.projects[i];
      const existing = change.action === 'add' ? null : byId.get(change.id)!;
      try {
        let projectId = existing?.id;
        if (change.action !== 'unchanged') {
          const input = checked(ProjectInput, projectInput(incoming, existing, fields, contacts));
          projectId =
            change.action === 'add'
              ? (await createProject(tx, { cycleId, input, user })).id
              : (await updateProject(tx, { id: existing!.id, version: existing!.version, input, user })).id;
        }
        for (const [j, mc] of change.milestones.entries()) {
          if (mc.action === 'unchanged') continue;
          const m = incoming.milestones[j];
          const input = checked(MilestoneInput, milestoneInput(m), `milestone.${mc.key}.`);
          const saved =
            mc.action === 'add'
              ? await createMilestone(tx, { projectId: projectId!, input, user })
              : await updateMilestone(tx, {
                  id: mc.id,
                  version: (await ftRepo.milestone(tx, mc.id))!.version,
                  input,
                  user,
                });
          const have = new Set(saved.evidence.filter((e) => !e.file).map((e) => e.url));
          for (const url of m.evidence)
            if (!have.has(url))
              await addEvidence(tx, { milestoneId: saved.id, input: { url, title: {} }, user });
        }
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const key = change.key;
        if (err.errors.length)
          errors.push(...err.errors.map((e) => ({ ...e, path: `project.${key}.${e.path}` })));
        else errors.push({ path: `project.${key}`, message: err.detail, code: err.code });
      }
    }
    if (errors.length) throw problem(errors);
  });
  return { dryRun, changes: diff.projects };
}

function projectInput(
  p: ExchangeProject,
  existing: ProjectView | null,
  fields: { locality: string; sector: string }[],
  contacts: { project_id: string; side: string; email: string; language: string }[],
): ProjectInput {
  const parties = p.parties.map((x) => ({
    role: x.role,
    ...(/^(VN|JP)-/.test(x.ref) ? { locality: x.ref } : { organization: x.ref }),
  }));
  let priorityField: ProjectInput['priorityField'] = null;
  if (p.priorityField) {
    const sector = p.priorityField;
    const kept = existing?.priorityField?.sector === sector ? existing.priorityField.locality : null;
    const named = fields.find(
      (f) => f.sector === sector && p.parties.some((x) => x.ref === f.locality),
    )?.locality;
    const locality = kept ?? named ?? p.parties.find((x) => /^(VN|JP)-/.test(x.ref))?.ref ?? null;
    priorityField = locality ? { locality, sector } : null;
  }
  const outcomes = new Map(existing?.origins.map((o) => [`${o.kind}:${o.ref}`, o.outcome]) ?? []);
  return {
    externalId: p.externalId ?? existing?.externalId ?? null,
    priorityField,
    title: p.title,
    description: p.description,
    lifecycle: p.lifecycle,
    parties: parties as ProjectInput['parties'],
    origins: p.comesFrom.map((o) => ({
      kind: o.kind,
      ref: o.ref,
      outcome: outcomes.get(`${o.kind}:${o.ref}`) ?? {},
    })),
    contacts: contacts
      .filter((c) => c.project_id === existing?.id)
      .map((c) => ({
        side: c.side as 'vn' | 'jp',
        email: c.email,
        language: c.language as 'vi' | 'ja' | 'en',
      })),
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    actualStart: p.actualStart,
    actualEnd: p.actualEnd,
    weight: p.weight,
  };
}

const milestoneInput = (m: ExchangeMilestone): MilestoneInput => ({
  externalId: m.externalId,
  title: m.title,
  dueOn: m.due,
  weight: m.weight,
  status: m.status,
  metOn: m.status === 'met' ? m.metOn : null,
});
