import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import type { Engine } from '../../src/db/connection.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { FileStore } from '../../src/platform/storage/store.ts';
import { freshDb, type TestDb } from './db.ts';

export const ORIGIN = 'http://localhost';

export interface TestApp {
  db: TestDb;
  app: ReturnType<typeof createApp>;
  /** app.request with JSON body and headers made easy. */
  req: (
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<Response>;
  /** Creates an account, signs in, changes the one-time password; returns headers that act as it. */
  signIn: (
    role: 'admin' | 'editor',
    scopes?: string[],
  ) => Promise<{ headers: Record<string, string>; email: string; id: string }>;
  close: () => Promise<void>;
}

let counter = 0;

/** The whole application on a fresh database, optionally with the reference data loaded. */
export async function testApp(engine: Engine, { seed = true } = {}): Promise<TestApp> {
  const db = await freshDb(engine, { seed });
  // Uploads go to a folder of this app's own, as the server's go beside its database.
  const filesDir = mkdtempSync(join(tmpdir(), 'kizuna-files-'));
  const app = createApp({
    db,
    logger: pino({ level: 'silent' }),
    trustProxy: false,
    files: new FileStore(filesDir),
  });
  const req: TestApp['req'] = (path, init = {}) =>
    Promise.resolve(
      app.request(`${ORIGIN}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        body:
          init.body === undefined
            ? undefined
            : typeof init.body === 'string'
              ? init.body
              : JSON.stringify(init.body),
      }),
    );
  const signIn: TestApp['signIn'] = async (role, scopes = []) => {
    const email = `user${++counter}-${Date.now()}@example.org`;
    const { user, password } = await createUser(db.db, { email, role, scopes }, null);
    const login = await req('/api/auth/login', { method: 'POST', body: { email, password } });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const headers = { cookie, origin: ORIGIN };
    const change = await req('/api/auth/password', {
      method: 'POST',
      headers,
      body: { currentPassword: password, newPassword: `${password}-new-secret` },
    });
    if (change.status !== 200)
      throw new Error(`password change failed: ${change.status} ${await change.text()}`);
    return { headers, email, id: user.id };
  };
  return {
    db,
    app,
    req,
    signIn,
    close: async () => {
      await db.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
