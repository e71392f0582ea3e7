import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectorLabel } from '../../src/domain/sectors.ts';
import adminEn from '../../web/src/features/admin/i18n/en.json' with { type: 'json' };
import agreementsVi from '../../web/src/features/agreements/i18n/vi.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import ja from '../../web/src/i18n/ja.json' with { type: 'json' };
import vi from '../../web/src/i18n/vi.json' with { type: 'json' };
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

// The atlas as its users meet it: a Japanese prefecture official (Japanese only), a Vietnamese
// provincial official (Vietnamese only) and an admin, each checked in their own language.

let server: TestServer;
let browser: Browser;
let admin: { email: string; password: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await createAdmin(server, 'atlas-admin@example.org');
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, locale: string) {
  await page.goto(`${server.url}/signin`);
  await page.fill('#si-email', admin.email);
  await page.fill('#si-password', admin.password);
  await page.click('form button[type=submit]');
  await page.waitForURL(`${server.url}/`);
  await settled(page);
  expect(await page.getAttribute('html', 'lang')).toBe(locale);
}

const api = async <T>(path: string): Promise<T> => (await fetch(`${server.url}${path}`)).json() as Promise<T>;

/** Relative luminance and contrast ratio (WCAG 2). */
function contrast(a: number[], b: number[]) {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);

describe('a Japanese prefecture official', () => {
  it('reads Vietnamese needs and offers tagged with their language and what Kizuna understood of them', async () => {
    const { context, page } = await newPage(browser, { locale: 'ja-JP' });
    await page.goto(`${server.url}/partners?for=JP-25`);
    await settled(page);
    await page.waitForSelector('.match');
    const viTexts = page.locator('.match [lang="vi"]');
    await expect.poll(() => viTexts.count()).toBeGreaterThan(0);
    // Each Vietnamese text carries a visible tag naming its language, in Japanese…
    const block = page
      .locator('.match .side-text')
      .filter({ has: page.locator('[lang="vi"]') })
      .first();
    expect(await block.locator('.lang-tag').textContent()).toBe(ja.langName.vi);
    // …and beside it the sectors Kizuna recognised, named in Japanese.
    const understood = (await block.locator('.understood').textContent()) ?? '';
    expect(understood.startsWith(ja.text.understood.split('{{')[0])).toBe(true);
    const japaneseSector = Object.keys(ja).length > 0 && /[\u3040-\u30ff\u4e00-\u9fff]/.test(understood);
    expect(japaneseSector).toBe(true);
    // The Japanese reader's own Japanese texts carry no tag.
    expect(await page.locator('.match .side-text:not(:has(.lang-tag))').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'atlas-partners-foreign-ja');
    await context.close();
  }, 90_000);

  it('finds a locality in the network picker by typing 滋賀 and sees only names, never codes', async () => {
    const { context, page } = await newPage(browser, { locale: 'ja-JP' });
    await page.goto(`${server.url}/network`);
    await settled(page);
    await page.fill('#n-locality', '滋賀');
    const option = page.locator('[role="option"]').first();
    await expect.poll(() => option.count()).toBe(1);
    expect(await page.locator('[role="listbox"]').textContent()).not.toMatch(/JP-\d{2}/);
    await page.press('#n-locality', 'Enter');
    await page.waitForURL((u) => u.searchParams.get('locality') === 'JP-25');
    await settled(page);
    expect(await page.locator('main h2').first().textContent()).toContain('滋賀県');
    await context.close();
  }, 90_000);

  it('sees statuses that follow the facts, what the sources say in Japanese, the English notes folded and marked', async () => {
    const { items } = await api<{ items: { id: string; signedOn: string; parties: { code: string }[] }[] }>(
      '/api/agreements?locality=VN-QUANG-NINH&limit=50',
    );
    const shiga = items.find(
      (a) => a.signedOn === '2017-10-20' && a.parties.some((p) => p.code === 'JP-25'),
    )!;
    const { context, page } = await newPage(browser, { locale: 'ja-JP' });
    await page.goto(`${server.url}/agreements/${shiga.id}`);
    await settled(page);
    expect(await page.locator('.badge').first().textContent()).toBe(ja.status.expired);
    // Each source says in Japanese what it states (an unofficial translation, marked); the
    // researcher's English note is one click away, labelled with its language.
    const note = page.locator('dl.facts details [lang="en"]').first();
    expect(await note.count()).toBe(1);
    expect(await note.isVisible()).toBe(false);
    const label = ja.text.researchNote.replace('{{lang}}', ja.langName.en);
    expect(await page.locator('dl.facts details summary').first().textContent()).toBe(label);
    const tags = await page.locator('dl.facts .lang-tag').allTextContents();
    expect(tags).toContain(ja.text.translation.unofficial);
    expect(await page.textContent('main')).not.toContain('agreements-seed.csv');
    // The browser tab names this agreement, not only "agreement".
    const title = await page.title();
    expect(title).toContain('滋賀県');
    // Every status of the filter returns something where the data has it.
    for (const status of ['in_force', 'expired', 'renewed']) {
      const { total } = await api<{ total: number }>(`/api/agreements?status=${status}&limit=1`);
      expect(total, status).toBeGreaterThan(0);
    }
    await page.goto(`${server.url}/agreements?status=expired`);
    await settled(page);
    expect(await page.locator('main li a[href^="/agreements/agr-"]').count()).toBeGreaterThan(0);
    expect(await page.title()).not.toBe(title);
    await context.close();
  }, 90_000);
});

describe('a Vietnamese provincial official', () => {
  it('creates an agreement by typing “Quảng Ninh” and “Toyama”, and is asked which Osaka is meant', async () => {
    const { context, page } = await newPage(browser, { locale: 'vi-VN' });
    await signIn(page, 'vi');
    await page.goto(`${server.url}/agreements/new`);
    await settled(page);
    await page.fill('#title-vi', 'Biên bản ghi nhớ hợp tác du lịch (e2e)');
    await page.fill('#party-0-code', 'Quảng Ninh');
    await page.fill('#party-1-code', 'Osaka');
    await page.locator('#party-1-code').blur();
    const which = page.locator('#party-1-code-which');
    await expect.poll(() => which.locator('button').count(), { timeout: 8000 }).toBe(2);
    expect(await which.textContent()).toContain(vi.picker.whichOne.split('“')[0]);
    await page.fill('#party-1-code', 'toyama');
    await page.click('form.editor button[type=submit]');
    await page.waitForURL((u) => /^\/agreements\/agr-/.test(u.pathname));
    await settled(page);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const saved = await api<{ parties: { code: string }[]; status: string }>(`/api/agreements/${id}`);
    expect(saved.parties.map((p) => p.code)).toEqual(['VN-QUANG-NINH', 'JP-16']);
    expect(saved.status).toBe('in_force');
    expect(await page.textContent('main')).toContain(agreementsVi.agreement.statusDerived);
    await context.close();
  }, 90_000);

  it('keeps the input across a reload, and a stale save shows the notice in view with the focus', async () => {
    const { items } = await api<{ items: { id: string }[] }>('/api/agreements?locality=VN-HA-TINH&limit=1');
    const id =
      items[0]?.id ?? (await api<{ items: { id: string }[] }>('/api/agreements?limit=1')).items[0].id;
    const { context, page } = await newPage(browser, { locale: 'vi-VN', width: 1280, height: 600 });
    await signIn(page, 'vi');
    await page.goto(`${server.url}/agreements/${id}/edit`);
    await settled(page);
    await page.fill('#note', 'ghi chú chưa lưu');
    await page.reload();
    await settled(page);
    await expect.poll(() => page.inputValue('#note')).toBe('ghi chú chưa lưu');
    expect(await page.locator('.notice[role="status"]').first().textContent()).toContain(vi.edit.restored);
    // Someone else saves meanwhile.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const current = await fetch(`${server.url}/api/agreements/${id}`);
    const other = await fetch(`${server.url}/api/agreements/${id}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        cookie,
        origin: server.url,
        'if-match': current.headers.get('etag') ?? '',
      },
      body: JSON.stringify({ kindDetail: 'changed by someone else' }),
    });
    expect(other.status).toBe(200);
    await page.locator('form.editor button[type=submit]').scrollIntoViewIfNeeded();
    await page.click('form.editor button[type=submit]');
    const notice = page.locator('.conflict');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain(vi.edit.conflict);
    expect(await notice.evaluate((n) => n === document.activeElement)).toBe(true);
    const box = (await notice.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    await notice.getByRole('button', { name: vi.edit.reload }).click();
    await expect.poll(() => page.locator('.conflict').count()).toBe(0);
    expect(await page.inputValue('#note')).toBe('ghi chú chưa lưu');
    expect(await page.inputValue('#kindDetail')).toBe('changed by someone else');
    await context.close();
  }, 90_000);

  it('has a compact header and readable network labels on a 375-pixel phone', async () => {
    const { context, page } = await newPage(browser, {
      locale: 'vi-VN',
      width: 375,
      height: 740,
      mobile: true,
    });
    await page.goto(`${server.url}/network`);
    await settled(page);
    const header = (await page.locator('.site-header').boundingBox())!;
    expect(header.height).toBeLessThan(740 / 6);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBe(0);
    const label = page.locator('.graph .node-label').nth(3);
    const px = await label.evaluate((el) => el.getBoundingClientRect().height);
    expect(px).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'atlas-network-phone-vi');
    await context.close();
  }, 90_000);
});

// The audit-log test reads the account the test before it created: they run in order.
describe('an admin', { shuffle: false }, () => {
  it('chooses scopes from real records, sees names not codes, and cannot disable their own account', async () => {
    const { context, page } = await newPage(browser, {
      locale: 'en-GB',
      width: 375,
      height: 740,
      mobile: true,
    });
    await signIn(page, 'en');
    await page.goto(`${server.url}/admin/users`);
    await settled(page);
    await page.fill('#nu-email', 'scoped-editor@example.org');
    await page.fill('#nu-scopes', 'Da Nang');
    const option = page.locator('[role="option"]').first();
    await expect.poll(() => option.count()).toBe(1);
    await option.dispatchEvent('mousedown');
    await expect.poll(() => page.locator('form .chips li').count()).toBe(1);
    await expect
      .poll(() => page.locator('form .chips li').textContent(), { timeout: 8000 })
      .toContain('Da Nang');
    await page.click('form.form button[type=submit]');
    await expect.poll(() => page.locator('.notice code').count()).toBe(1);
    const users = await (
      await fetch(`${server.url}/api/users?limit=200`, {
        headers: {
          cookie: (
            await fetch(`${server.url}/api/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(admin),
            })
          ).headers
            .getSetCookie()
            .map((c) => c.split(';')[0])
            .join('; '),
        },
      })
    ).json();
    const created = users.items.find((u: { email: string }) => u.email === 'scoped-editor@example.org');
    expect(created.scopes).toEqual(['VN-DA-NANG']);
    const table = page.locator('table');
    expect(await table.textContent()).not.toMatch(/VN-DA-NANG|JP-\d{2}/);
    // The accounts table scrolls in its frame; the page does not.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBe(0);
    // Own row: no disable button, said why.
    const own = page.locator('tr').filter({ hasText: admin.email });
    expect(await own.getByRole('button', { name: en.users.disable }).count()).toBe(0);
    expect(await own.textContent()).toContain(adminEn.users.self);
    // The server refuses it too.
    const me = users.items.find((u: { email: string }) => u.email === admin.email);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const self = await fetch(`${server.url}/api/users/${me.id}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        cookie,
        origin: server.url,
        'if-match': `"${me.version}"`,
      },
      body: JSON.stringify({ disabled: true }),
    });
    expect(self.status).toBe(400);
    expect((await self.json()).errors[0].code).toBe('self_disable');
    await page.goto(`${server.url}/account`);
    await settled(page);
    expect(await page.textContent('main')).not.toMatch(/VN-[A-Z]|JP-\d{2}/);
    await context.close();
  }, 90_000);

  it('reads an audit log with names, labelled fields and one entry for the reference data', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page, 'en');
    await page.goto(`${server.url}/admin/audit`);
    await settled(page);
    // The reference load is one entry; the only other system entries are the accounts made with
    // `kizuna user add` (no one is signed in on the command line).
    const entries = page.locator('.audit-entry');
    const system = entries.filter({ hasText: adminEn.audit.system });
    const kinds = await system.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(kinds.filter((k) => k.includes(adminEn.audit.referenceData))).toHaveLength(1);
    expect(
      kinds.filter((k) => !k.includes(adminEn.audit.referenceData) && !k.includes(adminEn.entity.user)),
    ).toEqual([]);
    await page.goto(`${server.url}/admin/audit?entityType=user`);
    await settled(page);
    const entry = page.locator('.audit-entry').first();
    expect(await entry.textContent()).not.toMatch(/\buser-[0-9a-f-]{8,}/);
    await entry.locator('summary').click();
    const headers = await entry.locator('table.diff tbody th').allTextContents();
    expect(headers).toContain(en.users.scopes);
    expect(await entry.locator('table.diff').textContent()).not.toContain('["');
    expect(await axe(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it('sees a focus ring of at least 3:1 and gets a title column in the agreements CSV', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await page.goto(`${server.url}/agreements`);
    await settled(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return getComputedStyle(el).outlineColor;
    });
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(contrast(rgb(ring), rgb(bg))).toBeGreaterThanOrEqual(3);
    const csv = await (await fetch(`${server.url}/api/agreements?format=csv&limit=5`)).text();
    const header = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]
      .split(',');
    expect(header).toContain('title');
    expect(sectorLabel('environment.water', 'ja')).toBeTruthy();
    await context.close();
  }, 90_000);
});
