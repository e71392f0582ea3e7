/** The API's answers for these pages: the server's own zod schemas, inferred (no second copy). */
import type { z } from 'zod';
import type { Grant } from '../../../../../src/features/accounts/schemas.ts';
import type {
  AcceptResult,
  Delegation,
  InvitationView,
  Member,
  MemberAgenda,
  MemberInput,
} from '../../../../../src/features/forums/delegations/schemas.ts';
import type { Forum, Programme } from '../../../../../src/features/forums/schemas.ts';

export type InvitationT = z.infer<typeof InvitationView>;
export type AcceptT = z.infer<typeof AcceptResult>;
export type DelegationT = z.infer<typeof Delegation>;
export type MemberT = z.infer<typeof Member>;
export type MemberInputT = z.input<typeof MemberInput>;
export type AgendaT = z.infer<typeof MemberAgenda>;
export type ForumT = z.infer<typeof Forum>;
export type ProgrammeT = z.infer<typeof Programme>;
export type GrantT = z.infer<typeof Grant>;

export const forumPath = (forumId: string) => `/forums/${encodeURIComponent(forumId)}`;
export const delegationPath = (forumId: string, delegationId: string) =>
  `${forumPath(forumId)}/delegations/${encodeURIComponent(delegationId)}`;
export const agendaPath = (forumId: string, personId: string) =>
  `${forumPath(forumId)}/agenda/${encodeURIComponent(personId)}`;

/** `ja` for a name written in kana or kanji (screen readers then read it as Japanese). */
export const nameLang = (m: Pick<MemberT, 'name'>) =>
  /[\u3040-\u30ff\u4e00-\u9fff]/.test(m.name.native ?? '') ? 'ja' : undefined;

export function memberName(m: Pick<MemberT, 'name'>): string {
  const { native, latin } = m.name;
  return native && latin && native !== latin ? `${native} (${latin})` : (native ?? latin ?? '');
}
