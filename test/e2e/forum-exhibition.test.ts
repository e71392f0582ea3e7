import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXHIBITION_CATALOGS } from '../../web/src/features/forums/exhibition/catalogs.ts';
import {
  axe,
  createAccount,
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
type Cred = { email: string; password: string };
let admin: Cred;
let organiser: Cred;
let head: Cred;
const FORUM = 'e2e-expo';
let delegationId = '';

async function cookieOf(c: Cred) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(c),
  });
  expect(login.status).toBe(200);
  return login.headers
    .getSetCookie()
    .map((x) => x.split(';')[0])
    .join('; ');
}

async function call(
  c: Cred,
  path: string,
  method = 'GET',
  body?: unknown,
  extra: Record<string, string> = {},
) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: await cookieOf(c), origin: server.url, ...extra },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res;
}

async function signIn(page: Page, c: Cred) {
  await page.goto(`${server.url}/signin`);
  await page.fill('#si-email', c.email);
  await page.fill('#si-password', c.password);
  await page.click('form button[type=submit]');
  await page.waitForURL(`${server.url}/`);
  await settled(page);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await createAdmin(server, 'admin@example.org');
  organiser = await createAccount(server, 'organiser@example.org', 'editor', ['JP-13']);
  head = await createAccount(server, 'head@example.org', 'editor', ['VN-HANOI']);
  const ids: Record<string, string> = {};
  for (const [name, c] of [
    ['organiser', organiser],
    ['head', head],
  ] as const)
    ids[name] = ((await (await call(c, '/api/auth/me')).json()) as { user: { id: string } }).user.id;
  const forum = await call(admin, '/api/forums', 'POST', {
    forum: {
      id: FORUM,
      acronym: 'EXPO',
      title: { vi: 'Diễn đàn triển lãm thử', ja: 'テスト展示フォーラム', en: 'Test exhibition forum' },
      zone: 'Asia/Ho_Chi_Minh',
      firstDay: '2027-05-10',
      lastDay: '2027-05-11',
      languages: ['vi', 'ja'],
      capacity: 50,
    },
    organiserIds: [ids.organiser],
  });
  expect(forum.status, await forum.clone().text()).toBe(201);
  const inv = await call(organiser, `/api/forums/${FORUM}/invitations`, 'POST', {
    csv: 'party,email,language\nVN-HANOI,head@example.org,vi\nJP-27,osaka@example.org,ja\n',
  });
  expect(inv.status).toBe(201);
  const delegations = ((await inv.json()) as { delegations: { id: string; party: string }[] }).delegations;
  delegationId = delegations.find((d) => d.party === 'VN-HANOI')!.id;
  const grant = await call(organiser, '/api/grants', 'POST', {
    userId: ids.head,
    role: 'head',
    recordType: 'delegation',
    recordId: delegationId,
  });
  expect(grant.status).toBe(201);
  const member = await call(head, `/api/forums/${FORUM}/delegations/${delegationId}/members`, 'POST', {
    name: { family: { native: 'Nguyễn', latin: 'Nguyen' }, given: { native: 'Thị Lan', latin: 'Thi Lan' } },
    dietary: 'chay',
  });
  expect(member.status).toBe(201);
  const f = await call(organiser, `/api/forums/${FORUM}`);
  const open = await call(
    organiser,
    `/api/forums/${FORUM}`,
    'PATCH',
    { state: 'open' },
    { 'if-match': f.headers.get('etag')! },
  );
  expect(open.status).toBe(200);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the exhibition', () => {
  it('an organiser draws two booths and assigns one; a head adds a product photo; the public sees it on a phone in ja; check-in by typed code', async () => {
    const errors: string[] = [];
    const en = EXHIBITION_CATALOGS.en;
    // The organiser: a hall, two booths, one given to Hà Nội.
    {
      const { context, page } = await newPage(browser, { locale: 'en-GB' });
      page.on('pageerror', (e) => errors.push(e.message));
      await signIn(page, organiser);
      await page.goto(`${server.url}/forums/${FORUM}/exhibition/floor`);
      await settled(page);
      await page.getByLabel(en.hallName.replace('{{lang}}', en.lang.en)).fill('Hall A');
      await page.getByLabel(en.columns).fill('8');
      await page.getByLabel(en.rows).fill('4');
      await page.locator('form[aria-labelledby="add-hall"] button[type=submit]').click();
      await page.locator('form[aria-labelledby="add-booth"]').waitFor();
      const booth = page.locator('form[aria-labelledby="add-booth"]');
      for (const [code, x] of [
        ['A1', '0'],
        ['A2', '2'],
      ]) {
        await booth.getByLabel(en.code).fill(code);
        await booth.getByLabel(en.x).fill(x);
        await booth.locator('button[type=submit]').click();
        await page.locator(`[data-booth="${code}"]`).waitFor();
      }
      // An overlapping booth is refused and named.
      await booth.getByLabel(en.code).fill('A3');
      await booth.getByLabel(en.x).fill('1');
      await booth.locator('button[type=submit]').click();
      await expect.poll(() => booth.locator('[role=alert]').textContent()).toContain(en.problem.overlap);
      const assign = page.locator('form[data-assign="A1"]');
      await assign.locator('select').selectOption(delegationId);
      await assign.locator('button[type=submit]').click();
      // The plan names the exhibitor once the booth is given.
      await expect
        .poll(() => page.locator('[data-booth="A1"] title').textContent(), { timeout: 15_000 })
        .toBe(en.boothOf.replace('{{code}}', 'A1').replace('{{exhibitor}}', 'Hanoi'));
      expect(await axe(page)).toEqual([]);
      await screenshot(page, 'exhibition-floor-en');
      await context.close();
    }
    // The head: a product with a photo.
    {
      const { context, page } = await newPage(browser, { locale: 'vi-VN' });
      page.on('pageerror', (e) => errors.push(e.message));
      await signIn(page, head);
      await page.goto(`${server.url}/forums/${FORUM}/exhibition/delegations/${delegationId}`);
      await settled(page);
      const vi = EXHIBITION_CATALOGS.vi;
      await page.getByLabel(vi.name.replace('{{lang}}', vi.lang.vi)).fill('Gốm Bát Tràng');
      await page.getByLabel(vi.name.replace('{{lang}}', vi.lang.ja)).fill('バッチャン焼');
      await page.getByLabel(vi.ocopStars).selectOption('4');
      await page.locator('form[aria-labelledby="add-product"] button[type=submit]').click();
      await page.locator('.product').waitFor();
      const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#2060a0' } })
        .jpeg()
        .toBuffer();
      await page
        .locator('.product input[type=file]')
        .setInputFiles({ name: 'bat-trang.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await page.locator('.product img').waitFor();
      expect(await axe(page)).toEqual([]);
      await context.close();
    }
    // The public, on a 375-pixel phone, in Japanese.
    for (const [lang, locale] of [
      ['ja', 'ja-JP'],
      ['vi', 'vi-VN'],
      ['en', 'en-GB'],
    ] as const) {
      const texts = EXHIBITION_CATALOGS[lang];
      const { context, page } = await newPage(browser, { locale, width: 375, height: 812, mobile: true });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/forums/${FORUM}/exhibition`);
      await settled(page);
      await page.locator('.product img').waitFor();
      const body = (await page.textContent('main')) ?? '';
      expect(body).toContain(texts.exhibitors);
      expect(body).toContain(lang === 'ja' ? 'バッチャン焼' : 'Gốm Bát Tràng');
      expect(body).toContain(texts.ocop.replace('{{n}}', '4'));
      const img = page.locator('.product img').first();
      expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      expect(await page.locator('svg[role=img] [data-booth]').count()).toBe(2);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `exhibition-${lang}-phone`);
      await context.close();
    }
    // Check-in by typed code, on a phone: once, then "already".
    const pdf = await call(organiser, `/api/forums/${FORUM}/badges.pdf?lang=vi&delegationId=${delegationId}`);
    expect(pdf.status).toBe(200);
    // The PDF's text is compressed: the code comes from renewing the badge, as an organiser would for a lost one.
    const code = await renewedBadgeCode();
    for (const [lang, locale] of [
      ['ja', 'ja-JP'],
      ['vi', 'vi-VN'],
      ['en', 'en-GB'],
    ] as const) {
      const texts = EXHIBITION_CATALOGS[lang];
      const { context, page } = await newPage(browser, { locale, width: 375, height: 812, mobile: true });
      page.on('pageerror', (e) => errors.push(e.message));
      await signIn(page, organiser);
      await page.goto(`${server.url}/forums/${FORUM}/checkin`);
      await settled(page);
      await page.getByLabel(texts.badgeCode).fill(code);
      await page.getByRole('button', { name: texts.checkIn }).click();
      const result = page.locator('.checkin-result');
      await result.waitFor();
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('Nguyễn Thị Lan');
      expect(text).toContain('Nguyen Thi Lan');
      expect(text).toContain('chay');
      expect(text).toContain(lang === 'ja' ? texts.welcome : texts.already);
      await page.getByLabel(texts.badgeCode).fill('KZ-0000-0000-0000-0000');
      await page.getByRole('button', { name: texts.checkIn }).click();
      await expect.poll(() => page.locator('[role=alert]').first().textContent()).toBeTruthy();
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `checkin-${lang}-phone`);
      await context.close();
    }
    expect(errors).toEqual([]);
  }, 240_000);
});

/** A new badge code for the delegation's member (the badge PDF holds the old one). */
async function renewedBadgeCode(): Promise<string> {
  const people = await call(organiser, `/api/forums/${FORUM}/delegations/${delegationId}`);
  const member = ((await people.json()) as { members: { id: string }[] }).members[0]!;
  const renewed = await call(organiser, `/api/forums/${FORUM}/people/${member.id}/badge`, 'POST');
  return ((await renewed.json()) as { code: string }).code;
}
