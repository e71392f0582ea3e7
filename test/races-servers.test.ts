import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT } from '../src/features/accounts/service.ts';
import { childEnv, freshDb, type TestDb } from './support/db.ts';
import {
  adminSession,
  call,
  killAllServers,
  type ServerProcess,
  startServerProcess,
} from './support/process.ts';

/**
 * The sign-in limit and the password change with two server processes on one database (on
 * PostgreSQL when TEST_DATABASE_URL is set, the way Kizuna scales; else one SQLite file): the
 * limit lives in the database, so it must hold across servers too.
 */
const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

describe(`competing requests across two servers on ${engine}`, () => {
  let db: TestDb;
  let servers: ServerProcess[];
  beforeAll(async () => {
    db = await freshDb(engine);
    const env = childEnv(db);
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await killAllServers();
    await db?.drop();
  });

  it(`lets at most ${RATE_LIMIT.perAccount} of 40 wrong passwords split over both servers reach the check`, async () => {
    const account = await adminSession(childEnv(db), servers[0].url);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(servers[i % 2].url, '/api/auth/login', {
          method: 'POST',
          body: { email: account.email, password: `wrong ${i}` },
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(RATE_LIMIT.perAccount);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(answers.find((r) => r.status === 429)?.headers.get('retry-after')).toMatch(/^\d+$/);
  }, 60_000);

  it('stores a password change made on one server while an admin changes the account on the other', async () => {
    const admin = await adminSession(childEnv(db), servers[1].url);
    const user = await adminSession(childEnv(db), servers[0].url);
    const userId = (
      await (await call(servers[0].url, '/api/auth/me', { headers: { cookie: user.cookie } })).json()
    ).user.id;
    let current = user.password;
    for (let round = 0; round < 5; round++) {
      const next = `two-servers-round-${round}-password`;
      const listed = await (
        await call(servers[1].url, '/api/users', { headers: { cookie: admin.cookie } })
      ).json();
      const version = listed.items.find((u: { id: string }) => u.id === userId).version;
      const [changed, patched] = await Promise.all([
        call(servers[0].url, '/api/auth/password', {
          method: 'POST',
          headers: { cookie: user.cookie },
          body: { currentPassword: current, newPassword: next },
        }),
        new Promise((r) => setTimeout(r, 5)).then(() =>
          call(servers[1].url, `/api/users/${userId}`, {
            method: 'PATCH',
            headers: { cookie: admin.cookie, 'if-match': `"${version}"` },
            body: { role: 'admin' },
          }),
        ),
      ]);
      expect([200, 412]).toContain(patched.status);
      const signIn = (password: string) =>
        call(servers[1].url, '/api/auth/login', { method: 'POST', body: { email: user.email, password } });
      if (changed.status === 200) {
        expect((await signIn(next)).status, `round ${round}`).toBe(200);
        current = next;
      } else {
        expect(changed.status, `round ${round}`).toBe(409);
        expect((await signIn(current)).status, `round ${round}`).toBe(200);
      }
    }
  }, 90_000);
});
