import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const run = promisify(execFile);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = join(repo, 'test/e2e/screenshots');
const CHROMIUM = '/usr/bin/chromium';

export interface TestServer {
  url: string;
  env: NodeJS.ProcessEnv;
  /** Runs `kizuna ARGS` against the same database; returns stdout. */
  kizuna: (args: string[]) => Promise<string>;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`kizuna serve exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`kizuna serve did not become healthy:\n${log()}`);
}

/**
 * Builds the web app once for all test files: they start at the same time in separate
 * processes, and three Vite builds at once on two cores only slow each other down. A lock
 * directory (mkdir is atomic) lets one build while the others wait; their servers then find
 * web/dist fresh and skip the build.
 */
async function buildOnce(): Promise<void> {
  const lock = join(tmpdir(), `kizuna-e2e-build-${Buffer.from(repo).toString('hex').slice(-24)}`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true }); // a crashed holder
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    const { ensureWebBuilt } = await import('../../web/build.ts');
    await ensureWebBuilt();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Starts `kizuna serve` on a fresh SQLite database in a temporary directory and a free port. */
export async function startServer(): Promise<TestServer> {
  await buildOnce();
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: `file:${join(dir, 'k.sqlite')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, ['bin/kizuna.js', 'serve'], { cwd: repo, env, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  let stopping = false;
  child.once('exit', (code, signal) => {
    // A server dying mid-test shows up as "connection refused" in the browser; say why here.
    if (!stopping) console.error(`kizuna serve exited early (${code ?? signal}):\n${output.slice(-4000)}`);
  });
  await waitForHealth(url, child, () => output);
  return {
    url,
    env,
    kizuna: async (args) =>
      (await run(process.execPath, ['bin/kizuna.js', ...args], { cwd: repo, env })).stdout,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates an admin with `kizuna user add` and replaces its one-time password through the API,
 * as its owner would at first sign-in. Returns the usable credentials.
 */
export async function createAdmin(
  server: TestServer,
  email: string,
): Promise<{ email: string; password: string }> {
  return createAccount(server, email, 'admin');
}

/** Like createAdmin, for any role: an editor needs its scopes (locality codes or organisation ids). */
export async function createAccount(
  server: TestServer,
  email: string,
  role: 'admin' | 'editor',
  scopes: string[] = [],
): Promise<{ email: string; password: string }> {
  const out = await server.kizuna([
    'user',
    'add',
    email,
    '--role',
    role,
    ...scopes.flatMap((s) => ['--scope', s]),
  ]);
  const oneTime = out.match(/^password:\s*(\S+)/m)?.[1];
  if (!oneTime) throw new Error(`no password in: ${out}`);
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: oneTime }),
  });
  if (!login.ok) throw new Error(`login ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const password = `e2e-${Math.random().toString(36).slice(2)}-long-password`;
  const change = await fetch(`${server.url}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: server.url },
    body: JSON.stringify({ currentPassword: oneTime, newPassword: password }),
  });
  if (!change.ok) throw new Error(`password change ${change.status}: ${await change.text()}`);
  return { email, password };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/** A fresh context (own cookies and storage, so its own remembered language) in a given locale. */
export async function newPage(
  browser: Browser,
  opts: { locale?: string; width?: number; height?: number; mobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: opts.locale ?? 'en-GB',
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    isMobile: opts.mobile,
    hasTouch: opts.mobile,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = (await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const w = window as any;
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  })) as AxeViolation[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits until the app has finished loading the page's data (no "Loading…" left). */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('main [aria-live="polite"].muted'), null, {
    timeout: 15_000,
  });
}
