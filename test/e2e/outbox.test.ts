import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import adminJa from '../../web/src/features/admin/i18n/ja.json' with { type: 'json' };
import ja from '../../web/src/i18n/ja.json' with { type: 'json' };
import {
  axe,
  createAdmin,
  launchBrowser,
  newPage,
  screenshot,
  settled,
  startServer,
  type TestServer,
} from './harness.ts';

let server: TestServer;
let browser: Browser;
let admin: { email: string; password: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await createAdmin(server, 'outbox-admin@example.org');
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the outbox page, with no SMTP server configured', () => {
  it('lets an admin queue a test mail and read it, in Japanese, accessibly', async () => {
    const { context, page } = await newPage(browser, { locale: 'ja-JP' });
    await page.goto(`${server.url}/signin`);
    await page.fill('#si-email', admin.email);
    await page.fill('#si-password', admin.password);
    await page.click('form button[type=submit]');
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('link', { name: ja.nav.outbox }).click();
    await settled(page);
    expect(await page.textContent('h1')).toBe(adminJa.outbox.title);

    await page.fill('#tm-to', 'tanaka@example.jp');
    await page.click('form.form button[type=submit]');
    await expect.poll(() => page.locator('.notice[role=status]').count()).toBe(1);
    // The server's job runner polls every second; the mail turns "held" once its job has run.
    await expect
      .poll(
        async () => {
          await page.reload();
          await settled(page);
          return page.locator('.badge-held').count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    expect(await page.locator('.notice').first().textContent()).toBe(adminJa.outbox.heldNote);
    await page.locator('details summary').first().click();
    await expect.poll(() => page.locator('.mail-text').count()).toBe(1);
    expect(await page.locator('.mail-text').textContent()).toContain('テストメール');
    expect(await page.locator('.mail-text').textContent()).toContain(admin.email);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'outbox-ja');
    await context.close();
  }, 60_000);
});
