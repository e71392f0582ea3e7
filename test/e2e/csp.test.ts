import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, settled, startServer, type TestServer } from './harness.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
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
