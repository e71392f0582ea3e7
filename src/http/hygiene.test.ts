import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from '../../test/support/app.ts';
import { ENGINES } from '../../test/support/db.ts';
import { buildAccount, login } from '../../test/support/factories.ts';
import { createApp } from '../app.ts';
import { httpServer } from './listener.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security.ts';

const METRICS_TOKEN = 'metrics-secret-0123456789';

describe.each(ENGINES)('HTTP hygiene on %s', (engine) => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let web: string;
  let admin: Awaited<ReturnType<TestApp['signIn']>>;
  const req = (path: string, init: RequestInit = {}) => app.request(`${ORIGIN}${path}`, init);
  beforeAll(async () => {
    t = await testApp(engine);
    web = mkdtempSync(join(tmpdir(), 'kizuna-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Kizuna</title>');
    app = createApp(
      { db: t.db, logger: pino({ level: 'silent' }), trustProxy: false },
      { webDist: web, metricsToken: METRICS_TOKEN },
    );
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    rmSync(web, { recursive: true, force: true });
    rmSync(join(web, '..', 'kizuna-secret.txt'), { force: true });
    await t.close();
  });

  it('sends a Content-Security-Policy with every answer: API, cache hits, errors, docs, pages', async () => {
    for (const path of [
      '/api/agreements?limit=1',
      '/api/agreements?limit=1',
      '/api/nope',
      '/docs',
      '/agreements',
    ]) {
      const res = await req(path);
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'self'/);
  });

  it('answers Cache-Control: no-store wherever a secret or one account is in the answer', async () => {
    const account = await buildAccount(t);
    const signIn = await login(t.req, account.email, account.password);
    expect(signIn.res.headers.get('cache-control')).toBe('no-store');
    const token = await t.req('/api/tokens', { method: 'POST', headers: admin.headers, body: { name: 'n' } });
    expect(token.status).toBe(201);
    expect(token.headers.get('cache-control')).toBe('no-store');
    const created = await t.req('/api/users', {
      method: 'POST',
      headers: admin.headers,
      body: { email: `otp-${Date.now()}@example.org`, role: 'admin' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/api/auth/me', '/api/tokens', '/api/users', '/api/audit'])
      expect((await t.req(path, { headers: admin.headers })).headers.get('cache-control'), path).toBe(
        'no-store',
      );
    const refused = await t.req('/api/auth/login', {
      method: 'POST',
      body: { email: 'x@example.org', password: 'y' },
    });
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps /metrics from the public: admins and the METRICS_TOKEN bearer only', async () => {
    expect((await req('/metrics')).status).toBe(401);
    const editor = await t.signIn('editor', ['VN-HANOI']);
    expect((await req('/metrics', { headers: editor.headers })).status).toBe(403);
    expect(
      (await req('/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
    ).toBe(401);
    const byToken = await req('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(byToken.status).toBe(200);
    const text = await byToken.text();
    expect(text).toMatch(/^kizuna_read_cache_entries \d+$/m);
    expect(text).toMatch(/^kizuna_read_cache_bytes \d+$/m);
    expect(byToken.headers.get('cache-control')).toBe('no-store');
    expect((await req('/metrics', { headers: admin.headers })).status).toBe(200);
    const { token } = await (
      await t.req('/api/tokens', {
        method: 'POST',
        headers: admin.headers,
        body: { name: 'scraper', scope: 'read' },
      })
    ).json();
    expect((await req('/metrics', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('answers 404 problems for what is clearly not a page, the web app for what may be one', async () => {
    for (const path of [
      '/.env',
      '/.git/config',
      '/api/nope',
      '/api',
      '/wp-login.php',
      '/backup.zip',
      '/a/b.js',
    ]) {
      const res = await req(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
      expect((await res.json()).code, path).toBe('not_found');
    }
    for (const path of ['/', '/agreements/agr-123', '/organizations/org-x/edit', '/no-such-page']) {
      const res = await req(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('text/html');
    }
  });

  it('serves nothing outside the web app and the docs, whatever the path spelling (32 traversal variants)', async () => {
    // A file beside the web app's folder, and the project's own files, must never come out.
    writeFileSync(join(web, '..', 'kizuna-secret.txt'), 'TOP SECRET');
    const targets = ['kizuna-secret.txt', 'package.json', 'etc/passwd'];
    const ups = ['../', '..%2f', '%2e%2e/', '%2e%2e%2f', '..%5c', '..\\', '.%2e/', '%252e%252e%252f'];
    const prefixes = ['/', '/assets/', '/docs/assets/', '/api/'];
    const paths = prefixes.flatMap((p, i) =>
      ups.map((u, j) => `${p}${u.repeat(2 + ((i + j) % 4))}${targets[(i + j) % 3]}`),
    );
    expect(paths.length).toBe(32);
    for (const path of paths) {
      const res = await req(path);
      const text = await res.text();
      expect(res.status, path).toBeLessThan(500);
      expect(text, path).not.toContain('TOP SECRET');
      expect(text, path).not.toContain('"name": "kizuna"');
      expect(text, path).not.toContain('root:');
    }
  });

  it('answers HEAD on lists with the GET head: security headers, content length, no body', async () => {
    // Through the Node server too: its adapter is where the headers were lost.
    const server = httpServer(app.fetch);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // identity: fetch would inflate a compressed body, and its length would not be the one sent.
    const overHttp = (path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { 'accept-encoding': 'identity' } });
    const paths = [
      '/api/agreements?limit=3',
      '/api/organizations?limit=2',
      '/api/localities',
      '/api/agreements?limit=3',
    ];
    for (const [path, send] of paths.flatMap((p) => [[p, req] as const, [p, overHttp] as const])) {
      const get = await send(path);
      const body = await get.arrayBuffer();
      const head = await send(path, { method: 'HEAD' });
      expect(head.status, path).toBe(200);
      for (const name of Object.keys(SECURITY_HEADERS))
        expect(head.headers.get(name), `${path} ${name}`).toBe(SECURITY_HEADERS[name]);
      expect(head.headers.get('content-type'), path).toBe(get.headers.get('content-type'));
      expect(Number(head.headers.get('content-length')), path).toBe(body.byteLength);
      expect((await head.arrayBuffer()).byteLength, path).toBe(0);
    }
    const detail = await overHttp('/api/localities/JP-27', { method: 'HEAD' });
    expect(detail.headers.get('etag')).toMatch(/^"\d+"$/);
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  });
});

describe('the HTTP server', () => {
  it('answers a backslash in the path with a problem detail and the security headers', async () => {
    const server = httpServer(() => new Response('never'));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    const raw = await new Promise<string>((ok, fail) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`GET /api\\..\\.env HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (d) => {
        text += d.toString('utf8');
      });
      socket.on('end', () => ok(text));
      socket.on('error', fail);
    });
    await new Promise((ok) => server.close(ok));
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400/);
    expect(head.toLowerCase()).toContain('content-type: application/problem+json');
    expect(head.toLowerCase()).toContain("content-security-policy: default-src 'self'");
    expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
    const problem = JSON.parse(body.replace(/^[0-9a-f]+\r\n/, '').replace(/\r\n0\r\n$/, ''));
    expect(problem).toMatchObject({ status: 400, code: 'validation.invalid' });
    expect(problem.detail).toMatch(/backslash/i);
  });
});
