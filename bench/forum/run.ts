/**
 * Forum benchmark, on the demo forum scaled to 200 sessions and 2,000 members
 * (`kizuna seed --demo-forum --scale bench`):
 *
 * 1. Throughput of the public programme (`GET /api/forums/{id}/programme`) and of
 *    `programme.ics` (vi, ja, en), against a bare Hono route measured in the same slices, as
 *    bench/api does: the read cache on (browser `Accept-Encoding`, and none), and off (the
 *    baseline of this session: every answer computed).
 * 2. The programme PDF (`programme.pdf?lang=…`): time of a whole answer, each language, 5 times.
 * 3. A 1,000-row invitation CSV checked and imported (`inviteFromCsv`, in process, on the same
 *    database): 1,000 delegations, invitations and mails in one transaction, 3 times on new forums.
 * 4. Check-in of one badge (`checkIn`, in process, on the same database): every one of the
 *    2,000 members scanned once (the check-in), then 500 of them again (`already`), as typed codes
 *    in lower case with spaces: p50, p99 and the worst, against the target of 100 ms at p99.
 *
 *   node --import tsx bench/forum/run.ts [--engine sqlite|postgres] [--duration 8] [--connections 50]
 *     [--only checkin]   (the check-in alone, after the seed)
 *
 * PostgreSQL uses TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) in a fresh schema.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDb } from '../../src/db/connection.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { inviteFromCsv } from '../../src/features/forums/delegations/invite.ts';
import { createForum } from '../../src/features/forums/editing/forums.ts';
import { newBadgeCode } from '../../src/features/forums/exhibition/badges.ts';
import { checkIn } from '../../src/features/forums/exhibition/checkin.ts';
import { DEMO_BENCH, demoForumId } from '../../src/features/seed/demo-forum/seed.ts';
import { systemClock } from '../../src/platform/clock.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
  },
});
const ROOT = new URL('../../', import.meta.url).pathname;
const duration = Number(values.duration);
const connections = Number(values.connections);
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const FORUM = demoForumId(DEMO_BENCH);
type Encoding = 'browser' | 'none';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function database(): Promise<{
  env: NodeJS.ProcessEnv;
  url: string;
  schema?: string;
  drop: () => Promise<void>;
}> {
  if (values.engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-bench-forum-'));
    const url = `file:${join(dir, 'bench.sqlite')}`;
    return { env: { DATABASE_URL: url }, url, drop: async () => {} };
  }
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_forum_${Date.now()}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`create schema ${schema}`);
  await c.end();
  return {
    env: { DATABASE_URL: url, PGOPTIONS: `-c search_path=${schema}` },
    url,
    schema,
    drop: async () => {
      const d = new pg.Client({ connectionString: url });
      await d.connect();
      await d.query(`drop schema ${schema} cascade`);
      await d.end();
    },
  };
}

function run(cmd: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, cmd, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd.join(' ')} exited ${code}`))));
  });
}

async function start(cmd: string[], env: NodeJS.ProcessEnv, port: number, health: string) {
  const p: ChildProcess = spawn(process.execPath, cmd, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${health}`)).ok) return p;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  p.kill('SIGKILL');
  throw new Error(`${cmd.join(' ')} did not start`);
}

const memoryMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
};
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

function slice(base: string, paths: string[], encoding: Encoding, seconds: number) {
  let i = 0;
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    headers: encoding === 'browser' ? { 'accept-encoding': BROWSER_ACCEPT_ENCODING } : {},
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
}

const SLICES = 4;

/** The group and the bare route alternate in SLICES slices; the ratio is against those slices' bare rate. */
async function measure(name: string, base: string, paths: string[], encoding: Encoding, bareBase: string) {
  const seconds = Math.max(1, Math.round(duration / SLICES));
  const t = { requests: 0, seconds: 0, bytes: 0, failed: 0, bareRequests: 0, bareSeconds: 0 };
  const p50s: number[] = [];
  let p99 = 0;
  for (let k = 0; k < SLICES; k++) {
    const bare = await slice(bareBase, ['/hello'], 'none', seconds);
    t.bareRequests += bare.requests.total;
    t.bareSeconds += bare.duration;
    const r = await slice(base, paths, encoding, seconds);
    t.requests += r.requests.total;
    t.seconds += r.duration;
    t.bytes += r.throughput.total;
    t.failed += r.non2xx + r.errors + r.timeouts;
    p50s.push(r.latency.p50);
    p99 = Math.max(p99, r.latency.p99);
  }
  p50s.sort((x, y) => x - y);
  const rps = Math.round(t.requests / t.seconds);
  const bare = Math.round(t.bareRequests / t.bareSeconds);
  const row = {
    name,
    encoding,
    rps,
    bare,
    ratio: `${Math.round((100 * rps) / bare)}%`,
    p50: p50s[Math.floor(p50s.length / 2)],
    p99,
    bytes: t.requests ? Math.round(t.bytes / t.requests) : 0,
    failed: t.failed,
    load: load(),
  };
  process.stderr.write(`${JSON.stringify(row)}\n`);
  return row;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function pdfTimes(base: string) {
  const out: Record<string, unknown>[] = [];
  for (const lang of ['vi', 'ja', 'en']) {
    const ms: number[] = [];
    let bytes = 0;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/forums/${FORUM}/programme.pdf?lang=${lang}`);
      bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`programme.pdf ${lang}: ${res.status}`);
      ms.push(performance.now() - t0);
    }
    const row = {
      lang,
      medianMs: Math.round(median(ms)),
      maxMs: Math.round(Math.max(...ms)),
      kb: Math.round(bytes / 1024),
      load: load(),
    };
    process.stderr.write(`programme.pdf ${JSON.stringify(row)}\n`);
    out.push(row);
  }
  return out;
}

/** 1,000 synthetic organisations invited to a new forum, three times: check, write, mail, one transaction each. */
async function invitations(url: string, schema: string | undefined) {
  const handle = openDb(url, schema ? { searchPath: schema } : {});
  try {
    const db = handle.db;
    const { user } = await createUser(
      db,
      { email: `bench-${Date.now()}@example.invalid`, role: 'admin', scopes: [] },
      null,
    );
    const orgs = await db
      .selectFrom('organizations')
      .select('id')
      .where('synthetic', '=', 1)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (orgs.length < 1000) throw new Error(`need 1000 synthetic organisations, found ${orgs.length}`);
    const langs = ['vi', 'ja', 'en'];
    const csv = `party,email,language\n${orgs
      .map((o, i) => `${o.id},head-${i}@example.invalid,${langs[i % 3]}`)
      .join('\n')}\n`;
    const ms: number[] = [];
    for (let k = 0; k < 3; k++) {
      const forumId = `bench-invitations-${Date.now().toString(36)}-${k}`;
      await createForum(db, systemClock, {
        user,
        input: {
          id: forumId,
          acronym: forumId,
          title: { en: 'Benchmark forum (synthetic)' },
          zone: 'Asia/Ho_Chi_Minh',
          firstDay: '2027-06-14',
          lastDay: '2027-06-15',
          languages: ['vi', 'ja', 'en'],
        },
      });
      const t0 = performance.now();
      const r = await inviteFromCsv(db, systemClock, {
        forumId,
        csv,
        expiresInDays: 30,
        user,
        publicUrl: 'http://localhost:3000',
      });
      ms.push(performance.now() - t0);
      if (r.invited !== 1000) throw new Error(`invited ${r.invited} of 1000`);
      process.stderr.write(`invitations: 1000 rows in ${Math.round(ms[k])} ms (${r.invited} invited)\n`);
    }
    return { rows: 1000, csvKb: Math.round(csv.length / 1024), ms: ms.map(Math.round), load: load() };
  } finally {
    await handle.close();
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

/** Every member of the benchmark's forum checked in by their badge's code, then 500 scanned again. */
async function checkIns(url: string, schema: string | undefined) {
  const handle = openDb(url, schema ? { searchPath: schema } : {});
  try {
    const db = handle.db;
    const { user } = await createUser(
      db,
      { email: `bench-door-${Date.now()}@example.invalid`, role: 'admin', scopes: [] },
      null,
    );
    // Badges are printed before the doors open: each member gets a code (not timed).
    const people = await db
      .selectFrom('forum_people')
      .select('id')
      .where('forum_id', '=', FORUM)
      .where('delegation_id', 'is not', null)
      .orderBy('id')
      .execute();
    const codes: string[] = [];
    await db.transaction().execute(async (tx) => {
      for (const p of people) {
        const code = newBadgeCode();
        codes.push(code);
        await tx.updateTable('forum_people').set({ badge_code: code }).where('id', '=', p.id).execute();
      }
    });
    const typed = (c: string) => c.toLowerCase().replace(/-/g, ' ');
    const time = async (list: string[], already: boolean) => {
      const ms: number[] = [];
      for (const c of list) {
        const t0 = performance.now();
        const r = await checkIn(db, systemClock, user, FORUM, typed(c));
        ms.push(performance.now() - t0);
        if (r.already !== already) throw new Error(`check-in of ${c}: already=${r.already}`);
      }
      const r1 = (x: number) => Math.round(x * 10) / 10;
      return {
        scans: ms.length,
        p50: r1(quantile(ms, 0.5)),
        p99: r1(quantile(ms, 0.99)),
        max: r1(Math.max(...ms)),
      };
    };
    // The baseline of the same run: one lookup of a member by key, the floor of any check-in.
    const base: number[] = [];
    for (const p of people) {
      const t0 = performance.now();
      await db.selectFrom('forum_people').select('id').where('id', '=', p.id).executeTakeFirst();
      base.push(performance.now() - t0);
    }
    const baseline = {
      p50: Math.round(quantile(base, 0.5) * 100) / 100,
      p99: Math.round(quantile(base, 0.99) * 100) / 100,
    };
    const first = await time(codes, false);
    process.stderr.write(`check-in: ${first.scans} first scans, p99 ${first.p99} ms\n`);
    const again = await time(codes.slice(0, 500), true);
    return { members: codes.length, baseline, first, again, load: load() };
  } finally {
    await handle.close();
  }
}

async function main() {
  const { env, url, schema, drop } = await database();
  const serverEnv = { ...env, KIZUNA_NO_WEB: '1', LOG_LEVEL: 'warn' };
  const t0 = Date.now();
  await run(['bin/kizuna.js', 'seed', '--demo-forum', '--scale', 'bench'], serverEnv);
  const seedSeconds = (Date.now() - t0) / 1000;
  await run(['bin/kizuna.js', 'seed', '--synthetic', '1000'], serverEnv);
  if (values.only === 'checkin') {
    try {
      process.stdout.write(
        `${JSON.stringify({ engine: values.engine, seedSeconds, checkIn: await checkIns(url, schema) }, null, 2)}\n`,
      );
    } finally {
      await drop();
    }
    return;
  }
  if (values.only !== undefined)
    throw new Error(`--only: checkin is the one part that runs alone (got ${values.only})`);
  const helloPort = await freePort();
  const hello = await start(['--import', 'tsx', 'bench/api/hello.ts'], {}, helloPort, '/hello');
  const ceiling = `http://127.0.0.1:${helloPort}`;
  const results: Record<string, unknown> = {
    engine: values.engine,
    forum: FORUM,
    seedSeconds,
    started: new Date().toISOString(),
  };
  const groups: [string, string[]][] = [
    ['programme', [`/api/forums/${FORUM}/programme`]],
    ['programme.ics', ['vi', 'ja', 'en'].map((l) => `/api/forums/${FORUM}/programme.ics?lang=${l}`)],
  ];
  try {
    for (const mode of ['on', 'off'] as const) {
      const port = await freePort();
      const server = await start(
        ['--max-old-space-size=256', '--max-semi-space-size=8', 'bin/kizuna.js', 'serve'],
        { ...serverEnv, KIZUNA_CACHE: mode === 'on' ? '1' : '0' },
        port,
        '/healthz',
      );
      const base = `http://127.0.0.1:${port}`;
      try {
        const sizes: Record<string, number> = {};
        for (const [, paths] of groups)
          for (const p of paths) sizes[p] = (await (await fetch(`${base}${p}`)).arrayBuffer()).byteLength;
        results.sizes = sizes;
        const rows = [];
        for (const encoding of mode === 'on' ? (['browser', 'none'] as const) : (['browser'] as const))
          for (const [name, paths] of groups) rows.push(await measure(name, base, paths, encoding, ceiling));
        results[`cache ${mode}`] = rows;
        results[`memory cache ${mode}`] = memoryMb(server.pid!);
        if (mode === 'on') results.pdf = await pdfTimes(base);
      } finally {
        server.kill('SIGTERM');
      }
    }
    results.invitations = await invitations(url, schema);
    results.checkIn = await checkIns(url, schema);
  } finally {
    hello.kill('SIGTERM');
    await drop();
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

await main();
