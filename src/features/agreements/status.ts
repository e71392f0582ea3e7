import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/types.ts';

export type AgreementStatusValue = 'in_force' | 'expired' | 'renewed' | 'planned';

/**
 * An agreement's status from the facts known about it, in this order: renewed when a later
 * agreement renews it; else the status a source or an editor stated; else expired once its end
 * date has passed (a partial end date, "2026-04", runs to the end of that month or year); else
 * in force. `today` is an ISO date (YYYY-MM-DD), passed in so the rule stays a pure function.
 *
 * @example deriveStatus({ stated: null, validUntil: '2019-10-30', renewedByLater: false }, '2026-12-07') // 'expired'
 */
export function deriveStatus(
  a: { stated: AgreementStatusValue | null; validUntil: string | null; renewedByLater: boolean },
  today: string,
): AgreementStatusValue {
  if (a.renewedByLater) return 'renewed';
  if (a.stated) return a.stated;
  if (a.validUntil && a.validUntil < today.slice(0, a.validUntil.length)) return 'expired';
  return 'in_force';
}

/** Today as an ISO date, in UTC: the day the derived statuses are computed for. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

type Eb = ExpressionBuilder<Database & { a: Database['agreements'] }, 'a'>;

/**
 * The same rule as `deriveStatus`, as a condition on the row `a` (both engines), so that the
 * status filter returns exactly the agreements shown with that status.
 */
export function statusIs(eb: Eb, status: AgreementStatusValue, today: string): Expression<SqlBool> {
  const renewed = eb.exists(
    eb.selectFrom('agreements as r').select('r.id').whereRef('r.renews_id', '=', 'a.id'),
  );
  const passed = sql<SqlBool>`(a.valid_until is not null and a.valid_until < substr(${today}, 1, length(a.valid_until)))`;
  const stated = (s: string) => eb.and([eb('a.status_stated', '=', 1), eb('a.status', '=', s)]);
  const derived = eb('a.status_stated', '=', 0);
  switch (status) {
    case 'renewed':
      return eb.or([renewed, stated('renewed')]);
    case 'expired':
      return eb.and([eb.not(renewed), eb.or([stated('expired'), eb.and([derived, passed])])]);
    case 'planned':
      return eb.and([eb.not(renewed), stated('planned')]);
    case 'in_force':
      return eb.and([eb.not(renewed), eb.or([stated('in_force'), eb.and([derived, eb.not(passed)])])]);
  }
}
