import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ceremonyEn from '../../web/src/features/ceremony/i18n/en.json' with { type: 'json' };
import ceremonyJa from '../../web/src/features/ceremony/i18n/ja.json' with { type: 'json' };
import ceremonyVi from '../../web/src/features/ceremony/i18n/vi.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import ja from '../../web/src/i18n/ja.json' with { type: 'json' };
import vi from '../../web/src/i18n/vi.json' with { type: 'json' };
import {
  axe,
  createAccount,
  launchBrowser,
  newPage,
  settled,
  startServer,
  type TestServer,
} from './harness.ts';

let server: TestServer;
let browser: Browser;
let organiser: { email: string; password: string };
let forumId: string;
let agreementId: string;

const TEXTS = {
  ja: { c: ceremonyJa, m: ja },
  vi: { c: ceremonyVi, m: vi },
  en: { c: ceremonyEn, m: en },
} as const;

async function cookieOf(who: { email: string; password: string }) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (!login.ok) throw new Error(`login ${login.status}`);
  return (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
}

async function call(cookie: string, path: string, method: string, body?: unknown, ifMatch?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie,
      origin: server.url,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(ifMatch ? { 'if-match': ifMatch } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const admin = await createAccount(server, 'admin-ceremony@example.org', 'admin');
  organiser = await createAccount(server, 'organiser-ceremony@example.org', 'editor', ['VN-QUANG-NINH']);
  const adminCookie = await cookieOf(admin);
  const orgCookie = await cookieOf(organiser);
  const me = await call(orgCookie, '/api/auth/me', 'GET');
  forumId = 'e2e-ceremony';
  await call(adminCookie, '/api/forums', 'POST', {
    forum: {
      id: forumId,
      acronym: 'E2E',
      title: { vi: 'Diễn đàn thử', ja: 'テストフォーラム', en: 'Test forum' },
      zone: 'Asia/Ho_Chi_Minh',
      firstDay: '2027-05-10',
      lastDay: '2027-05-10',
      languages: ['vi', 'ja'],
    },
    organiserIds: [me.id ?? me.user?.id],
  });
  const session = await call(orgCookie, `/api/forums/${forumId}/sessions`, 'POST', {
    slug: 'signing',
    kind: 'ceremony',
    title: { vi: 'Lễ ký kết', ja: '署名式', en: 'Signing ceremony' },
    start: '2027-05-10T16:00:00+07:00',
    end: '2027-05-10T17:00:00+07:00',
  });
  const forum = await call(orgCookie, `/api/forums/${forumId}`, 'GET');
  await call(orgCookie, `/api/forums/${forumId}`, 'PATCH', { state: 'open' }, `"${forum.version}"`);
  const agreement = await call(adminCookie, '/api/agreements', 'POST', {
    kind: 'mou',
    title: { vi: 'Biên bản ghi nhớ hợp tác thử nghiệm', ja: '試験協力覚書', en: 'Test memorandum' },
    fields: ['culture'],
    status: 'planned',
    parties: [
      { type: 'locality', code: 'VN-HANOI' },
      { type: 'locality', code: 'JP-27' },
    ],
    sources: [{ url: 'https://example.org/e2e', note: 'synthetic, made by a browser test' }],
  });
  agreementId = agreement.id;
  await call(orgCookie, `/api/forums/${forumId}/ceremony/items`, 'POST', {
    agreementId,
    sessionId: session.id,
    kind: 'signing',
    signatories: {
      vn: [{ name: 'Nguyễn Văn An', position: 'Chủ tịch' }],
      jp: [{ name: '山田太郎', position: '知事' }],
    },
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page) {
  await page.goto(`${server.url}/signin`);
  await page.fill('#si-email', organiser.email);
  await page.fill('#si-password', organiser.password);
  await page.click('form button[type=submit]');
  await page.waitForURL(`${server.url}/`);
  await settled(page);
}

describe('an organiser runs the ceremony', () => {
  for (const [lang, locale] of [
    ['ja', 'ja-JP'],
    ['vi', 'vi-VN'],
  ] as const) {
    it(`marks the item done in ${lang} and sees the agreement in force on its page, then undoes it`, async () => {
      const { c, m } = TEXTS[lang];
      const { context, page } = await newPage(browser, { locale, width: 375, height: 812, mobile: true });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await signIn(page);
      await page.goto(`${server.url}/forums/${forumId}/ceremony`);
      await settled(page);
      expect(await page.textContent('h1')).toContain(c.title);
      expect(await axe(page)).toEqual([]);
      await page.getByRole('button', { name: c.markDone }).click();
      await expect.poll(() => page.textContent('main')).toContain(c.done.replace('{{date}}', '2027-05-10'));
      await page.goto(`${server.url}/agreements/${agreementId}`);
      await settled(page);
      expect(await page.textContent('main')).toContain(m.status.in_force);
      expect(await page.textContent('main')).toContain(`/forums/${forumId}`);
      await page.goto(`${server.url}/forums/${forumId}/ceremony`);
      await settled(page);
      await page.getByRole('button', { name: c.undo }).click();
      await expect.poll(() => page.getByRole('button', { name: c.markDone }).count()).toBe(1);
      const api = await (await fetch(`${server.url}/api/agreements/${agreementId}`)).json();
      expect(api.status).toBe('planned');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it('shows the ceremony and the news to the public with nothing for axe, in en', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await page.goto(`${server.url}/forums/${forumId}/ceremony`);
    await settled(page);
    expect(await page.textContent('h1')).toContain(ceremonyEn.title);
    expect(await page.getByRole('button').filter({ hasText: ceremonyEn.markDone }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await page.goto(`${server.url}/news`);
    await settled(page);
    expect(await axe(page)).toEqual([]);
    await context.close();
  }, 90_000);
});
