import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import {
  behindProxy,
  buildAccount,
  login,
  problemCode,
  uniqueEmail,
} from '../../../test/support/factories.ts';
import { RATE_LIMIT } from './service.ts';

let address = 0;
/** A client address of its own (behind the trusted proxy), so no other test's failures count. */
const freshAddress = () => `203.0.113.${++address}`;

describe.each(ENGINES)('competing requests on accounts on %s', (engine) => {
  let t: TestApp;
  let proxied: TestApp['req'];
  let admin: Awaited<ReturnType<TestApp['signIn']>>;
  beforeAll(async () => {
    t = await testApp(engine);
    proxied = behindProxy(t);
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  const signInFrom = (from: string, email: string, password: string) =>
    proxied('/api/auth/login', {
      method: 'POST',
      body: { email, password },
      headers: { 'x-forwarded-for': from },
    });

  it(`lets at most ${RATE_LIMIT.perAccount} of 40 parallel wrong passwords reach the check, and says when to retry`, async () => {
    const account = await buildAccount(t);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => signInFrom(freshAddress(), account.email, 'wrong password!')),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(RATE_LIMIT.perAccount);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    const limited = answers.find((r) => r.status === 429)!;
    expect(await problemCode(limited)).toBe('auth.rate_limited');
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry, String(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(RATE_LIMIT.windowMinutes * 60);
    expect(Number.isInteger(retry)).toBe(true);
    // Guesses that come later, one by one from fresh addresses, get only the checks the limit left;
    // then even the right password is refused.
    const checked = statuses.filter((s) => s === 401).length;
    const later: number[] = [];
    for (let i = 0; i < 8; i++)
      later.push((await signInFrom(freshAddress(), account.email, 'wrong!')).status);
    expect(later.filter((s) => s === 401).length).toBe(RATE_LIMIT.perAccount - checked);
    expect((await signInFrom(freshAddress(), account.email, account.password)).status).toBe(429);
  });

  it(`lets at most ${RATE_LIMIT.perAddress} of 60 parallel guesses from one address reach the check`, async () => {
    const from = freshAddress();
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => signInFrom(from, uniqueEmail('guess'), 'wrong password!')),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(RATE_LIMIT.perAddress);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(60 - RATE_LIMIT.perAddress);
    expect(answers.find((r) => r.status === 429)!.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('limits guesses of the current password through the password change too', async () => {
    const account = await buildAccount(t);
    const from = freshAddress();
    const { cookie } = await login(proxied, account.email, account.password, { 'x-forwarded-for': from });
    const headers = { cookie: cookie!, origin: ORIGIN, 'x-forwarded-for': from };
    const change = (currentPassword: string) =>
      proxied('/api/auth/password', {
        method: 'POST',
        headers,
        body: { currentPassword, newPassword: 'a-new-and-long-password' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await change(`wrong guess ${i}`)).status);
    expect(statuses.slice(0, RATE_LIMIT.perAccount)).toEqual(Array(RATE_LIMIT.perAccount).fill(401));
    expect(new Set(statuses.slice(RATE_LIMIT.perAccount))).toEqual(new Set([429]));
    const refused = await change(account.password);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('never loses a password change to an account change made during the hashing (10 rounds)', async () => {
    const account = await buildAccount(t, 'editor', ['VN-HANOI']);
    const from = freshAddress();
    const first = await login(proxied, account.email, account.password, { 'x-forwarded-for': from });
    const headers = { cookie: first.cookie!, origin: ORIGIN, 'x-forwarded-for': from };
    let current = account.password;
    const scopes = [['VN-HANOI'], ['VN-DA-NANG'], ['VN-HANOI', 'VN-DA-NANG']];
    for (let round = 0; round < 10; round++) {
      const next = `round-${round}-a-long-password`;
      const version = (await (await t.req('/api/users', { headers: admin.headers })).json()).items.find(
        (u: { id: string }) => u.id === account.id,
      ).version;
      const [changed, patched] = await Promise.all([
        proxied('/api/auth/password', {
          method: 'POST',
          headers,
          body: { currentPassword: current, newPassword: next },
        }),
        // Lands while the password change verifies and hashes (about 100 ms of argon2).
        new Promise((r) => setTimeout(r, 5)).then(() =>
          t.req(`/api/users/${account.id}`, {
            method: 'PATCH',
            headers: { ...admin.headers, 'if-match': `"${version}"` },
            body: { scopes: scopes[round % 3] },
          }),
        ),
      ]);
      const stored = (await signInFrom(freshAddress(), account.email, next)).status;
      const old = (await signInFrom(freshAddress(), account.email, current)).status;
      if (changed.status === 200) {
        expect({ round, stored, old }).toEqual({ round, stored: 200, old: 401 });
        current = next;
      } else {
        expect({ round, status: changed.status, old }).toEqual({ round, status: 409, old: 200 });
      }
      // The account change is not lost either: it was made, or refused as stale.
      const after = (await (await t.req('/api/users', { headers: admin.headers })).json()).items.find(
        (u: { id: string }) => u.id === account.id,
      );
      if (patched.status === 200) expect([...after.scopes].sort()).toEqual([...scopes[round % 3]].sort());
      else expect(patched.status).toBe(412);
    }
  }, 60_000);

  it('answers a wrong password for a known and an unknown e-mail in comparable time', async () => {
    const account = await buildAccount(t);
    const timed = async (email: string) => {
      const start = performance.now();
      const res = await signInFrom(freshAddress(), email, 'wrong password!');
      expect(res.status).toBe(401);
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, a few at a time (the account's limit is 5), so the machine's load hits both alike.
    for (let i = 0; i < 4; i++) {
      known.push(await timed(account.email));
      unknown.push(await timed(uniqueEmail('nobody')));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    // Both verify an argon2id hash (the unknown one a dummy): without it the unknown e-mail answered ~30x faster.
    const ratio = median(unknown) / median(known);
    expect(ratio, `known ${known.map(Math.round)} ms, unknown ${unknown.map(Math.round)} ms`).toBeGreaterThan(
      0.5,
    );
    expect(ratio).toBeLessThan(2);
  });
});
