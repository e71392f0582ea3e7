import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { sanitizeHtml } from '../../domain/feeds/sanitize.ts';
import type { Side } from '../../domain/progress/rule.ts';
import { AppError, type FieldError, validationError } from '../../errors.ts';
import { can } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { parseJson } from '../shared/json.ts';
import { assertCanEditProject, assertCanReport, sideRef } from './access.ts';
import { projectFigure, type StoredReport } from './figures.ts';
import { loadCycle, loadProject, type ProjectView } from './model.ts';
import { newId } from './projects.ts';
import { ftRepo } from './repository.ts';
import type { ReportInput } from './schemas.ts';

type Q = Kysely<Database>;
type Row = Awaited<ReturnType<typeof ftRepo.reportsOf>>[number];

/** Versions a side may keep for one period (corrections included). */
export const MAX_VERSIONS = 50;
/** Notes on one project. */
export const MAX_NOTES = 1000;

export const toStoredReport = (r: Row): StoredReport => ({
  id: r.id,
  projectId: r.project_id,
  period: r.period_id,
  side: r.side as Side,
  version: r.version,
  state: r.state as StoredReport['state'],
  submittedAt: r.submitted_at,
  milestones: parseJson(r.milestones, []),
});

const toView = (r: Row) => ({
  ...toStoredReport(r),
  text: parseJson<Record<string, { text: string; status: string }>>(r.text, {}),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function storedReports(db: Q, projectIds: string[]): Promise<StoredReport[]> {
  return (await ftRepo.reportsOf(db, projectIds)).map(toStoredReport);
}

/** Every milestone named once and belonging to the project. */
function checkMilestones(project: ProjectView, input: ReportInput) {
  const errors: FieldError[] = [];
  const ids = new Set(project.milestones.map((m) => m.id));
  const seen = new Set<string>();
  input.milestones.forEach((m, i) => {
    const path = `milestones.${i}.milestone`;
    if (!ids.has(m.milestone))
      errors.push({
        path,
        message: `${m.milestone} is not a milestone of project ${project.id}`,
        code: 'unknown_reference',
      });
    else if (seen.has(m.milestone))
      errors.push({ path, message: `${m.milestone} is reported twice`, code: 'duplicate' });
    seen.add(m.milestone);
  });
  if (errors.length) throw validationError(errors);
}

/**
 * Saves one side's report for a period. A draft is replaced until it is submitted; a submitted
 * report is never changed: sending another makes a new version (a correction), and every version
 * stays readable. Only an editor of a party on that side reports for it.
 */
export async function saveReport(
  db: Q,
  { projectId, input, user }: { projectId: string; input: ReportInput; user: User },
) {
  const project = await loadProject(db, projectId);
  assertCanReport(user, project, input.side);
  const cycle = await loadCycle(db, project.cycle);
  if (!cycle.periods.some((p) => p.id === input.period))
    throw validationError([
      {
        path: 'period',
        message: `${input.period} is not a period of cycle ${cycle.id}`,
        code: 'unknown_reference',
      },
    ]);
  if (!project.parties.some((p) => p.side === input.side))
    throw validationError([
      {
        path: 'side',
        message: `project ${projectId} has no ${input.side.toUpperCase()} party`,
        code: 'invalid',
      },
    ]);
  checkMilestones(project, input);
  const text = Object.fromEntries(
    Object.entries(input.text).map(([lang, t]) => [
      lang,
      { text: sanitizeHtml(t!.text, { images: false }), status: t!.status },
    ]),
  );
  const now = new Date().toISOString();
  return db.transaction().execute(async (tx) => {
    const versions = (await ftRepo.reportsOf(tx, [projectId])).filter(
      (r) => r.period_id === input.period && r.side === input.side,
    );
    const last = versions.at(-1);
    const values = {
      state: input.state,
      text: JSON.stringify(text),
      milestones: JSON.stringify(input.milestones),
      author_id: user.id,
      updated_at: now,
      submitted_at: input.state === 'submitted' ? now : null,
    };
    let id: string;
    if (last && last.state === 'draft') {
      id = last.id;
      await tx
        .updateTable('ft_reports')
        .set(values)
        .where('id', '=', id)
        .where('state', '=', 'draft')
        .execute();
    } else {
      if (versions.length >= MAX_VERSIONS)
        throw new AppError('conflict', `a side keeps at most ${MAX_VERSIONS} versions of a period's report`);
      id = newId('rep');
      await tx
        .insertInto('ft_reports')
        .values({
          id,
          project_id: projectId,
          period_id: input.period,
          side: input.side,
          version: (last?.version ?? 0) + 1,
          created_at: now,
          ...values,
        })
        .execute();
    }
    const after = toView(
      await tx.selectFrom('ft_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: last?.state === 'draft' ? 'update' : 'create',
        entityType: 'report',
        entityId: id,
        before: last?.state === 'draft' ? toView(last) : null,
        after,
      },
    });
    const figure = projectFigure(project, await storedReports(tx, [projectId]), input.period);
    return { report: after, figure };
  });
}

/**
 * The reports of a project: every submitted version for everyone; drafts only for the editors of
 * their side.
 */
export async function listReports(
  db: Q,
  { projectId, user, period }: { projectId: string; user: User | null; period?: string },
) {
  const project = await loadProject(db, projectId);
  const rows = await ftRepo.reportsOf(db, [projectId]);
  return {
    items: rows
      .filter((r) => !period || r.period_id === period)
      .filter((r) => r.state === 'submitted' || can(user, 'update', sideRef(project, r.side as Side)))
      .map(toView),
  };
}

/** A note from one side to the other, about the project or one period. Sanitised, kept. */
export async function addNote(
  db: Q,
  {
    projectId,
    input,
    user,
  }: {
    projectId: string;
    input: { side: Side; period: string | null; text: Record<string, string | undefined> };
    user: User;
  },
) {
  const project = await loadProject(db, projectId);
  assertCanReport(user, project, input.side);
  if (input.period) {
    const cycle = await loadCycle(db, project.cycle);
    if (!cycle.periods.some((p) => p.id === input.period))
      throw validationError([
        {
          path: 'period',
          message: `${input.period} is not a period of cycle ${cycle.id}`,
          code: 'unknown_reference',
        },
      ]);
  }
  if ((await ftRepo.notesOf(db, projectId)).length >= MAX_NOTES)
    throw new AppError('conflict', `a project keeps at most ${MAX_NOTES} notes`);
  const text = Object.fromEntries(
    Object.entries(input.text)
      .filter(([, t]) => t)
      .map(([l, t]) => [l, sanitizeHtml(t!, { images: false })]),
  );
  const id = newId('note');
  const now = new Date().toISOString();
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('ft_notes')
      .values({
        id,
        project_id: projectId,
        period_id: input.period,
        side: input.side,
        text: JSON.stringify(text),
        author_id: user.id,
        created_at: now,
      })
      .execute();
    const after = { id, side: input.side, period: input.period, text, createdAt: now };
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'note',
        entityId: id,
        before: null,
        after,
      },
    });
    return after;
  });
}

/** Notes are between the two sides: read by the project's editors (either side) and admins. */
export async function listNotes(db: Q, { projectId, user }: { projectId: string; user: User }) {
  const project = await loadProject(db, projectId);
  assertCanEditProject(user, project);
  return {
    items: (await ftRepo.notesOf(db, projectId)).map((n) => ({
      id: n.id,
      side: n.side,
      period: n.period_id,
      text: parseJson<Record<string, string>>(n.text, {}),
      createdAt: n.created_at,
    })),
  };
}
