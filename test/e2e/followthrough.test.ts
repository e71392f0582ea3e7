import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axe,
  createAccount,
  launchBrowser,
  newPage,
  screenshot,
  settled,
  startServer,
  type TestServer,
} from './harness.ts';

// Follow-through in the browser, on the demo cycle (`kizuna seed --demo-follow-through`): two
// editors report the same project differently and both see the dispute, each in their own
// language; the public dashboard and a project page pass axe on a phone in vi, ja and en.

type Catalog = Record<string, Record<string, string>>;
const texts = (lang: string): Catalog =>
  JSON.parse(
    readFileSync(new URL(`../../web/src/features/followthrough/i18n/${lang}.json`, import.meta.url), 'utf8'),
  );

let server: TestServer;
let browser: Browser;
// Project 9 of the demo: no side has reported on it yet.
const PROJECT = 'demo-ft-prj-009';
let parties: { side: 'vn' | 'jp'; locality: string }[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const out = await server.kizuna(['seed', '--demo-follow-through']);
  expect(out).toContain('cycle demo-ft-2026 added');
  const p = (await (await fetch(`${server.url}/api/projects/${PROJECT}`)).json()) as {
    parties: typeof parties;
  };
  parties = p.parties;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${server.url}/signin`);
  await page.fill('#si-email', who.email);
  await page.fill('#si-password', who.password);
  await page.click('form button[type=submit]');
  await page.waitForURL(`${server.url}/`);
  await settled(page);
}

/** Fills the side's report: every milestone partly met at `progress` %, and submits it. */
async function report(page: Page, progress: number) {
  await page.goto(`${server.url}/follow-through/projects/${PROJECT}`);
  await settled(page);
  const lines = page.locator('#ft-report-form fieldset[data-line]');
  const n = await lines.count();
  expect(n).toBeGreaterThan(2);
  for (let i = 0; i < n; i++) {
    const line = lines.nth(i);
    await line.locator('select').selectOption('partiallyMet');
    await line.locator('input[type=number]').fill(String(progress));
  }
  await page.click('#ft-report-form button[type=submit]');
  await page.waitForSelector('#ft-report-form [role=status][data-saved-state]');
  return page.getAttribute('#ft-report-form [role=status]', 'data-saved-state');
}

describe('two editors report the same project', () => {
  it('differently, and the dispute shows to both, in vi and ja', async () => {
    const vnCode = parties.find((p) => p.side === 'vn')!.locality;
    const jpCode = parties.find((p) => p.side === 'jp')!.locality;
    const vnEditor = await createAccount(server, 'vn-editor@example.org', 'editor', [vnCode]);
    const jpEditor = await createAccount(server, 'jp-editor@example.org', 'editor', [jpCode]);
    const vi = texts('vi');
    const ja = texts('ja');

    const vn = await newPage(browser, { locale: 'vi-VN', width: 375, height: 812, mobile: true });
    await signIn(vn.page, vnEditor);
    expect(await report(vn.page, 80)).toBe('oneSided');
    expect(await vn.page.textContent('#ft-report-form')).toContain(
      vi.report.asSide.replace('{{side}}', vi.side.vn),
    );

    const jp = await newPage(browser, { locale: 'ja-JP', width: 375, height: 812, mobile: true });
    await signIn(jp.page, jpEditor);
    expect(await report(jp.page, 30)).toBe('disputed');

    for (const [page, t] of [
      [jp.page, ja],
      [vn.page, vi],
    ] as const) {
      await page.goto(`${server.url}/follow-through/projects/${PROJECT}`);
      await settled(page);
      const card = page.locator('#ft-figures [data-period="2026-H2"]');
      expect(await card.getAttribute('data-state')).toBe('disputed');
      const body = (await card.textContent()) ?? '';
      expect(body).toContain(t.state.disputed);
      expect(body).toContain(t.figure.disputes.replace(/\s*[((].*$/, ''));
      // Every milestone differs by 50 points (80 against 30), shown per milestone.
      const rows = card.locator('[data-dispute]');
      expect(await rows.count()).toBeGreaterThan(2);
      expect(await rows.first().textContent()).toContain(t.figure.points.replace('{{n}}', '+50'));
      // Both sides' figures, side by side.
      expect(await card.locator('[data-side="vn"]').textContent()).toContain('80');
      expect(await card.locator('[data-side="jp"]').textContent()).toContain('30');
    }

    // A note from one side to the other.
    await vn.page.fill('#ft-notes textarea', 'Chúng tôi đánh giá 80%, xin trao đổi thêm.');
    await vn.page.click('#ft-notes button[type=submit]');
    await vn.page.waitForSelector('#ft-notes [data-note-side="vn"]');
    await jp.page.reload();
    await settled(jp.page);
    expect(await jp.page.textContent('#ft-notes')).toContain('Chúng tôi đánh giá 80%');
    expect(await jp.page.getAttribute('#ft-notes [data-note-side="vn"] p[lang="vi"]', 'lang')).toBe('vi');
    await screenshot(jp.page, 'followthrough-dispute-ja-phone');
    await vn.context.close();
    await jp.context.close();
  }, 180_000);
});

describe('the public follow-through pages', () => {
  for (const [lang, locale] of [
    ['vi', 'vi-VN'],
    ['ja', 'ja-JP'],
    ['en', 'en-GB'],
  ] as const) {
    it(`the dashboard and a project page pass axe on a 375-pixel phone in ${lang}`, async () => {
      const t = texts(lang);
      const { context, page } = await newPage(browser, { locale, width: 375, height: 812, mobile: true });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/follow-through`);
      await settled(page);
      await page.locator('a[href="/follow-through/demo-ft-2026"]').click();
      await settled(page);
      await expect.poll(() => page.locator('[data-project]').count()).toBe(100);
      const main = (await page.textContent('main')) ?? '';
      expect(main).toContain(t.synthetic);
      for (const s of ['agreed', 'disputed', 'oneSided', 'missing']) expect(main).toContain(t.state[s]);
      expect(main).toContain('progress/1');
      await expect.poll(() => page.locator('#ft-map svg').count()).toBe(1);
      expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(3);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `followthrough-dashboard-${lang}-phone`);

      // A disputed project's page: its path, both sides, the milestones where they differ.
      await page.locator('[data-project="demo-ft-prj-005"] h3 a').click();
      await settled(page);
      expect(await page.locator('#ft-path li').count()).toBeGreaterThanOrEqual(3);
      expect(
        await page.locator('#ft-figures [data-state="disputed"] [data-dispute]').count(),
      ).toBeGreaterThan(0);
      expect(await page.textContent('main')).toContain(t.synthetic);
      const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow2).toBeLessThanOrEqual(1);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `followthrough-project-${lang}-phone`);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
