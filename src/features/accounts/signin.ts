import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { nowIso } from '../shared/json.ts';
import { newSecret, secretHash, verifyPassword } from './passwords.ts';
import { attemptsRepo, loadUser, sessionsRepo, usersRepo } from './repository.ts';
import type { User } from './schemas.ts';

type Q = Kysely<Database>;

export const SESSION_DAYS = 14;
/** Failed sign-ins allowed per window before refusing: per account, and per client address. */
export const RATE_LIMIT = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

// A real argon2id hash of a random string nobody knows: verifying against it costs the same time.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,p=1,t=2$UScRAgxrwWLaxGzMymvDig$VI0iO1nM/bQIIBfeoXBx/MX2Z6TaoUj7oj4CLJ9h+Do';

/** An attempt at a password, counted against the limits: call `succeeded` when it was right. */
export interface Attempt {
  succeeded: () => Promise<void>;
}

/**
 * Takes one password attempt for an account and a client address, or refuses with 429 and
 * `Retry-After`. The attempt is written as a failure before the password is checked, then the
 * failures are counted with it: parallel guesses each see the ones written before them, so at most
 * `perAccount` of them (and `perAddress` from one address) ever reach the password check. Counting
 * first and writing after the check (as before) let 40 parallel guesses through a limit of 5.
 * Used by sign-in and by the password change (the current password is a guess too).
 */
export async function takeAttempt(db: Q, account: string, address: string): Promise<Attempt> {
  const now = Date.now();
  const since = new Date(now - RATE_LIMIT.windowMinutes * 60_000).toISOString();
  const id = await attemptsRepo.record(db, {
    account_key: account,
    address_key: address,
    at: new Date(now).toISOString(),
    success: 0,
  });
  const failures = await attemptsRepo.failuresSince(db, account, address, since);
  const byAccount = failures.account > RATE_LIMIT.perAccount;
  if (byAccount || failures.address > RATE_LIMIT.perAddress) {
    await attemptsRepo.forget(db, id);
    const oldest = byAccount
      ? await attemptsRepo.oldestFailure(db, 'account_key', account, since)
      : await attemptsRepo.oldestFailure(db, 'address_key', address, since);
    const until = (oldest ? Date.parse(oldest) : now) + RATE_LIMIT.windowMinutes * 60_000;
    // The oldest failure may be a parallel attempt written after `now`: never more than the window.
    const seconds = Math.min(RATE_LIMIT.windowMinutes * 60, Math.max(1, Math.ceil((until - now) / 1000)));
    throw new AppError(
      'auth.rate_limited',
      `too many failed attempts; try again in ${Math.ceil(seconds / 60)} minute(s)`,
      [],
      seconds,
    );
  }
  return {
    succeeded: async () => {
      await attemptsRepo.succeeded(db, id);
      await attemptsRepo.clearAccountFailures(db, account);
    },
  };
}

/**
 * Signs in with email and password. Failed attempts are counted in the database (so every
 * server behind a balancer sees them) per account and per client address.
 */
export async function signIn(
  db: Q,
  { email, password, address }: { email: string; password: string; address: string },
) {
  // Old attempts and expired sessions are removed by the recurring job in ./jobs.ts.
  const attempt = await takeAttempt(db, email, address);
  const row = await usersRepo.byEmail(db, email);
  // Verify against a hash even for unknown accounts, so timing does not reveal which exist.
  const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password);
  if (!row || !ok) throw new AppError('auth.invalid_credentials', 'email or password is wrong');
  await attempt.succeeded();
  if (row.disabled) throw new AppError('auth.account_disabled', 'this account is disabled');
  const sessionId = newSecret('ks');
  const now = new Date();
  await sessionsRepo.insert(db, {
    id_hash: secretHash(sessionId),
    user_id: row.id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  });
  return { user: await loadUser(db, row), sessionId };
}

export const signOut = (db: Q, sessionId: string) => sessionsRepo.delete(db, secretHash(sessionId));

export async function userForSession(db: Q, sessionId: string): Promise<User | null> {
  const row = await sessionsRepo.userFor(db, secretHash(sessionId), nowIso());
  return row && !row.disabled ? loadUser(db, row) : null;
}
