/** Who may edit a forum, and the checks every write of the forum's organiser starts with. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import { AppError, notFound } from '../../../errors.ts';
import { assertCan, can, type Principal } from '../../accounts/policy.ts';
import type { User } from '../../accounts/schemas.ts';
import { type ForumRow, forumsRepo } from '../repository.ts';

type Q = Kysely<Database>;

/** Organisers of the forum (and admins) read its drafts; a draft forum is not there for anyone else. */
export const organises = (user: Principal | null | undefined, forumId: string) =>
  can(user, 'update', { type: 'forum', id: forumId });

/**
 * The forum an organiser is about to change. Someone who may not even see it (a draft, to a
 * stranger) gets the 404 of an unknown forum; someone who sees it but does not organise it, 403.
 */
export async function forumToEdit(db: Q, forumId: string, user: User): Promise<ForumRow> {
  const row = await forumsRepo.get(db, forumId);
  if (!row || (row.state === 'draft' && !organises(user, forumId))) throw notFound('forum', forumId);
  assertCan(user, 'update', { type: 'forum', id: forumId }, `forum ${forumId}`);
  return row;
}

export const versionConflict = (what: string, expected: number) =>
  new AppError(
    'forum.version_conflict',
    `${what} was changed by someone else since version ${expected}: reload it and try again`,
  );
