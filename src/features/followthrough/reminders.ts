import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { dayNumber } from '../../domain/progress/health.ts';
import type { Texts } from '../../domain/progress/records.ts';
import type { Side } from '../../domain/progress/rule.ts';
import type { Clock } from '../../platform/clock.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { defineTemplate, type Lang } from '../../platform/mail/render.ts';
import { latestSubmitted } from './figures.ts';
import { presentProjects, toCycle } from './model.ts';
import { storedReports } from './reports.ts';
import { ftRepo } from './repository.ts';

/**
 * Reminders to each side's contacts, in their language: before a milestone's due date (30, 7 and
 * 1 days, counted in the side's own time zone), weekly while it is late, and before a reporting
 * period closes while that side has not submitted. Never for a met or cancelled milestone, nor for
 * a closed or cancelled project.
 *
 * Each reminder has a key saying what it is and to whom (`ms:ID:before:7:vn:EMAIL`). The key is
 * written to `ft_reminders` in the same transaction as the mail: a key already there means the
 * reminder went out, so several servers, a restart or a second run never send it again. The key
 * holds the milestone, not its date: moving a due date does not send the same reminder again.
 */
type Q = Kysely<Database>;

const ZONE: Record<Side, string> = { vn: 'Asia/Ho_Chi_Minh', jp: 'Asia/Tokyo' };
const BEFORE_DUE = [1, 7, 30];
const BEFORE_CLOSE = [1, 7];

/** The calendar date of an instant in a time zone. */
export const localDate = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

const pick = (t: Texts, lang: Lang) => t[lang] ?? t.en ?? t.vi ?? t.ja ?? '';

interface DueParams {
  project: string;
  milestone: string;
  dueOn: string;
  days: number;
}

export const milestoneDue = defineTemplate<DueParams>('followthrough.milestone_due', {
  vi: (p) => ({
    subject: `Nhắc việc: “${p.milestone}” đến hạn ngày ${p.dueOn}`,
    paragraphs: [`Dự án “${p.project}”: mốc “${p.milestone}” đến hạn ngày ${p.dueOn} (còn ${p.days} ngày).`],
  }),
  ja: (p) => ({
    subject: `リマインダー：「${p.milestone}」の期日は ${p.dueOn} です`,
    paragraphs: [
      `プロジェクト「${p.project}」のマイルストーン「${p.milestone}」の期日は ${p.dueOn} です（あと ${p.days} 日）。`,
    ],
  }),
  en: (p) => ({
    subject: `Reminder: “${p.milestone}” is due on ${p.dueOn}`,
    paragraphs: [
      `Project “${p.project}”: the milestone “${p.milestone}” is due on ${p.dueOn} (${p.days} days left).`,
    ],
  }),
});

export const milestoneLate = defineTemplate<DueParams>('followthrough.milestone_late', {
  vi: (p) => ({
    subject: `Trễ hạn: “${p.milestone}” (hạn ${p.dueOn})`,
    paragraphs: [
      `Dự án “${p.project}”: mốc “${p.milestone}” đã quá hạn ${p.days} ngày (hạn ${p.dueOn}) và chưa hoàn thành.`,
    ],
  }),
  ja: (p) => ({
    subject: `期日超過：「${p.milestone}」（期日 ${p.dueOn}）`,
    paragraphs: [
      `プロジェクト「${p.project}」のマイルストーン「${p.milestone}」は期日（${p.dueOn}）を ${p.days} 日過ぎ、未達成です。`,
    ],
  }),
  en: (p) => ({
    subject: `Late: “${p.milestone}” (due ${p.dueOn})`,
    paragraphs: [
      `Project “${p.project}”: the milestone “${p.milestone}” is ${p.days} days past its due date (${p.dueOn}) and not met.`,
    ],
  }),
});

interface CloseParams {
  project: string;
  period: string;
  endsOn: string;
  days: number;
}

export const periodCloses = defineTemplate<CloseParams>('followthrough.period_closes', {
  vi: (p) => ({
    subject: `Kỳ báo cáo ${p.period} kết thúc ngày ${p.endsOn}`,
    paragraphs: [
      `Dự án “${p.project}”: bên bạn chưa nộp báo cáo kỳ ${p.period}, kỳ này kết thúc ngày ${p.endsOn} (còn ${p.days} ngày).`,
    ],
  }),
  ja: (p) => ({
    subject: `報告期間 ${p.period} は ${p.endsOn} に締め切られます`,
    paragraphs: [
      `プロジェクト「${p.project}」：報告期間 ${p.period} の報告が未提出です。締切は ${p.endsOn} です（あと ${p.days} 日）。`,
    ],
  }),
  en: (p) => ({
    subject: `Reporting period ${p.period} closes on ${p.endsOn}`,
    paragraphs: [
      `Project “${p.project}”: your side has not submitted its report for ${p.period}, which closes on ${p.endsOn} (${p.days} days left).`,
    ],
  }),
});

/** Sends once: the key is written with the mail, in one transaction; a key already there sends nothing. */
async function once<P>(
  db: Q,
  clock: Clock,
  key: string,
  mail: { to: string; language: Lang; template: Parameters<typeof queueMail<P>>[2]['template']; params: P },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const res = await tx
      .insertInto('ft_reminders')
      .values({ key, outbox_id: null, created_at: clock.now().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    const { id } = await queueMail(tx, clock, mail);
    await tx.updateTable('ft_reminders').set({ outbox_id: id }).where('key', '=', key).execute();
    return true;
  });
}

/** Every reminder due now that has not gone out; answers how many were sent. */
export async function sendDueReminders(db: Q, clock: Clock): Promise<{ sent: number }> {
  const now = clock.now();
  let sent = 0;
  for (const cycleRow of await ftRepo.cycles(db)) {
    const cycle = toCycle(cycleRow);
    const projects = (await presentProjects(db, await ftRepo.projectsOf(db, cycle.id))).filter(
      (p) => p.lifecycle !== 'closed' && p.lifecycle !== 'cancelled',
    );
    const ids = projects.map((p) => p.id);
    const [contacts, reports] = await Promise.all([ftRepo.contactsOf(db, ids), storedReports(db, ids)]);
    for (const p of projects) {
      for (const c of contacts.filter((x) => x.project_id === p.id)) {
        const side = c.side as Side;
        const language = c.language as Lang;
        const today = dayNumber(localDate(now, ZONE[side]));
        const base = { to: c.email, language };
        for (const m of p.milestones) {
          if (m.status === 'met' || m.status === 'cancelled') continue;
          const days = dayNumber(m.dueOn) - today;
          const params = {
            project: pick(p.title, language),
            milestone: pick(m.title, language),
            dueOn: m.dueOn,
          };
          if (days >= 0) {
            const offset = BEFORE_DUE.find((o) => days <= o);
            if (offset === undefined) continue;
            const key = `ms:${m.id}:before:${offset}:${side}:${c.email}`;
            if (await once(db, clock, key, { ...base, template: milestoneDue, params: { ...params, days } }))
              sent++;
          } else {
            const week = Math.floor((-days - 1) / 7);
            const key = `ms:${m.id}:late:${week}:${side}:${c.email}`;
            if (
              await once(db, clock, key, {
                ...base,
                template: milestoneLate,
                params: { ...params, days: -days },
              })
            )
              sent++;
          }
        }
        for (const period of cycle.periods) {
          const days = dayNumber(period.endsOn) - today;
          const offset = days >= 0 ? BEFORE_CLOSE.find((o) => days <= o) : undefined;
          if (offset === undefined) continue;
          if (
            latestSubmitted(
              reports.filter((r) => r.projectId === p.id),
              period.id,
            )[side]
          )
            continue;
          const key = `period:${p.id}:${period.id}:before:${offset}:${side}:${c.email}`;
          const params = { project: pick(p.title, language), period: period.id, endsOn: period.endsOn, days };
          if (await once(db, clock, key, { ...base, template: periodCloses, params })) sent++;
        }
      }
    }
  }
  return { sent };
}

export const REMINDERS_EVERY_MS = 3_600_000;

export const followThroughReminders = defineJob({
  kind: 'followthrough.reminders',
  payload: z.object({}),
  run: (_payload, ctx) => sendDueReminders(ctx.db, ctx.clock),
});
