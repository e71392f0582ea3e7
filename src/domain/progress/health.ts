import type { MilestoneStatus } from './rule.ts';

/**
 * Schedule health, separate from progress ("80 % and late" is a normal answer). Dates are ISO
 * calendar dates (YYYY-MM-DD) in the locality's own calendar; "today" is an argument, never the
 * clock, so that the same data always gives the same answer.
 */
export type ScheduleHealth = 'onTrack' | 'atRisk' | 'late';

/** A milestone due within this many days, and not met, puts the project at risk. */
export const AT_RISK_DAYS = 30;

export interface HealthMilestone {
  id: string;
  dueOn: string;
  /** The milestone record's status: `met` and `cancelled` never make a project late or at risk. */
  status: MilestoneStatus;
}

export type HealthReason =
  | { kind: 'pastDue'; milestone: string; dueOn: string }
  | { kind: 'dueSoon'; milestone: string; dueOn: string }
  | { kind: 'staleReport'; lastReportOn: string | null; expectedSince: string };

export interface HealthInput {
  today: string;
  milestones: readonly HealthMilestone[];
  /** The date of the project's latest submitted report (either side), or null. */
  lastReportOn: string | null;
  /** When reports became due: the project's (or the cycle's) start. */
  startedOn: string;
  /** Length of a reporting period in months (6 for half-years). */
  periodMonths: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date, checked (2026-02-30 is refused). */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(t).toISOString().slice(0, 10) !== iso) throw new RangeError(`not a date: ${iso}`);
  return t / 86_400_000;
}

/** The date `months` calendar months before `iso`, clamped to the month's last day (08-31 − 6 → 02-28). */
export function monthsBefore(iso: string, months: number): string {
  dayNumber(iso);
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * `late` when a milestone is past due and not met; `atRisk` when one is due within 30 days and not
 * met, or when the latest report is older than one period (or there is none a period after the
 * start); otherwise `onTrack`. Every reason found is returned, the worst first.
 *
 * @example
 * scheduleHealth({ today: '2027-01-10', milestones: [{ id: 'm1', dueOn: '2027-01-31', status: 'scheduled' }],
 *   lastReportOn: '2026-12-31', startedOn: '2026-07-01', periodMonths: 6 }) // { health: 'atRisk', ... }
 */
export function scheduleHealth(input: HealthInput): { health: ScheduleHealth; reasons: HealthReason[] } {
  if (!(Number.isInteger(input.periodMonths) && input.periodMonths > 0))
    throw new RangeError(`periodMonths must be a positive integer, got ${input.periodMonths}`);
  const today = dayNumber(input.today);
  const late: HealthReason[] = [];
  const risk: HealthReason[] = [];
  for (const m of input.milestones) {
    const due = dayNumber(m.dueOn);
    if (m.status === 'met' || m.status === 'cancelled') continue;
    if (due < today) late.push({ kind: 'pastDue', milestone: m.id, dueOn: m.dueOn });
    else if (due - today <= AT_RISK_DAYS) risk.push({ kind: 'dueSoon', milestone: m.id, dueOn: m.dueOn });
  }
  const expectedSince = monthsBefore(input.today, input.periodMonths);
  const stale =
    input.lastReportOn === null
      ? dayNumber(input.startedOn) < dayNumber(expectedSince)
      : dayNumber(input.lastReportOn) < dayNumber(expectedSince);
  if (stale) risk.push({ kind: 'staleReport', lastReportOn: input.lastReportOn, expectedSince });
  const reasons = [...late, ...risk];
  return { health: late.length ? 'late' : risk.length ? 'atRisk' : 'onTrack', reasons };
}
