import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { dayNumber } from '../../domain/progress/health.ts';
import { AppError, type FieldError, validationError } from '../../errors.ts';
import { assertCanEditLocality } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { getForum } from '../forums/service.ts';
import { getLocality } from '../localities/service.ts';
import { parseJson } from '../shared/json.ts';
import { assertCanEditCycle } from './access.ts';
import { type CycleView, loadCycle, toCycle } from './model.ts';
import { ftRepo } from './repository.ts';
import type { CycleInput } from './schemas.ts';

type Q = Kysely<Database>;

/** A cycle's dates and periods: in order, inside the cycle, not overlapping, ids unique. */
function checkPeriods(input: CycleInput): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (path: string, message: string) => errors.push({ path, message, code: 'invalid' });
  if (dayNumber(input.endsOn) < dayNumber(input.startsOn)) bad('endsOn', 'is before startsOn');
  const seen = new Set<string>();
  input.periods.forEach((p, i) => {
    if (seen.has(p.id)) bad(`periods.${i}.id`, `"${p.id}" is used twice`);
    seen.add(p.id);
    if (dayNumber(p.endsOn) < dayNumber(p.startsOn)) bad(`periods.${i}.endsOn`, 'is before its startsOn');
    if (p.startsOn < input.startsOn || p.endsOn > input.endsOn)
      bad(`periods.${i}`, `lies outside the cycle (${input.startsOn} to ${input.endsOn})`);
    const prev = input.periods[i - 1];
    if (prev && dayNumber(p.startsOn) <= dayNumber(prev.endsOn))
      bad(`periods.${i}.startsOn`, `must come after the end of period ${prev.id} (${prev.endsOn})`);
  });
  for (const key of ['priorityFields', 'projects'] as const)
    if (input.limits[key].min > input.limits[key].max) bad(`limits.${key}`, 'min is above max');
  return errors;
}

/** Creates a cycle: an admin, or an organiser of the forum it follows. */
export async function createCycle(
  db: Q,
  { input, user }: { input: CycleInput; user: User },
): Promise<CycleView> {
  const errors = checkPeriods(input);
  if (errors.length) throw validationError(errors);
  assertCanEditCycle(user, { id: input.id, forumId: input.forumId });
  if (input.forumId) {
    await getForum(db, input.forumId, user).catch(() => {
      throw new AppError('reference.unknown', `forumId: no forum ${input.forumId}`, [
        { path: 'forumId', message: `no forum ${input.forumId}`, code: 'unknown_reference' },
      ]);
    });
  }
  if (await ftRepo.cycle(db, input.id)) throw new AppError('conflict', `cycle ${input.id} exists already`);
  const now = new Date().toISOString();
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('ft_cycles')
      .values({
        id: input.id,
        forum_id: input.forumId,
        title: JSON.stringify(input.title),
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        period_months: input.periodMonths,
        periods: JSON.stringify(input.periods),
        limits: JSON.stringify(input.limits),
        synthetic: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const after = await loadCycle(tx, input.id);
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'cycle',
        entityId: input.id,
        before: null,
        after,
      },
    });
    return after;
  });
}

export async function listCycles(db: Q) {
  return { items: (await ftRepo.cycles(db)).map(toCycle) };
}

export interface PriorityFieldView {
  locality: string;
  sector: string;
  rank: number;
  meaning: Record<string, string>;
}

export async function priorityFieldsOf(db: Q, cycleId: string): Promise<PriorityFieldView[]> {
  return (await ftRepo.priorityFields(db, cycleId)).map((r) => ({
    locality: r.locality_code,
    sector: r.sector,
    rank: r.rank,
    meaning: parseJson(r.meaning, {}),
  }));
}

/**
 * Replaces a locality's priority fields for a cycle (rank by order), by an editor of the
 * locality. More than the cycle's rule allows (1–2 by default) is a warning in the answer, not an
 * error, as the spec says; the same sector twice is an error.
 */
export async function savePriorityFields(
  db: Q,
  {
    cycleId,
    locality,
    fields,
    user,
  }: {
    cycleId: string;
    locality: string;
    fields: { sector: string; meaning: Record<string, string | undefined> }[];
    user: User;
  },
) {
  const cycle = await loadCycle(db, cycleId);
  const loc = await getLocality(db, locality);
  assertCanEditLocality(user, loc.code, loc.parentCode ?? null);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  fields.forEach((f, i) => {
    if (seen.has(f.sector))
      errors.push({ path: `fields.${i}.sector`, message: `${f.sector} is named twice`, code: 'duplicate' });
    seen.add(f.sector);
  });
  if (errors.length) throw validationError(errors);
  const { min, max } = cycle.limits.priorityFields;
  const warnings =
    fields.length > max || fields.length < min
      ? [`the cycle asks for ${min}–${max} priority fields; ${fields.length} given`]
      : [];
  const now = new Date().toISOString();
  return db.transaction().execute(async (tx) => {
    const before = (await priorityFieldsOf(tx, cycleId)).filter((p) => p.locality === loc.code);
    await tx
      .deleteFrom('ft_priority_fields')
      .where('cycle_id', '=', cycleId)
      .where('locality_code', '=', loc.code)
      .execute();
    if (fields.length)
      await tx
        .insertInto('ft_priority_fields')
        .values(
          fields.map((f, i) => ({
            cycle_id: cycleId,
            locality_code: loc.code,
            sector: f.sector,
            rank: i + 1,
            meaning: JSON.stringify(f.meaning),
            updated_at: now,
          })),
        )
        .execute();
    const after = (await priorityFieldsOf(tx, cycleId)).filter((p) => p.locality === loc.code);
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'cycle',
        entityId: `${cycleId}/priorities/${loc.code}`,
        before,
        after,
      },
    });
    return { locality: loc.code, fields: after, warnings };
  });
}
