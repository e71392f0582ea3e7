import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `kizuna` command of this checkout. */
export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'kizuna.js');

/** A port nobody listens on right now (the OS picks it), for a server we start as a child. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Runs `kizuna ARGS` to completion; never throws on a non-zero exit. */
export function kizuna(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** What the server wrote so far (for failure messages). */
  output: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Every server started by this file, so that afterAll can make sure none is left running. */
const running = new Set<ChildProcess>();

/** Starts `kizuna serve` on a free port and waits until /healthz answers. */
export async function startServerProcess(env: NodeJS.ProcessEnv, timeoutMs = 45_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', KIZUNA_NO_WEB: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = once(child, 'exit');
  child.once('exit', () => running.delete(child));
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return { child, url, output: () => output, kill };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await kill();
  throw new Error(`server did not answer /healthz within ${timeoutMs} ms:\n${output}`);
}

/** Kills every server this file started and has not stopped (for afterAll). */
export async function killAllServers(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }),
  );
}

/** Creates an admin with the CLI, signs in on `url` and changes the one-time password. */
export async function adminSession(
  env: NodeJS.ProcessEnv,
  url: string,
): Promise<{ email: string; password: string; cookie: string }> {
  const email = `admin-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const added = await kizuna(['user', 'add', email, '--role', 'admin'], env);
  const oneTime = /password: (\S+)/.exec(added.stdout)?.[1];
  if (added.code !== 0 || !oneTime) throw new Error(`user add failed: ${added.code} ${added.stderr}`);
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: oneTime }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const password = `${oneTime}-changed-for-tests`;
  const change = await fetch(`${url}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: url },
    body: JSON.stringify({ currentPassword: oneTime, newPassword: password }),
  });
  if (change.status !== 200)
    throw new Error(`password change failed: ${change.status} ${await change.text()}`);
  return { email, password, cookie };
}

/** fetch with a JSON body and the headers a browser on `base` would send. */
export function call(
  base: string,
  path: string,
  {
    method = 'GET',
    body,
    headers = {},
  }: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { origin: base } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
