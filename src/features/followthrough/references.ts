import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { Side } from '../../domain/progress/rule.ts';
import { AppError, type FieldError, validationError } from '../../errors.ts';
import type { User } from '../accounts/schemas.ts';
import { agreementExists } from '../agreements/service.ts';
import { getForum } from '../forums/service.ts';
import { getLocality } from '../localities/service.ts';
import { getOrganization } from '../organizations/service.ts';
import { ftRepo } from './repository.ts';
import type { ProjectInput } from './schemas.ts';

/**
 * A project's references, checked through their owners' services: every party names a locality or
 * organisation (its side is its country), every origin an agreement, a forum (`FORUM` or
 * `FORUM/MEETING`: meetings arrive with the forum's meetings) or another project, and the priority
 * field a party's locality. Every reference that names nothing is a 422 naming its path.
 */
type Q = Kysely<Database>;

export interface ResolvedParty {
  role: string;
  locality: string | null;
  organization: string | null;
  side: Side;
  /** The party's locality (an organisation's own). */
  localityCode: string;
}

const exists = <T>(p: Promise<T>) => p.then((v) => v ?? null).catch(() => null);

export async function resolveReferences(
  db: Q,
  input: Pick<ProjectInput, 'parties' | 'origins' | 'priorityField'>,
  { selfId, user }: { selfId: string | null; user: User | null },
): Promise<ResolvedParty[]> {
  const errors: FieldError[] = [];
  const unknown = (path: string, message: string) =>
    errors.push({ path, message, code: 'unknown_reference' });
  const parties: ResolvedParty[] = [];
  for (const [i, p] of input.parties.entries()) {
    if (p.locality) {
      const l = await exists(getLocality(db, p.locality));
      if (!l) unknown(`parties.${i}.locality`, `no locality ${p.locality}`);
      else
        parties.push({
          role: p.role,
          locality: l.code,
          organization: null,
          side: l.country === 'VN' ? 'vn' : 'jp',
          localityCode: l.code,
        });
    } else if (p.organization) {
      const o = await exists(getOrganization(db, p.organization));
      if (!o) unknown(`parties.${i}.organization`, `no organisation ${p.organization}`);
      else
        parties.push({
          role: p.role,
          locality: null,
          organization: o.id,
          side: o.locality.country === 'VN' ? 'vn' : 'jp',
          localityCode: o.localityCode,
        });
    }
  }
  const keys = new Set(parties.map((p) => p.locality ?? p.organization));
  if (keys.size !== parties.length && !errors.length)
    throw validationError([{ path: 'parties', message: 'a party is named twice', code: 'duplicate' }]);
  for (const [i, o] of input.origins.entries()) {
    const path = `origins.${i}.ref`;
    if (o.kind === 'agreement' && !(await agreementExists(db, o.ref))) unknown(path, `no agreement ${o.ref}`);
    if (o.kind === 'meeting') {
      const forumId = o.ref.split('/')[0];
      if (!(await exists(getForum(db, forumId, user)))) unknown(path, `no forum ${forumId}`);
    }
    if (o.kind === 'project') {
      if (o.ref === selfId) unknown(path, 'a project cannot come from itself');
      else if (!(await ftRepo.project(db, o.ref))) unknown(path, `no project ${o.ref}`);
    }
  }
  const pf = input.priorityField;
  if (pf && !parties.some((p) => p.localityCode === pf.locality || p.locality === pf.locality))
    unknown('priorityField.locality', `${pf.locality} is not the locality of a party of the project`);
  if (errors.length)
    throw new AppError('reference.unknown', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  return parties;
}
