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

/**
 * Moving an organisation hands it to the editors of its new locality, so the mover must be one of
 * them: scope on the organisation itself is not enough (its editor could give it to another
 * country's editors).
 */
export function assertCanMoveOrganizationTo(user: User, localityCode: string) {
  if (!inScope(user, withParent(localityCode))) forbid(user, `organisations into locality ${localityCode}`);
}

/**
 * Removing (or replacing) a party of an agreement takes it from that party's editors: only an editor
 * of that party may do it, not the editor of another party of the same agreement. Adding a party is
 * not restricted, as at creation.
 */
export function assertCanRemoveParty(user: User, code: string, partyKeys: string[]) {
  if (!inScope(user, partyKeys)) forbid(user, `the agreement's party ${code}, which is outside your scope`);
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
