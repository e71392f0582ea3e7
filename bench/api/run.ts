/**
 * API benchmark: seeds 100,000 synthetic organisations and 20,000 agreements, starts the server
 * and a bare Hono "hello" route (the ceiling), and loads both with autocannon. Every path is
 * asked for once first, so the cached server's figures are its steady state (all hits). Each
 * endpoint group alternates with the bare route in short slices, and its ratio is against the
 * bare route of those slices: other work on the machine comes and goes during a run. The load
 * average at the end of each measurement is in the tables.
 *
 *   node --import tsx bench/api/run.ts [--engine sqlite|postgres] [--orgs 100000] [--duration 10] [--connections 50] [--cache on|off|both] [--encoding browser|none|both]
 *
 * `--encoding browser` sends `Accept-Encoding: gzip, deflate, br, zstd` as Chrome and Firefox do
 * (cached answers then come compressed); `none` sends no Accept-Encoding (every answer as is);
 * `both` (the default) measures the cached server both ways. The computed path (cache off)
 * compresses nothing, so it is measured once, with the browser's header.
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

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    orgs: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    cache: { type: 'string', default: 'both' },
    encoding: { type: 'string', default: 'both' },
  },
});
const ROOT = new URL('../../', import.meta.url).pathname;
const duration = Number(values.duration);
const connections = Number(values.connections);
/** What a browser sends (Chrome 120+, Firefox 126+): the server picks brotli or gzip from it. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
type Encoding = 'browser' | 'none';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function database(): Promise<{ env: NodeJS.ProcessEnv; drop: () => Promise<void> }> {
  if (values.engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-bench-'));
    return { env: { DATABASE_URL: `file:${join(dir, 'bench.sqlite')}` }, drop: async () => {} };
  }
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${Date.now()}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`create schema ${schema}`);
  await c.end();
  return {
    env: { DATABASE_URL: url, PGOPTIONS: `-c search_path=${schema}` },
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

async function start(
  cmd: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  health: string,
): Promise<ChildProcess> {
  const p = spawn(process.execPath, cmd, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
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
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
};

/** One autocannon run of `seconds` over `paths` in turn. */
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

interface Row {
  name: string;
  rps: number;
  /** The bare route's rate in the slices between this group's. */
  bare: number;
  p50: number;
  p99: number;
  failed: number;
  /** Bytes received per answer, head included. */
  bytes: number;
  /** The 1-minute load average when the measurement ended. */
  load: string;
}

const SLICES = 4;

/**
 * Measures an endpoint group against the bare route on the same machine at the same time: the
 * two alternate in SLICES slices of duration/SLICES seconds each, so load from other work on the
 * machine, which comes and goes, falls on both alike. Rates are totals over the slices; p50 is
 * the median of the slices' p50 and p99 the highest slice's.
 */
async function measure(name: string, base: string, paths: string[], encoding: Encoding, bareBase: string) {
  const seconds = Math.max(1, Math.round(duration / SLICES));
  const total = { requests: 0, seconds: 0, bytes: 0, failed: 0, bareRequests: 0, bareSeconds: 0 };
  const p50s: number[] = [];
  let p99 = 0;
  for (let k = 0; k < SLICES; k++) {
    const bare = await slice(bareBase, ['/hello'], 'none', seconds);
    total.bareRequests += bare.requests.total;
    total.bareSeconds += bare.duration;
    const r = await slice(base, paths, encoding, seconds);
    total.requests += r.requests.total;
    total.seconds += r.duration;
    total.bytes += r.throughput.total;
    total.failed += r.non2xx + r.errors + r.timeouts;
    p50s.push(r.latency.p50);
    p99 = Math.max(p99, r.latency.p99);
  }
  p50s.sort((x, y) => x - y);
  const row: Row = {
    name,
    rps: Math.round(total.requests / total.seconds),
    bare: Math.round(total.bareRequests / total.bareSeconds),
    p50: p50s[Math.floor(p50s.length / 2)],
    p99,
    failed: total.failed,
    bytes: total.requests ? Math.round(total.bytes / total.requests) : 0,
    load: readFileSync('/proc/loadavg', 'utf8').split(' ')[0],
  };
  process.stderr.write(
    `${name} (${encoding}): ${row.rps} req/s, bare ${row.bare} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.bytes} B/answer, failed ${row.failed}\n`,
  );
  return row;
}

/** Asks for every path once, so that a cached server's timed load is all hits. */
async function warm(base: string, paths: string[]) {
  for (const path of paths) await (await fetch(`${base}${path}`)).arrayBuffer();
}

async function main() {
  const { env, drop } = await database();
  const serverEnv = { ...env, KIZUNA_NO_WEB: '1', LOG_LEVEL: 'warn' };
  const orgs = Number(values.orgs);
  process.stderr.write(
    `seeding ${orgs} synthetic organisations and ${orgs / 5} agreements (${values.engine})…\n`,
  );
  const seedStart = Date.now();
  await run(['bin/kizuna.js', 'seed', '--synthetic', String(orgs)], serverEnv);
  const seedSeconds = (Date.now() - seedStart) / 1000;

  const helloPort = await freePort();
  const hello = await start(['--import', 'tsx', 'bench/api/hello.ts'], {}, helloPort, '/hello');
  const modes = values.cache === 'both' ? ['on', 'off'] : [values.cache ?? 'on'];
  const encodings: Encoding[] =
    values.encoding === 'both' ? ['browser', 'none'] : [values.encoding === 'none' ? 'none' : 'browser'];
  try {
    const ceiling = `http://127.0.0.1:${helloPort}`;
    for (const mode of modes)
      await scenario(serverEnv, mode, mode === 'on' ? encodings : ['browser'], ceiling, orgs, seedSeconds);
  } finally {
    hello.kill('SIGTERM');
    await drop();
  }
}

async function scenario(
  serverEnv: NodeJS.ProcessEnv,
  mode: string,
  encodings: Encoding[],
  ceiling: string,
  orgs: number,
  seedSeconds: number,
) {
  const apiPort = await freePort();
  const server = await start(
    // The same V8 heap settings as `npm start`.
    ['--max-old-space-size=256', '--max-semi-space-size=8', 'bin/kizuna.js', 'serve'],
    { ...serverEnv, KIZUNA_CACHE: mode === 'on' ? '1' : '0' },
    apiPort,
    '/healthz',
  );
  const base = `http://127.0.0.1:${apiPort}`;
  try {
    const orgIds = (
      await (await fetch(`${base}/api/organizations?limit=200&synthetic=true`)).json()
    ).items.map((o: { id: string }) => o.id);
    const agrIds = (await (await fetch(`${base}/api/agreements?limit=200`)).json()).items.map(
      (a: { id: string }) => a.id,
    );
    const codes = (await (await fetch(`${base}/api/localities?limit=200`)).json()).items.map(
      (l: { code: string }) => l.code,
    );
    const queries = [
      'da nang',
      'Đà Nẵng',
      'ダナン',
      '滋賀',
      'hai duong',
      'yokohama',
      'Synthetic Foods 00042',
      'ホーチミン',
    ].map(encodeURIComponent);
    const groups: [string, string[]][] = [
      [
        'list organisations (50)',
        [
          '/api/organizations?limit=50',
          '/api/organizations?limit=50&country=JP',
          '/api/organizations?limit=50&sector=tourism',
        ],
      ],
      [
        'list agreements (50)',
        [
          '/api/agreements?limit=50',
          '/api/agreements?limit=50&field=tourism',
          '/api/agreements?limit=50&yearFrom=2020',
        ],
      ],
      [
        'search (agreements, organisations, localities)',
        queries.flatMap((q) => [
          `/api/agreements?q=${q}`,
          `/api/organizations?q=${q}`,
          `/api/localities?q=${q}`,
        ]),
      ],
      ['detail organisation', orgIds.map((id: string) => `/api/organizations/${id}`)],
      ['detail agreement', agrIds.map((id: string) => `/api/agreements/${id}`)],
      ['detail locality', codes.map((c: string) => `/api/localities/${c}`)],
    ];
    for (const [, paths] of groups) await warm(base, paths);
    const tables: { encoding: Encoding; rows: Row[] }[] = [];
    for (const encoding of encodings) {
      const rows: Row[] = [];
      for (const [name, paths] of groups) rows.push(await measure(name, base, paths, encoding, ceiling));
      tables.push({ encoding, rows });
    }
    const mem = memoryMb(server.pid!);
    for (const { encoding, rows } of tables) {
      const sent =
        encoding === 'browser' ? `Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}` : 'no Accept-Encoding';
      console.log(
        `\n### ${values.engine}, read cache ${mode}, ${sent}: ${orgs} organisations, ${orgs / 5} agreements, ${connections} connections, ${duration} s each (seeded in ${seedSeconds.toFixed(0)} s)\n`,
      );
      console.log(
        '| endpoint | req/s | bare route, same slices | vs bare route | p50 ms | p99 ms | bytes/answer | failed | load avg |',
      );
      console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const r of rows)
        console.log(
          `| ${r.name} | ${r.rps} | ${r.bare} | ${((100 * r.rps) / r.bare).toFixed(0)}% | ${r.p50} | ${r.p99} | ${r.bytes} | ${r.failed} | ${r.load} |`,
        );
    }
    console.log(
      `\nserver memory after the run: RSS ${mem.rss.toFixed(0)} MB, peak ${mem.peak.toFixed(0)} MB`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
  }
}

await main();
