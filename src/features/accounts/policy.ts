import { AppError } from '../../errors.ts';
import type { Grant, User } from './schemas.ts';

/**
 * Who may do what, as pure functions of the account (its role and its grants) and the record.
 * Admins do everything. Everyone else acts through roles held on single records (`grants`):
 *
 * - `editor` of a locality: updates it, the localities under it (a prefecture's cities), the
 *   organisations based in them, their partner profiles, and the agreements to which one of
 *   those is a party.
 * - `editor` of an organisation: the same for that organisation.
 * - `organiser` of a forum: updates the forum (programme, rooms, people, releases), manages its
 *   delegations and grants the forum's own roles (organiser, interpreter) to other accounts.
 * - `interpreter` at a forum: reads the forum's working views (a role to be assigned to
 *   meetings); it changes nothing.
 * - `head` of a delegation: updates the delegation and its members. A forum's organiser updates
 *   every delegation of the forum (and names their heads).
 * - A follow-through `project` is updated by an editor of any of its parties (localities,
 *   organisations, and the localities above them); a `projectSide` (one side's reports and notes)
 *   only by an editor of a party on that side. A `cycle` is the admins' and, when it follows a
 *   forum, that forum's organisers'.
 *
 * `can(user, action, record)` answers one question; `actionsOn(user, record)` lists what the
 * answers of the API carry (`actions`); the assert* functions are the services' checks.
 */
export type Action = 'update' | 'delete' | 'grant' | 'interpret';
export const ACTIONS: readonly Action[] = ['update', 'delete', 'grant', 'interpret'];

/** A record as the policy needs to see it: its identity and what it belongs to. */
export type RecordRef =
  | { type: 'locality'; code: string; parentCode?: string | null }
  | { type: 'organization'; id: string; localityCode: string }
  /** `partyKeys`: the parties' locality codes and organisation ids, and the organisations' localities. */
  | { type: 'agreement'; partyKeys: string[] }
  | { type: 'forum'; id: string }
  | { type: 'delegation'; id: string; forumId: string }
  /** `partyKeys` as for an agreement: the project's parties and their localities (and parents). */
  | { type: 'project'; partyKeys: string[] }
  | { type: 'projectSide'; side: 'vn' | 'jp'; partyKeys: string[] }
  | { type: 'cycle'; forumId: string | null };

export type Principal = Pick<User, 'role' | 'grants'> & { disabled?: boolean };

const holds = (user: Principal, role: Grant['role'], type: Grant['recordType'], ids: readonly string[]) =>
  user.grants.some((g) => g.role === role && g.recordType === type && ids.includes(g.recordId));

/**
 * A locality and the prefecture above it. A city's code always starts with its prefecture's code
 * (`JP-27-SAKAI` under `JP-27`: the create schema requires it), so the parent follows from the code.
 */
export const withParent = (localityCode: string): string[] => {
  const m = /^(JP-\d{2})-/.exec(localityCode);
  return m ? [localityCode, m[1]] : [localityCode];
};

/** Does the account edit one of these keys (locality codes and organisation ids)? */
const editsAny = (user: Principal, keys: readonly (string | null | undefined)[]) => {
  const present = keys.filter((k): k is string => typeof k === 'string' && k.length > 0);
  return holds(user, 'editor', 'locality', present) || holds(user, 'editor', 'organization', present);
};

export function can(user: Principal | null | undefined, action: Action, record: RecordRef): boolean {
  if (!user || user.disabled) return false;
  if (user.role === 'admin') return true;
  switch (record.type) {
    case 'locality':
      // Creating and removing localities is the admins' work; an editor keeps its text up to date.
      return action === 'update' && editsAny(user, [...withParent(record.code), record.parentCode]);
    case 'organization':
      return (
        (action === 'update' || action === 'delete') &&
        editsAny(user, [record.id, ...withParent(record.localityCode)])
      );
    case 'agreement':
      return (action === 'update' || action === 'delete') && editsAny(user, record.partyKeys);
    case 'forum': {
      const organiser = holds(user, 'organiser', 'forum', [record.id]);
      if (action === 'update' || action === 'grant') return organiser;
      if (action === 'interpret') return organiser || holds(user, 'interpreter', 'forum', [record.id]);
      return false;
    }
    case 'delegation':
      return (
        action === 'update' &&
        (holds(user, 'head', 'delegation', [record.id]) ||
          holds(user, 'organiser', 'forum', [record.forumId]))
      );
    case 'project':
    case 'projectSide':
      return action === 'update' && editsAny(user, record.partyKeys);
    case 'cycle':
      return (
        action === 'update' && record.forumId !== null && holds(user, 'organiser', 'forum', [record.forumId])
      );
  }
}

/** The actions that mean something on each kind of record. */
const ACTIONS_OF: Record<RecordRef['type'], readonly Action[]> = {
  locality: ['update', 'delete', 'grant'],
  organization: ['update', 'delete', 'grant'],
  agreement: ['update', 'delete'],
  forum: ['update', 'delete', 'grant', 'interpret'],
  delegation: ['update'],
  project: ['update', 'delete'],
  projectSide: ['update'],
  cycle: ['update', 'delete'],
};

/** Every action the account may take on the record, in a stable order (what answers carry). */
export const actionsOn = (user: Principal | null | undefined, record: RecordRef): Action[] =>
  ACTIONS_OF[record.type].filter((a) => can(user, a, record));

/**
 * May the account give `role` on this record to someone? Admins give every role; a forum's
 * organiser gives the forum's roles. Editors give nothing: an admin names a locality's editors.
 */
export const canGrant = (user: Principal, record: RecordRef) =>
  user.role === 'admin' ||
  (record.type === 'forum' && can(user, 'grant', record)) ||
  (record.type === 'delegation' && can(user, 'grant', { type: 'forum', id: record.forumId }));

export function assertCanEditLocality(user: User, code: string, parentCode: string | null) {
  if (!can(user, 'update', { type: 'locality', code, parentCode })) forbid(user, `locality ${code}`);
}

export function assertCanEditOrganization(user: User, org: { id: string; localityCode: string }) {
  if (!can(user, 'update', { type: 'organization', ...org })) forbid(user, `organisation ${org.id}`);
}

/**
 * Moving an organisation hands it to the editors of its new locality, so the mover must be one of
 * them: scope on the organisation itself is not enough (its editor could give it to another
 * country's editors).
 */
export function assertCanMoveOrganizationTo(user: User, localityCode: string) {
  if (!(user.role === 'admin' || editsAny(user, withParent(localityCode))))
    forbid(user, `organisations into locality ${localityCode}`);
}

/**
 * Removing (or replacing) a party of an agreement takes it from that party's editors: only an editor
 * of that party may do it, not the editor of another party of the same agreement. Adding a party is
 * not restricted, as at creation.
 */
export function assertCanRemoveParty(user: User, code: string, partyKeys: string[]) {
  if (!can(user, 'update', { type: 'agreement', partyKeys }))
    forbid(user, `the agreement's party ${code}, which is outside your scope`);
}

/** `partyKeys` are the parties' locality codes and organisation ids, and the organisations' localities. */
export function assertCanEditAgreement(user: User, partyKeys: string[]) {
  if (!can(user, 'update', { type: 'agreement', partyKeys }))
    forbid(user, 'an agreement none of whose parties is in your scope');
}

export function assertCan(user: User, action: Action, record: RecordRef, what: string) {
  if (!can(user, action, record)) forbid(user, what);
}

function forbid(user: User, what: string): never {
  throw new AppError(
    'auth.forbidden',
    `your account (scopes: ${user.scopes.join(', ') || 'none'}) may not change ${what}`,
  );
}
