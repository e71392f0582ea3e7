import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import { createAdmin, launchBrowser, newPage, settled, startServer, type TestServer } from './harness.ts';

let server: TestServer;
let browser: Browser;
let admin: { email: string; password: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await createAdmin(server, 'hardening-admin@example.org');
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a page and gathers what the Content-Security-Policy blocked, and script errors. */
async function open(path: string) {
  const { context, page } = await newPage(browser, { locale: 'en-GB' });
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
  });
  page.on('pageerror', (e) => blocked.push(e.message));
  const res = await page.goto(`${server.url}${path}`);
  await settled(page);
  return { context, page, blocked, csp: res?.headers()['content-security-policy'] ?? null };
}

/** Signs the admin in through the API; the cookie for fetch and for the browser context. */
async function adminCookie(): Promise<string> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  return login.headers.getSetCookie()[0].split(';')[0];
}

describe('the Content-Security-Policy', () => {
  it('lets the web app work: pages, map, charts and the CSV links', async () => {
    for (const path of ['/', '/agreements', '/map', '/network', '/localities/JP-27']) {
      const { context, page, blocked, csp } = await open(path);
      expect(csp, path).toMatch(/script-src 'self'/);
      await expect.poll(() => page.locator('h1').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(blocked, path).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('lets the API reference at /docs render', async () => {
    const { context, page, blocked, csp } = await open('/docs');
    expect(csp).toMatch(/default-src 'self'/);
    await expect
      .poll(() => page.locator('.swagger-ui .opblock').count(), { timeout: 20_000 })
      .toBeGreaterThan(5);
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);

  it('blocks an inline script that a hostile record might smuggle into a page', async () => {
    const { context, page, blocked } = await open('/');
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    // The browser reports it: the same report the other tests expect none of.
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
    expect(blocked.join('\n')).toMatch(/Content Security Policy/);
    await context.close();
  }, 60_000);
});

describe('the web app with the hardened API', () => {
  it('builds formula-safe CSV in the browser: an organisation named =HYPERLINK(…) stays text', async () => {
    const cookie = await adminCookie();
    const created = await fetch(`${server.url}/api/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify({
        kind: 'company',
        name: { en: '=HYPERLINK("http://evil.example/","Open")' },
        localityCode: 'VN-DA-NANG',
      }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const { context, page, blocked } = await open(`/organizations/${id}`);
    const href = await page.locator('a.csv-link[href^="data:"]').first().getAttribute('href');
    const csv = decodeURIComponent(href!.slice(href!.indexOf(',') + 1));
    expect(csv).toContain(`'=HYPERLINK(`);
    expect(csv).not.toMatch(/(^|,|\n)"?=HYPERLINK/);
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows a visitor as signed out (/auth/me answers { user: null }) and lets an admin disable an account with If-Match', async () => {
    const visitor = await open('/');
    await expect
      .poll(() => visitor.page.getByRole('link', { name: en.nav.signIn }).count())
      .toBeGreaterThan(0);
    await visitor.context.close();

    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await page.goto(`${server.url}/signin`);
    await page.fill('#si-email', admin.email);
    await page.fill('#si-password', admin.password);
    await page.click('form button[type=submit]');
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/admin/users`);
    await settled(page);
    await page.fill('#nu-email', 'to-disable@example.org');
    await page.fill('#nu-scopes', 'VN-DA-NANG');
    await page.click('form.form button[type=submit]');
    const row = page.locator('tr', { hasText: 'to-disable@example.org' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: en.users.disable }).click();
    await expect.poll(() => row.getByRole('button', { name: en.users.enable }).count()).toBe(1);
    expect(await row.locator('[role=alert]').count()).toBe(0);
    await context.close();
  }, 90_000);

  it('shows hostile names and descriptions as text: no stored script runs on any page that shows them', async () => {
    const cookie = await adminCookie();
    const payloads = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=1</script>',
      '"><svg onload="window.__xss=1">',
      'javascript:window.__xss=1',
    ];
    const ids: string[] = [];
    for (const [i, payload] of payloads.entries()) {
      const res = await fetch(`${server.url}/api/organizations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: server.url },
        body: JSON.stringify({
          kind: 'association',
          name: { en: `Hostile ${i} ${payload}` },
          localityCode: 'VN-DA-NANG',
          website: 'https://example.org/',
          description: { en: payload },
        }),
      });
      expect(res.status, payload).toBe(201);
      ids.push((await res.json()).id);
    }
    for (const path of [
      ...ids.map((id) => `/organizations/${id}`),
      '/organizations?q=hostile',
      '/localities/VN-DA-NANG',
    ]) {
      const { context, page } = await open(path);
      await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Hostile');
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
        path,
      ).toBeUndefined();
      expect(await page.locator('main img[src="x"], main svg[onload], main script').count(), path).toBe(0);
      await context.close();
    }
  }, 120_000);
});
