import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTORS } from '../../src/domain/sectors.ts';
import partnersEn from '../../web/src/features/profiles/i18n/en.json' with { type: 'json' };
import partnersJa from '../../web/src/features/profiles/i18n/ja.json' with { type: 'json' };
import partnersVi from '../../web/src/features/profiles/i18n/vi.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import ja from '../../web/src/i18n/ja.json' with { type: 'json' };
import vi from '../../web/src/i18n/vi.json' with { type: 'json' };
import { axe, launchBrowser, newPage, screenshot, settled, startServer, type TestServer } from './harness.ts';

const FOR = 'VN-QUANG-NINH';
let server: TestServer;
let browser: Browser;
let editor: { email: string; password: string };

/** An editor scoped to one locality, made as an operator would: `kizuna user add`, then a password change. */
async function createEditor(email: string, scope: string) {
  const out = await server.kizuna(['user', 'add', email, '--role', 'editor', '--scope', scope]);
  const oneTime = out.match(/^password:\s*(\S+)/m)?.[1];
  if (!oneTime) throw new Error(`no password in: ${out}`);
  const cookie = await apiLogin(email, oneTime);
  const password = `e2e-${Math.random().toString(36).slice(2)}-long-password`;
  const change = await fetch(`${server.url}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: server.url },
    body: JSON.stringify({ currentPassword: oneTime, newPassword: password }),
  });
  if (!change.ok) throw new Error(`password change ${change.status}: ${await change.text()}`);
  return { email, password };
}

async function apiLogin(email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${res.status}: ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  editor = await createEditor('qn-editor@example.org', FOR);
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page) {
  await page.goto(`${server.url}/signin`);
  await page.fill('#si-email', editor.email);
  await page.fill('#si-password', editor.password);
  await page.click('form button[type=submit]');
  await page.waitForURL(`${server.url}/`);
  await settled(page);
}

/** The partners listed, as the hrefs of their names. */
const partnerLinks = (page: Page) =>
  page.locator('.match h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

describe('finding partners', () => {
  it('ranks partners in vi, ja and en, with the need and the offer marked and the sector named', async () => {
    for (const [locale, lang, cat, own] of [
      ['vi-VN', 'vi', vi, partnersVi],
      ['ja-JP', 'ja', ja, partnersJa],
      ['en-GB', 'en', en, partnersEn],
    ] as const) {
      const { context, page } = await newPage(browser, { locale });
      await page.goto(`${server.url}/partners?for=${FOR}`);
      await settled(page);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.textContent('h1')).toBe(own.partners.title);
      expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe(cat.nav.partners);
      expect(await page.locator('.match').count()).toBeGreaterThan(0);
      // A starting profile says so, and on what it rests; once its editor has saved it (the
      // editing tests below may run first, in shuffled order), it no longer does.
      const { starter, basisTranslations } = (await (
        await fetch(`${server.url}/api/profiles/${FOR}`)
      ).json()) as {
        starter: boolean;
        basisTranslations: Partial<Record<'vi' | 'ja' | 'en', string>>;
      };
      // The basis was written in English; a reader of another language reads its translation, marked.
      if (starter && lang === 'en') expect(await page.locator('.starter').textContent()).toContain('Ha Long');
      else if (starter) {
        expect(await page.locator('.starter').textContent()).toContain(basisTranslations[lang]);
        expect(await page.locator('.starter .lang-tag').textContent()).toBe(cat.text.translation.unofficial);
      } else expect(await page.locator('.starter').count()).toBe(0);
      const first = page.locator('.match').first();
      expect(await first.locator('.side.need mark').count()).toBeGreaterThan(0);
      expect(await first.locator('.side.offer mark').count()).toBeGreaterThan(0);
      expect(await first.locator('.score').textContent()).toMatch(/\d+\s?%/);
      const labels = new Set<string>(SECTORS.map((s) => s.label[lang]));
      const sectors = await first.locator('.reason-sector').allTextContents();
      expect(sectors.length).toBeGreaterThan(0);
      for (const s of sectors) expect(labels.has(s)).toBe(true);
      // A Japanese offer is tagged as Japanese whatever the interface language.
      // (In another language than the reader's the text's own element carries it, beside its tag.)
      expect(
        await page
          .locator('.match .side.offer .side-text[lang="ja"], .match .side.offer .side-text [lang="ja"]')
          .count(),
      ).toBeGreaterThan(0);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `partners-${lang}`);
      await context.close();
    }
  }, 60_000);

  it('filters by country and sector, and says so when nothing matches or no profile exists', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await page.goto(`${server.url}/partners?for=${FOR}`);
    await settled(page);
    const all = await partnerLinks(page);
    expect(all.length).toBeGreaterThan(1);

    await page.selectOption('#p-sector', 'energy');
    await page.waitForURL(/sector=energy/);
    await settled(page);
    const energy = await partnerLinks(page);
    expect(energy.length).toBeGreaterThan(0);
    expect(energy).not.toEqual(all);
    expect(await page.locator('.reason-sector').allTextContents()).toContain(
      SECTORS.find((s) => s.code === 'energy')?.label.en,
    );

    await page.selectOption('#p-sector', '');
    await page.selectOption('#p-country', 'VN');
    await page.waitForURL((u) => u.searchParams.get('country') === 'VN' && !u.searchParams.has('sector'));
    await settled(page);
    expect(await page.locator('.match').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain(partnersEn.partners.none);
    await page.selectOption('#p-country', 'JP');
    await settled(page);
    expect(await partnerLinks(page)).toEqual(all);

    await page.check('#p-partners');
    await page.waitForURL(/partners=1/);
    await settled(page);
    expect(await page.locator('.match').count()).toBeGreaterThan(0);

    // Choosing by name in the search box puts the code in the URL.
    await page.goto(`${server.url}/partners`);
    await settled(page);
    expect(await page.locator('main').textContent()).toContain(partnersEn.partners.choose);
    await page.fill('#p-for', 'Nagasaki');
    await page.waitForTimeout(600);
    await page.click('form.partner-filters button[type=submit]');
    await page.waitForURL((u) => u.searchParams.get('for')?.startsWith('JP-42') === true);
    await settled(page);
    expect(await page.locator('.match').count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/partners?for=NOWHERE-1`);
    await settled(page);
    expect(await page.locator('main .notice').textContent()).toContain(
      partnersEn.partners.noProfile.replace('{{id}}', 'NOWHERE-1'),
    );
    await context.close();
  }, 60_000);

  it('offers to create a missing profile only to a reader who may write it', async () => {
    // An organisation of the editor's locality and one of another locality, neither with a profile.
    const cookie = await apiLogin(editor.email, editor.password);
    const created = await fetch(`${server.url}/api/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify({
        kind: 'association',
        name: { ja: 'クアンニン日越交流会（e2e）' },
        localityCode: FOR,
      }),
    });
    expect(created.status).toBe(201);
    const mine = ((await created.json()) as { id: string }).id;
    const list = (await (await fetch(`${server.url}/api/organizations?country=JP&limit=50`)).json()) as {
      items: { id: string }[];
    };
    let other: string | undefined;
    for (const { id } of list.items)
      if ((await fetch(`${server.url}/api/profiles/${encodeURIComponent(id)}`)).status === 404) {
        other = id;
        break;
      }
    expect(other).toBeDefined();

    const { context, page } = await newPage(browser, { locale: 'ja-JP' });
    const createLink = () => page.getByRole('link', { name: partnersJa.partners.createProfile });
    // A visitor is told there is no profile, and is offered nothing to write.
    await page.goto(`${server.url}/partners?for=${mine}`);
    await settled(page);
    expect(await page.locator('main .notice').textContent()).toContain(
      partnersJa.partners.noProfile.replace('{{id}}', mine),
    );
    expect(await createLink().count()).toBe(0);
    // The editor of Quảng Ninh may create its organisation's profile, not another locality's.
    await signIn(page);
    const otherId = encodeURIComponent(other ?? '');
    // The answer that decides (the owner's actions) is in before the link is looked for.
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/organizations/${otherId}`),
      page.goto(`${server.url}/partners?for=${otherId}`),
    ]);
    await settled(page);
    await page.locator('main .notice').waitFor();
    expect(await createLink().count()).toBe(0);
    await page.goto(`${server.url}/partners?for=${mine}`);
    await settled(page);
    await createLink().click();
    await page.waitForURL(`${server.url}/profiles/${mine}/edit`);
    await settled(page);
    expect(await page.textContent('h1')).toBe(ja.profile.create);
    await context.close();
  }, 60_000);

  it('fits a phone and works with the keyboard', async () => {
    const { context, page } = await newPage(browser, {
      locale: 'vi-VN',
      width: 375,
      height: 800,
      mobile: true,
    });
    await page.goto(`${server.url}/partners?for=${FOR}`);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'partners-phone-vi');
    // The filters follow each other in tab order; further reasons open from the keyboard.
    await page.focus('#p-sector');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-country');
    const more = page.locator('.more-reasons').first();
    await more.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await more.getAttribute('open')).not.toBeNull();
    expect(await more.locator('.reason').count()).toBeGreaterThan(0);
    await context.close();
  }, 30_000);
});

// These edit one profile in turn (its starter note first, then a stale save): they run in order.
describe('editing a partner profile', { shuffle: false }, () => {
  it('lets an editor of the locality add a need, and the partners page shows it', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page);
    await page.goto(`${server.url}/localities/${FOR}`);
    await settled(page);
    expect(await page.locator('.profile .starter').count()).toBe(1);
    expect(await page.locator(`a[href="/partners?for=${FOR}"]`).textContent()).toBe(
      en.profile.findFor.replace('{{name}}', 'Quang Ninh'),
    );
    await page.getByRole('link', { name: en.profile.edit }).click();
    await page.waitForURL(`${server.url}/profiles/${FOR}/edit`);
    await settled(page);
    await page.waitForSelector('#need-0');
    const needs = await page.locator('textarea[id^="need-"]').count();

    // Live validation with the shared schema: at most five priority fields.
    const boxes = page.locator('fieldset.group .checks input[type=checkbox]:not(:checked)');
    for (let i = 0; i < 4; i++) await boxes.first().check();
    await expect
      .poll(() => page.locator('#sectors-err').textContent())
      .toBe(en.validation.tooMany.replace('{{n}}', '5'));
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'profile-edit-en');
    await page.locator('fieldset.group .checks input[type=checkbox]:checked').first().uncheck();
    await expect.poll(() => page.locator('#sectors-err').count()).toBe(0);

    await page.getByRole('button', { name: partnersEn.profile.addNeed }).click();
    const need = 'Đào tạo điều dưỡng viên và chăm sóc người cao tuổi';
    await page.fill(`#need-${needs}`, need);
    await page.click('form.editor button[type=submit]');
    await page.waitForURL(`${server.url}/partners?for=${FOR}`);
    await settled(page);
    expect(await page.locator('.profile').textContent()).toContain(need);
    // An editor's own profile is no longer a starting one.
    expect(await page.locator('.starter').count()).toBe(0);
    // The profile's Edit link is for those who may edit it: here, yes; on another locality's, no.
    await expect.poll(() => page.locator(`section.profile a[href="/profiles/${FOR}/edit"]`).count()).toBe(1);
    await page.goto(`${server.url}/partners?for=VN-HANOI`);
    await settled(page);
    await page.waitForSelector('.match');
    expect(await page.locator('section.profile a[href$="/edit"]').count()).toBe(0);

    // The form fits a phone too.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/profiles/${FOR}/edit`);
    await settled(page);
    await page.waitForSelector('#need-0');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'profile-edit-phone-en');
    await context.close();
  }, 60_000);

  it('creates the first profile of an organisation, refusing an empty one', async () => {
    const cookie = await apiLogin(editor.email, editor.password);
    const created = await fetch(`${server.url}/api/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify({
        kind: 'company',
        name: { vi: 'Công ty Thủy sản Hạ Long (e2e)' },
        localityCode: FOR,
      }),
    });
    expect(created.status).toBe(201);
    const org = (await created.json()) as { id: string };

    const { context, page } = await newPage(browser, { locale: 'vi-VN' });
    await signIn(page);
    await page.goto(`${server.url}/organizations/${org.id}`);
    await settled(page);
    expect(await page.locator('.profile').textContent()).toContain(vi.profile.none);
    await page.getByRole('link', { name: vi.profile.create }).click();
    await page.waitForURL(`${server.url}/profiles/${org.id}/edit`);
    await settled(page);
    await page.waitForSelector('#offer-0');
    expect(await page.textContent('h1')).toBe(vi.profile.create);
    await page.click('form.editor button[type=submit]');
    expect(await page.locator('#offers-group-err').textContent()).toBe(vi.validation.offerOrNeed);
    await page.fill('#offer-0', 'Nuôi trồng thủy sản và chế biến hải sản');
    await page.fill('#need-0', '水産加工の技術協力と販路開拓');
    await page.click('form.editor button[type=submit]');
    await page.waitForURL(`${server.url}/partners?for=${org.id}`);
    await settled(page);
    expect(await page.locator('.profile').textContent()).toContain('Nuôi trồng thủy sản');
    expect(await page.locator('.profile [lang="ja"]').textContent()).toBe('水産加工の技術協力と販路開拓');
    await screenshot(page, 'partners-new-org-vi');
    await context.close();
  }, 60_000);

  it('refuses a stale save with the message and offers to reload', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page);
    await page.goto(`${server.url}/profiles/${FOR}/edit`);
    await settled(page);
    await page.waitForSelector('#offer-0');

    // Someone else saves first, through the API.
    const cookie = await apiLogin(editor.email, editor.password);
    const current = await fetch(`${server.url}/api/profiles/${FOR}`);
    const profile = (await current.json()) as { offers: string[]; needs: string[]; priorities: string[] };
    const res = await fetch(`${server.url}/api/profiles/${FOR}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        cookie,
        origin: server.url,
        'if-match': current.headers.get('etag') ?? '',
      },
      body: JSON.stringify({
        offers: [...profile.offers, 'Saved by someone else first'],
        needs: profile.needs,
        priorities: profile.priorities,
      }),
    });
    expect(res.status).toBe(200);

    await page.fill('#offer-0', 'My late change');
    await page.click('form.editor button[type=submit]');
    const notice = page.locator('.conflict');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain(en.edit.conflict);
    expect(await page.inputValue('#offer-0')).toBe('My late change');
    await screenshot(page, 'profile-stale-en');
    await notice.getByRole('button', { name: en.edit.reload }).click();
    await expect
      .poll(() =>
        page
          .locator('textarea[id^="offer-"]')
          .evaluateAll((ts) => ts.map((t) => (t as HTMLTextAreaElement).value)),
      )
      .toContain('Saved by someone else first');
    await context.close();
  }, 60_000);
});
