import { AppError } from '../../errors.ts';
import type { User } from './schemas.ts';

/**
 * Who may change what. Admins change everything. An editor is scoped to localities and
 * organisations: they change those records, the organisations based in a scoped locality, and
 * the agreements to which one of their records is a party.
 */
const inScope = (user: User, keys: (string | null | undefined)[]) =>
  user.role === 'admin' || keys.some((k) => k !== null && k !== undefined && user.scopes.includes(k));

export function assertCanEditLocality(user: User, code: string, parentCode: string | null) {
  if (!inScope(user, [code, parentCode])) forbid(user, `locality ${code}`);
}

/**
 * A locality and the prefecture above it. A city's code always starts with its prefecture's code
 * (`JP-27-SAKAI` under `JP-27`: the create schema requires it), so the parent follows from the code.
 */
export const withParent = (localityCode: string): string[] => {
  const m = /^(JP-\d{2})-/.exec(localityCode);
  return m ? [localityCode, m[1]] : [localityCode];
};

export function assertCanEditOrganization(user: User, org: { id: string; localityCode: string }) {
  if (!inScope(user, [org.id, ...withParent(org.localityCode)])) forbid(user, `organisation ${org.id}`);
}

/** `partyKeys` are the parties' locality codes and organisation ids, and the organisations' localities. */
export function assertCanEditAgreement(user: User, partyKeys: string[]) {
  if (!inScope(user, partyKeys)) forbid(user, 'an agreement none of whose parties is in your scope');
}

function forbid(user: User, what: string): never {
  throw new AppError(
    'auth.forbidden',
    `your account (scopes: ${user.scopes.join(', ') || 'none'}) may not change ${what}`,
  );
}
