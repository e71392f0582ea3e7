/** Who sees the exhibition, and the checks its writes start with. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import { AppError, notFound } from '../../../errors.ts';
import type { Principal } from '../../accounts/policy.ts';
import { organises } from '../editing/access.ts';
import { forumsRepo } from '../repository.ts';

type Q = Kysely<Database>;

/** The forum as a reader may see it: a draft is there for its organisers only (404 to anyone else). */
export async function forumToRead(db: Q, forumId: string, user: Principal | null | undefined) {
  const row = await forumsRepo.get(db, forumId);
  if (!row || (row.state === 'draft' && !organises(user, forumId))) throw notFound('forum', forumId);
  return row;
}

/** A rule of the floor or of booth assignment, named at its field. */
export const floorError = (path: string, code: string, message: string) =>
  new AppError('exhibition.floor', message, [{ path, code, message }]);
