/**
 * A project side's calendar of due dates, at a secret address its contacts subscribe to
 * (`GET /api/calendar/due/{token}.ics`): every milestone not cancelled (met ones marked so) and
 * the close of each reporting period, as all-day events in the side's time zone, with UIDs made
 * from the milestone's or period's id, so that a moved due date moves the event. The token is
 * stored as a hash; renewing it makes a new one and the old address stops working.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { buildCalendar, type CalendarEvent, type CalendarLang } from '../../domain/calendar/ics.ts';
import { instantAt } from '../../domain/calendar/zones.ts';
import type { Side } from '../../domain/progress/rule.ts';
import { notFound } from '../../errors.ts';
import { type Clock, isoNow } from '../../platform/clock.ts';
import { newSecret, secretHash } from '../accounts/passwords.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { assertCanReport } from './access.ts';
import { loadCycle, loadProject } from './model.ts';

type Q = Kysely<Database>;

export const SIDE_ZONE: Record<Side, string> = { vn: 'Asia/Ho_Chi_Minh', jp: 'Asia/Tokyo' };
const SIDE_LANG: Record<Side, CalendarLang> = { vn: 'vi', jp: 'ja' };
const TOKEN = /^due_[A-Za-z0-9_-]{20,100}$/;

const L = {
  due: { vi: 'Hạn mốc', ja: 'マイルストーン期限', en: 'Milestone due' },
  met: { vi: 'đã đạt', ja: '達成', en: 'met' },
  close: { vi: 'Hết hạn kỳ báo cáo', ja: '報告期間の締切', en: 'Reporting period closes' },
  name: { vi: 'Hạn công việc', ja: '期限', en: 'Due dates' },
} as const;

/** A new secret address for the side's feed (those who report for that side). */
export async function renewDueCalendar(
  db: Q,
  clock: Clock,
  { user, projectId, side, publicUrl }: { user: User; projectId: string; side: Side; publicUrl: string },
) {
  const project = await loadProject(db, projectId);
  assertCanReport(user, project, side);
  const token = newSecret('due');
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('due_calendars')
      .where('project_id', '=', projectId)
      .where('side', '=', side)
      .execute();
    await tx
      .insertInto('due_calendars')
      .values({ project_id: projectId, side, token_hash: secretHash(token), created_at: isoNow(clock) })
      .execute();
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'project',
        entityId: projectId,
        before: null,
        after: { side, calendar: 'renewed' },
      },
    });
  });
  return { url: `${publicUrl.replace(/\/$/, '')}/api/calendar/due/${token}.ics` };
}

const day = (date: string, zone: string) => {
  const [year, month, d] = date.split('-').map(Number);
  return instantAt({ year: year!, month: month!, day: d!, hour: 12, minute: 0, second: 0 }, zone);
};

/** The feed at `<token>.ics`, in the side's language unless `lang` is asked. */
export async function dueCalendar(db: Q, file: string, asked?: CalendarLang) {
  const token = file.replace(/\.ics$/, '');
  const row = TOKEN.test(token)
    ? await db
        .selectFrom('due_calendars')
        .selectAll()
        .where('token_hash', '=', secretHash(token))
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('calendar', 'at this address');
  const side = row.side as Side;
  const zone = SIDE_ZONE[side];
  const lang = asked ?? SIDE_LANG[side];
  const project = await loadProject(db, row.project_id);
  const cycle = await loadCycle(db, project.cycle);
  const text = (t: Partial<Record<CalendarLang, string>>) => t[lang] ?? t.en ?? t.vi ?? t.ja ?? '';
  const title = text(project.title);
  const events: CalendarEvent[] = [
    ...project.milestones
      .filter((m) => m.status !== 'cancelled')
      .map((m) => ({
        uid: `milestone-${m.id}@kizuna`,
        start: day(m.dueOn, zone),
        end: day(m.dueOn, zone),
        precision: 'day' as const,
        summary: `${L.due[lang]}: ${text(m.title)}${m.status === 'met' ? ` (${L.met[lang]})` : ''}`,
        description: title,
        categories: ['milestone'],
      })),
    ...cycle.periods.map((p) => ({
      uid: `period-${cycle.id}-${p.id}-${project.id}@kizuna`,
      start: day(p.endsOn, zone),
      end: day(p.endsOn, zone),
      precision: 'day' as const,
      summary: `${L.close[lang]} ${p.id}: ${title}`,
      categories: ['reporting-period'],
    })),
  ];
  return {
    name: `due-${project.id}-${side}`,
    body: buildCalendar({
      prodId: '-//Kizuna//Due dates//EN',
      name: `${L.name[lang]}: ${title}`,
      zone,
      lang,
      stamp: new Date(project.updatedAt),
      events,
      refreshMinutes: 360,
    }),
  };
}
