import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { withParent } from '../accounts/policy.ts';
import { candidateList, resolveRecordName } from '../lookups/names.ts';
import { localityParents, organizationPlaces } from '../lookups/places.ts';
import { agreementsRepo } from './repository.ts';
import type { AgreementCreate } from './schemas.ts';

type Q = Kysely<Database>;

type PartyInput = AgreementCreate['parties'][number];

/**
 * Parties as people type them: a code or id, or a name in any language and script ("Quảng Ninh",
 * "toyama", "滋賀"), each resolved to the one record it names. A name that names none, or
 * several, is a field problem that lists what it could mean; nothing is guessed.
 */
export async function resolveParties(db: Q, parties: PartyInput[]): Promise<PartyInput[]> {
  const errors: FieldError[] = [];
  const resolved = await Promise.all(
    parties.map(async (p, i) => {
      const r = await resolveRecordName(db, p.code);
      if ('found' in r) return { ...p, ...r.found };
      errors.push(
        r.candidates.length
          ? {
              path: `parties.${i}.code`,
              message: `"${p.code}" could be ${candidateList(r.candidates)}: choose one`,
              code: 'ambiguous_reference',
            }
          : {
              path: `parties.${i}.code`,
              message: `no locality or organisation is named or coded "${p.code}"`,
              code: 'unknown_reference',
            },
      );
      return p;
    }),
  );
  errors.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  if (errors.length)
    throw new AppError('reference.unknown', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  const seen = new Set<string>();
  resolved.forEach((p, i) => {
    const key = `${p.type}:${p.code}`;
    if (seen.has(key))
      errors.push({ path: `parties.${i}.code`, message: 'a party is listed twice', code: 'invalid' });
    seen.add(key);
  });
  if (errors.length) throw new AppError('validation.invalid', 'a party is listed twice', errors);
  return resolved;
}

/** Checks that parties and linked agreements exist; returns the keys that decide who may edit. */
export async function resolveReferences(
  db: Q,
  input: {
    parties?: { type: string; code: string }[];
    renewsId?: string | null;
    supersedesId?: string | null;
  },
  selfId?: string,
) {
  const errors: FieldError[] = [];
  const keys: string[] = [];
  const parties = input.parties ?? [];
  const locCodes = parties.filter((p) => p.type === 'locality').map((p) => p.code);
  const orgIds = parties.filter((p) => p.type === 'organization').map((p) => p.code);
  const [locs, orgs] = await Promise.all([localityParents(db, locCodes), organizationPlaces(db, orgIds)]);
  parties.forEach((p, i) => {
    const loc = p.type === 'locality' ? locs.find((l) => l.code === p.code) : undefined;
    const org = p.type === 'organization' ? orgs.find((o) => o.id === p.code) : undefined;
    if (!loc && !org)
      errors.push({
        path: `parties.${i}.code`,
        message: `unknown ${p.type} ${p.code}`,
        code: 'unknown_reference',
      });
    if (loc) keys.push(loc.code, ...(loc.parentCode ? [loc.parentCode] : []));
    if (org) keys.push(org.id, ...withParent(org.localityCode));
  });
  for (const field of ['renewsId', 'supersedesId'] as const) {
    const ref = input[field];
    if (!ref) continue;
    if (ref === selfId || !(await agreementsRepo.get(db, ref))) {
      errors.push({
        path: field,
        message: ref === selfId ? 'an agreement cannot renew itself' : `unknown agreement ${ref}`,
        code: 'unknown_reference',
      });
    }
  }
  if (errors.length)
    throw new AppError('reference.unknown', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  return keys;
}
