import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/db/connection.ts';
import { referenceCounts } from '../src/features/seed/reference.ts';
import { childEnv, ENGINES, freshDb, type TestDb } from './support/db.ts';
import { adminSession, call, killAllServers, startServerProcess } from './support/process.ts';

/**
 * Durability and scale-out, with real server processes: a write the server acknowledged is
 * there after `kill -9`, and on PostgreSQL several servers share sessions, data and versions.
 */

const opened: TestDb[] = [];
afterAll(async () => {
  await killAllServers();
  for (const t of opened) await t.drop();
});

async function fresh(engine: 'sqlite' | 'postgres') {
  const t = await freshDb(engine);
  opened.push(t);
  return t;
}

describe('SQLite connection', () => {
  it('runs in WAL mode with foreign keys on and full synchronous writes', async () => {
    const t = await fresh('sqlite');
    const db = openDb(t.url);
    try {
      const [journal] = (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db.db)).rows;
      const [fk] = (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db.db)).rows;
      const [sync] = (await sql<{ synchronous: number }>`pragma synchronous`.execute(db.db)).rows;
      expect(journal.journal_mode).toBe('wal');
      expect(fk.foreign_keys).toBe(1);
      expect(sync.synchronous).toBe(2); // FULL
      // Foreign keys are enforced, not only declared.
      await expect(
        sql`insert into agreement_fields (agreement_id, code) values ('no-such-agreement', 'economy')`.execute(
          db.db,
        ),
      ).rejects.toThrow(/FOREIGN KEY/i);
    } finally {
      await db.close();
    }
  });
});

describe.each(ENGINES)('a server killed with SIGKILL on %s', (engine) => {
  it('keeps every write it acknowledged before the kill', async () => {
    const t = await fresh(engine);
    const env = childEnv(t);
    const first = await startServerProcess(env);
    const { cookie } = await adminSession(env, first.url);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(first.url, '/api/organizations', {
        method: 'POST',
        headers: { cookie },
        body: {
          kind: 'association',
          name: { en: `Durable ${i}`, ja: `耐久 ${i}` },
          localityCode: 'VN-HANOI',
        },
      });
      expect(res.status, first.output()).toBe(201);
      ids.push((await res.json()).id);
    }
    // The last write was acknowledged a moment ago: kill the process without any chance to flush.
    await first.kill('SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startServerProcess(env);
    for (const [i, id] of ids.entries()) {
      const res = await call(second.url, `/api/organizations/${id}`);
      expect(res.status, second.output()).toBe(200);
      expect((await res.json()).name).toEqual({ en: `Durable ${i}`, ja: `耐久 ${i}` });
    }
    // The session survived too: it is in the database, not in the process.
    expect((await call(second.url, '/api/auth/me', { headers: { cookie } })).status).toBe(200);
    await second.kill('SIGTERM');
  });
});

/** Sends raw bytes to a server and returns what it answered before closing (or after a pause). */
function raw(url: string, chunks: (string | Buffer)[], { endEarly = false } = {}): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.on('data', (d) => {
      answer += d.toString('latin1');
      if (answer.includes('\r\n\r\n')) done(); // the status line and headers are all we look at
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c);
      if (endEarly) socket.destroy();
    });
    setTimeout(done, 3000);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('a real server under malformed HTTP', () => {
  it('never answers 500 and keeps running', async () => {
    const t = await fresh('sqlite');
    const server = await startServerProcess(childEnv(t));
    const host = 'Host: 127.0.0.1\r\n';
    const cases: [string, (string | Buffer)[]][] = [
      ['bad escape', [`GET /api/agreements/% HTTP/1.1\r\n${host}Connection: close\r\n\r\n`]],
      ['truncated UTF-8', [`GET /api/localities/%E0%A4%A HTTP/1.1\r\n${host}Connection: close\r\n\r\n`]],
      [
        'raw UTF-8 path',
        [Buffer.from(`GET /api/localities/Đà_Nẵng HTTP/1.1\r\n${host}Connection: close\r\n\r\n`)],
      ],
      ['dot segments', [`GET /api/../../etc/passwd HTTP/1.1\r\n${host}Connection: close\r\n\r\n`]],
      ['not HTTP', ['GARBAGE\r\n\r\n']],
      ['bad length', [`POST /api/auth/login HTTP/1.1\r\n${host}Content-Length: abc\r\n\r\n`]],
      ['huge header', [`GET /healthz HTTP/1.1\r\n${host}X-Junk: ${'a'.repeat(70_000)}\r\n\r\n`]],
      [
        'chunked body over 1 MB',
        [
          `POST /api/auth/login HTTP/1.1\r\n${host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
          ...Array.from({ length: 18 }, () => `10000\r\n${'x'.repeat(0x10000)}\r\n`),
          '0\r\n\r\n',
        ],
      ],
    ];
    for (const [what, chunks] of cases) {
      const status = statusOf(await raw(server.url, chunks));
      expect(status, `${what}: ${server.output()}`).toBeGreaterThanOrEqual(400);
      expect(status, `${what}: ${server.output()}`).toBeLessThan(500);
      if (what === 'chunked body over 1 MB') expect(status).toBe(413);
    }
    // A client that promises a body and goes away halfway.
    await raw(
      server.url,
      [
        `POST /api/auth/login HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":`,
      ],
      { endEarly: true },
    );
    expect(server.child.exitCode).toBeNull();
    expect((await call(server.url, '/healthz')).status).toBe(200);
    await server.kill('SIGTERM');
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('several servers on one PostgreSQL', () => {
  it('honours PGOPTIONS, which puts the schema of a child process on its search path', async () => {
    const t = await fresh('postgres');
    const saved = process.env.PGOPTIONS;
    process.env.PGOPTIONS = `-c search_path=${t.schema}`;
    const db = openDb(t.url, { poolSize: 1 });
    try {
      const { rows } = await sql<{ search_path: string }>`show search_path`.execute(db.db);
      expect(rows[0].search_path).toBe(t.schema);
    } finally {
      await db.close();
      if (saved === undefined) delete process.env.PGOPTIONS;
      else process.env.PGOPTIONS = saved;
    }
  });

  it('serve the same data: sessions, writes and versions are shared', async () => {
    const t = await fresh('postgres');
    const env = childEnv(t);
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    const { cookie } = await adminSession(env, a.url);
    // Signed in on A, the cookie works on B.
    const me = await call(b.url, '/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);

    const created = await call(a.url, '/api/organizations', {
      method: 'POST',
      headers: { cookie },
      body: { kind: 'university', name: { vi: 'Đại học Thử nghiệm' }, localityCode: 'VN-DA-NANG' },
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const readOnB = await call(b.url, `/api/organizations/${id}`);
    expect(readOnB.status).toBe(200);
    expect((await readOnB.json()).name.vi).toBe('Đại học Thử nghiệm');
    const seenVersion = readOnB.headers.get('etag');
    expect(seenVersion).toBe('"1"');

    // A changes it; B still holds version 1, so B's change is refused.
    const onA = await call(a.url, `/api/organizations/${id}`, {
      method: 'PATCH',
      headers: { cookie, 'if-match': seenVersion! },
      body: { website: 'https://example.org/a' },
    });
    expect(onA.status).toBe(200);
    const stale = await call(b.url, `/api/organizations/${id}`, {
      method: 'PATCH',
      headers: { cookie, 'if-match': seenVersion! },
      body: { website: 'https://example.org/b' },
    });
    expect(stale.status).toBe(412);
    expect((await stale.json()).code).toBe('organization.version_conflict');
    expect((await (await call(b.url, `/api/organizations/${id}`)).json()).website).toBe(
      'https://example.org/a',
    );

    // Signing out on B ends the session on A as well.
    expect((await call(b.url, '/api/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(204);
    expect((await call(a.url, '/api/auth/me', { headers: { cookie } })).status).toBe(401);
    await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
  });

  it('start together on an empty schema: both come up and the reference data is loaded once', async () => {
    // Another deployment's migrated schema in the same database must not confuse the migrator.
    await fresh('postgres');
    const base = process.env.TEST_DATABASE_URL!;
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      // A schema with nothing in it at all: no tables, no migration table.
      await admin.query(`create schema ${schema}`);
      const env = {
        ...process.env,
        DATABASE_URL: base,
        PGOPTIONS: `-c search_path=${schema}`,
        KIZUNA_NO_WEB: '1',
        LOG_LEVEL: 'warn',
      };
      const servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      const count = async (table: string) =>
        Number((await admin.query(`select count(*) as n from ${schema}.${table}`)).rows[0].n);
      expect(await count('localities')).toBe(referenceCounts().localities);
      expect(await count('agreements')).toBe(referenceCounts().agreements);
      for (const s of servers) {
        const { total } = await (await call(s.url, '/api/agreements?limit=1')).json();
        expect(total).toBe(referenceCounts().agreements);
      }
      const orgs = await count('organizations');
      // The reference organisations are there once: every name appears once per locality.
      const distinct = Number(
        (
          await admin.query(
            `select count(*) as n from (select distinct locality_code, name_en from ${schema}.organizations) d`,
          )
        ).rows[0].n,
      );
      expect(distinct).toBe(orgs);
      await Promise.all(servers.map((s) => s.kill('SIGTERM')));
    } finally {
      await killAllServers();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });
});
