import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORUM_CATALOGS } from '../../web/src/features/forums/catalogs.ts';
import { axe, launchBrowser, newPage, screenshot, settled, startServer, type TestServer } from './harness.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the forum as the public reads it', () => {
  for (const [lang, locale] of [
    ['ja', 'ja-JP'],
    ['vi', 'vi-VN'],
    ['en', 'en-GB'],
  ] as const) {
    it(`shows the 1st forum's programme in ${lang} on a 375-pixel phone, with its sources and file links`, async () => {
      const texts = FORUM_CATALOGS[lang];
      const { context, page } = await newPage(browser, { locale, width: 375, height: 812, mobile: true });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/forums`);
      await settled(page);
      await page.locator('a[href="/forums/vjlcf-2025"]').click();
      await settled(page);
      await expect.poll(() => page.locator('.session').count()).toBeGreaterThan(5);
      const body = await page.textContent('main');
      // Known only as "in the afternoon": shown so, never at an invented hour.
      expect(body).toContain(texts.part.afternoon);
      expect(body).not.toMatch(/\d\d:\d\d–\d\d:\d\d/);
      // Session titles that exist only as unofficial English renderings say so in the reader's language.
      if (lang !== 'en') expect(body).toContain(texts.unofficial);
      expect(await page.locator('.session [lang="en"]').count()).toBeGreaterThan(0);
      expect(await page.locator('.sources a').count()).toBeGreaterThan(5);
      for (const href of await page
        .locator('.file-links a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        const res = await fetch(`${server.url}${href}`);
        expect(res.status, href ?? '').toBe(200);
      }
      // Nothing wider than the phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await screenshot(page, `forum-${lang}-phone`);
      await context.close();
    }, 90_000);
  }
});
