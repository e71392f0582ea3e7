/**
 * The working schedule and the published one. The organiser reviews the working schedule by
 * slot, table, delegation or interpreter, moves and locks meetings by hand (each move checked
 * by the scheduler's independent checker against the problem the records give now, and refused
 * with its reasons), and publishes it only when the checker finds nothing. Publishing tells
 * each delegation concerned once, in its language: every delegation with a meeting the first
 * time, afterwards only those whose meetings changed.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { applyMove, changedMeetings, sortAssignments } from '../../domain/forum/meetings-moves.ts';
import type { Texts } from '../../domain/forum/model.ts';
import { checkSchedule } from '../../domain/scheduling/check.ts';
import type { Assignment, Problem } from '../../domain/scheduling/types.ts';
import { AppError, notFound } from '../../errors.ts';
import { type Clock, isoNow } from '../../platform/clock.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../audit/service.ts';
import { parseJson } from '../shared/json.ts';
import { delegationToAct, forumToEdit, type Party, partiesOf, publicParty } from './access.ts';
import { type MeetingLine, scheduleMail } from './mails.ts';
import { loadProblem } from './problem.ts';
import { forumRead, interpretersRepo, requestsRepo, schedulesRepo } from './repository.ts';
import type { MoveInput, ScheduleView } from './schemas.ts';

type Q = Kysely<Database>;
type Stage = 'draft' | 'published';

async function stageOf(db: Q, forumId: string, stage: Stage) {
  const row = await schedulesRepo.get(db, forumId, stage);
  return {
    assignments: parseJson(row?.assignments ?? null, [] as Assignment[]),
    locked: parseJson(row?.locked ?? null, [] as string[]),
    version: row?.version ?? 0,
    runId: row?.run_id ?? null,
    publishedAt: row?.published_at ?? null,
  };
}

/** One meeting as the pages show it: when, where, who, with whom, in which languages. */
async function present(
  db: Q,
  forumId: string,
  problem: Problem,
  assignments: Assignment[],
  locked: string[],
) {
  const [parties, interpreters, requests] = await Promise.all([
    partiesOf(db, forumId),
    interpretersRepo.ofForum(db, forumId),
    requestsRepo.ofForum(db, forumId),
  ]);
  const slots = new Map(problem.slots.map((s) => [s.id, s]));
  const reqs = new Map(requests.map((r) => [r.id, r]));
  const lockedSet = new Set(locked);
  const order = problem.slots.map((s) => s.id);
  return sortAssignments(assignments, order).map((a) => {
    const r = reqs.get(a.meeting);
    const side = (id: string | undefined) => (id && parties.get(id) ? publicParty(parties.get(id)!) : null);
    const interp = a.interpreter ? interpreters.find((i) => i.id === a.interpreter) : undefined;
    return {
      meeting: a.meeting,
      slot: a.slot,
      start: slots.get(a.slot)?.start ?? null,
      end: slots.get(a.slot)?.end ?? null,
      table: a.table,
      interpreter: a.interpreter ? { id: a.interpreter, name: interp?.name ?? a.interpreter } : null,
      from: side(r?.from_delegation_id),
      to: side(r?.to_delegation_id),
      priority: r?.priority ?? null,
      locked: lockedSet.has(a.meeting),
    };
  });
}

type Presented = Awaited<ReturnType<typeof present>>[number];

const groupKey: Record<z.infer<typeof ScheduleView>, (m: Presented) => string[]> = {
  slot: (m) => [m.slot],
  table: (m) => [`table ${m.table}`],
  delegation: (m) => [m.from?.delegationId, m.to?.delegationId].filter((x): x is string => !!x),
  interpreter: (m) => (m.interpreter ? [m.interpreter.id] : []),
};

/** The working or published schedule in one of the four views, with the checker's findings. */
export async function readSchedule(
  db: Q,
  user: User,
  forumId: string,
  stage: Stage,
  view: z.infer<typeof ScheduleView>,
) {
  await forumToEdit(db, forumId, user);
  const { problem } = await loadProblem(db, forumId);
  const s = await stageOf(db, forumId, stage);
  const meetings = await present(db, forumId, problem, s.assignments, s.locked);
  const groups = new Map<string, Presented[]>();
  for (const m of meetings) for (const k of groupKey[view](m)) groups.set(k, [...(groups.get(k) ?? []), m]);
  const placed = new Set(s.assignments.map((a) => a.meeting));
  return {
    stage,
    view,
    version: s.version,
    runId: s.runId,
    publishedAt: s.publishedAt,
    violations: s.assignments.length ? checkSchedule(problem, { assignments: s.assignments }).violations : [],
    unplaced: problem.meetings.filter((m) => !placed.has(m.id)).map((m) => m.id),
    groups: [...groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, items]) => ({ key, items })),
  };
}

/** Writes to one forum's working schedule take turns behind its version. */
async function saveDraft(
  tx: Q,
  forumId: string,
  expected: number,
  assignments: Assignment[],
  locked: string[],
  runId: string | null,
  now: string,
) {
  if (expected === 0) {
    await schedulesRepo.put(tx, {
      forum_id: forumId,
      stage: 'draft',
      run_id: runId,
      assignments: JSON.stringify(assignments),
      locked: JSON.stringify(locked),
      updated_at: now,
      published_at: null,
    });
    return;
  }
  const res = await tx
    .updateTable('meeting_schedules')
    .set({
      assignments: JSON.stringify(assignments),
      locked: JSON.stringify(locked),
      version: expected + 1,
      updated_at: now,
    })
    .where('forum_id', '=', forumId)
    .where('stage', '=', 'draft')
    .where('version', '=', expected)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw new AppError('meeting.version_conflict', 'the working schedule changed meanwhile: reload it');
}

const ruleError = (violations: string[], path: string) =>
  new AppError(
    'meeting.rule',
    `refused: ${violations[0]}`,
    violations.map((v) => ({ path, message: v, code: 'rule' })),
  );

/** A hand move (or taking a meeting off): every rule checked; a locked meeting stays where it is. */
export async function moveMeeting(
  db: Q,
  clock: Clock,
  { forumId, user, move }: { forumId: string; user: User; move: z.infer<typeof MoveInput> },
) {
  await forumToEdit(db, forumId, user);
  const { problem } = await loadProblem(db, forumId);
  const s = await stageOf(db, forumId, 'draft');
  if (s.locked.includes(move.meeting))
    throw ruleError([`meeting ${move.meeting} is locked: unlock it first`], 'meeting');
  // The problem pins locked meetings to their slots; a move is checked against the meeting's own rules.
  const result = applyMove(problem, s.assignments, move);
  if (!result.ok) throw ruleError(result.violations, move.slot === null ? 'meeting' : 'slot');
  const now = isoNow(clock);
  return db.transaction().execute(async (tx) => {
    await saveDraft(tx, forumId, s.version, result.assignments, s.locked, s.runId, now);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'meeting',
        entityId: move.meeting,
        before: s.assignments.find((a) => a.meeting === move.meeting) ?? null,
        after: result.assignments.find((a) => a.meeting === move.meeting) ?? null,
      },
    });
    return result.assignments.find((a) => a.meeting === move.meeting) ?? null;
  });
}

/** Locks a scheduled meeting in its slot (a new run keeps it there) or unlocks it. */
export async function lockMeeting(
  db: Q,
  clock: Clock,
  { forumId, user, meeting, locked }: { forumId: string; user: User; meeting: string; locked: boolean },
) {
  await forumToEdit(db, forumId, user);
  const s = await stageOf(db, forumId, 'draft');
  if (locked && !s.assignments.some((a) => a.meeting === meeting))
    throw new AppError('meeting.state', `meeting ${meeting} is not in the working schedule`, [
      { path: 'meeting', message: 'not scheduled', code: 'unscheduled' },
    ]);
  const next = locked ? [...new Set([...s.locked, meeting])].sort() : s.locked.filter((m) => m !== meeting);
  return db.transaction().execute(async (tx) => {
    await saveDraft(tx, forumId, s.version, s.assignments, next, s.runId, isoNow(clock));
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'meeting',
        entityId: meeting,
        before: { locked: s.locked.includes(meeting) },
        after: { locked },
      },
    });
    return { meeting, locked };
  });
}

const mailLang = (l: string) => (l === 'vi' || l === 'ja' ? l : 'en') as 'vi' | 'ja' | 'en';

/** The lines of one delegation's meetings, for its mail. */
function linesOf(
  delegationId: string,
  meetings: Presented[],
  zone: string,
  changed: Set<string>,
): MeetingLine[] {
  return meetings
    .filter((m) => m.from?.delegationId === delegationId || m.to?.delegationId === delegationId)
    .map((m) => ({
      start: m.start!,
      zone,
      table: m.table,
      partner: (m.from?.delegationId === delegationId ? m.to?.name : m.from?.name) ?? {},
      interpreter: m.interpreter?.name ?? null,
      moved: changed.has(m.meeting),
    }));
}

/**
 * Publishes the working schedule after the checker passes. Answers what changed against the
 * previous publication and who was told.
 */
export async function publishSchedule(
  db: Q,
  clock: Clock,
  { forumId, user, publicUrl }: { forumId: string; user: User; publicUrl: string },
) {
  await forumToEdit(db, forumId, user);
  const forum = (await forumRead.get(db, forumId))!;
  const { problem, zone } = await loadProblem(db, forumId);
  const draft = await stageOf(db, forumId, 'draft');
  if (!draft.version)
    throw new AppError('meeting.state', 'there is no working schedule to publish: run the scheduler first', [
      { path: 'schedule', message: 'no working schedule', code: 'empty' },
    ]);
  const violations = checkSchedule(problem, { assignments: draft.assignments }).violations;
  if (violations.length) throw ruleError(violations, 'schedule');
  const before = await stageOf(db, forumId, 'published');
  const first = before.version === 0;
  const changed = new Set(changedMeetings(before.assignments, draft.assignments));
  const now = isoNow(clock);
  return db.transaction().execute(async (tx) => {
    const current = await schedulesRepo.get(tx, forumId, 'draft');
    if (current?.version !== draft.version)
      throw new AppError('meeting.version_conflict', 'the working schedule changed meanwhile: reload it');
    await schedulesRepo.put(tx, {
      forum_id: forumId,
      stage: 'published',
      run_id: draft.runId,
      assignments: JSON.stringify(draft.assignments),
      locked: JSON.stringify(draft.locked),
      updated_at: now,
      published_at: now,
    });
    const parties = await partiesOf(tx, forumId);
    const requests = new Map((await requestsRepo.ofForum(tx, forumId)).map((r) => [r.id, r]));
    const meetings = await present(tx, forumId, problem, draft.assignments, draft.locked);
    // Delegations concerned: both sides of every changed meeting (moved, new or taken off).
    const concerned = new Set<string>();
    for (const m of changed) {
      const r = requests.get(m);
      if (r) concerned.add(r.from_delegation_id).add(r.to_delegation_id);
    }
    const told: { delegationId: string; email: string; language: string }[] = [];
    for (const id of [...concerned].sort()) {
      const p = parties.get(id) as Party | undefined;
      if (!p) continue;
      const removed = [...changed]
        .filter(
          (m) =>
            !draft.assignments.some((a) => a.meeting === m) &&
            before.assignments.some((a) => a.meeting === m),
        )
        .map((m) => requests.get(m))
        .filter((r) => r && (r.from_delegation_id === id || r.to_delegation_id === id))
        .map(
          (r) =>
            (parties.get(r!.from_delegation_id === id ? r!.to_delegation_id : r!.from_delegation_id)?.name ??
              {}) as Texts,
        );
      await queueMail(tx, clock, {
        to: p.email,
        language: mailLang(p.language),
        template: scheduleMail,
        params: {
          forum: parseJson<Texts>(forum.title, {}),
          party: p.name as Texts,
          first,
          meetings: linesOf(id, meetings, zone, first ? new Set() : changed),
          cancelled: removed,
          url: `${publicUrl}/forums/${encodeURIComponent(forumId)}/meetings`,
        },
      });
      told.push({ delegationId: id, email: p.email, language: p.language });
    }
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'meeting',
        entityId: `${forumId}/schedule`,
        before: { published: before.assignments.length },
        after: {
          published: draft.assignments.length,
          changed: [...changed],
          told: told.map((t) => t.delegationId),
        },
      },
    });
    return { published: draft.assignments.length, changed: [...changed], told };
  });
}

/** A delegation's published meetings (its head, the organisers). */
export async function delegationMeetings(db: Q, user: User, forumId: string, delegationId: string) {
  await delegationToAct(db, user, forumId, delegationId);
  const { problem, zone } = await loadProblem(db, forumId);
  const s = await stageOf(db, forumId, 'published');
  const meetings = (await present(db, forumId, problem, s.assignments, [])).filter(
    (m) => m.from?.delegationId === delegationId || m.to?.delegationId === delegationId,
  );
  return { zone, publishedAt: s.publishedAt, items: meetings };
}

/** Published meetings of one delegation, plain, for the member's calendar feed (with the publication's version). */
export async function publishedMeetingsOf(db: Q, forumId: string, delegationId: string) {
  const s = await stageOf(db, forumId, 'published');
  if (!s.assignments.length) return { version: s.version, zone: null, items: [] };
  const { problem, zone } = await loadProblem(db, forumId);
  const items = (await present(db, forumId, problem, s.assignments, [])).filter(
    (m) => m.start && (m.from?.delegationId === delegationId || m.to?.delegationId === delegationId),
  );
  return { version: s.version, zone, items };
}

export const scheduleNotFound = (forumId: string) => notFound('schedule of forum', forumId);
