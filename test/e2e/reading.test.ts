import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import accountsEn from '../../web/src/features/accounts/i18n/en.json' with { type: 'json' };
import adminEn from '../../web/src/features/admin/i18n/en.json' with { type: 'json' };
import agreementsEn from '../../web/src/features/agreements/i18n/en.json' with { type: 'json' };
import atlasEn from '../../web/src/features/atlas/i18n/en.json' with { type: 'json' };
import atlasJa from '../../web/src/features/atlas/i18n/ja.json' with { type: 'json' };
import atlasVi from '../../web/src/features/atlas/i18n/vi.json' with { type: 'json' };
import localitiesEn from '../../web/src/features/localities/i18n/en.json' with { type: 'json' };
import organizationsEn from '../../web/src/features/organizations/i18n/en.json' with { type: 'json' };
import partnersEn from '../../web/src/features/profiles/i18n/en.json' with { type: 'json' };
import partnersJa from '../../web/src/features/profiles/i18n/ja.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import ja from '../../web/src/i18n/ja.json' with { type: 'json' };
import vi from '../../web/src/i18n/vi.json' with { type: 'json' };
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

const getJson = async <T>(path: string): Promise<T> =>
  (await fetch(`${server.url}${path}`)).json() as Promise<T>;

async function open(path: string, opts: Parameters<typeof newPage>[1] = {}) {
  const { context, page } = await newPage(browser, opts);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${path}`);
  await settled(page);
  return { context, page, errors };
}

/** A few longer texts of a catalogue (as they would appear in a bundle). */
function sample(cat: object): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.length > 20 && !v.includes('{{')) out.push(v);
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(cat);
  return out.slice(0, 5);
}

describe('reading the data', () => {
  const langs = [
    ['vi', 'vi-VN', { ...vi, ...atlasVi }],
    ['ja', 'ja-JP', { ...ja, ...atlasJa }],
    ['en', 'en-GB', { ...en, ...atlasEn }],
  ] as const;

  for (const [lang, locale, texts] of langs) {
    it(`shows the home page in ${lang}, following the browser's language`, async () => {
      const stats = await getJson<{ agreements: number; recent: unknown[]; byYear: unknown[] }>('/api/stats');
      const { context, page, errors } = await open('/', { locale });
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expect.poll(() => page.textContent('h1')).toBe(texts.home.title);
      const first = await page.textContent('.counts li strong');
      expect(first).toBe(new Intl.NumberFormat(locale).format(stats.agreements));
      expect(await page.locator('.bar-list li').count()).toBeGreaterThan(3);
      expect(await page.locator('.year-chart rect').count()).toBeGreaterThanOrEqual(stats.byYear.length);
      expect(await page.locator('main .agreement-item').count()).toBe(stats.recent.length);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await screenshot(page, `home-${lang}`);
      await context.close();
    }, 90_000);
  }

  it('shows a Japanese reader the Vietnamese texts in Japanese where a translation exists, marked, the original folded', async () => {
    const hanoi = await getJson<{ offers: string[]; translations: { ja: { offers: string[] } } }>(
      '/api/profiles/VN-HANOI',
    );
    const { context, page, errors } = await open('/partners?for=VN-HANOI', { locale: 'ja-JP' });
    const first = page.locator('.profile-texts li').first();
    await expect.poll(() => first.textContent()).toContain(hanoi.translations.ja.offers[0]);
    expect(await first.locator('.lang-tag').textContent()).toBe(ja.text.translation.unofficial);
    expect(await first.locator('span[lang="ja"]').textContent()).toBe(hanoi.translations.ja.offers[0]);
    // The original is one click away, in its own language.
    await first.locator('summary').click();
    expect(await first.locator('span[lang="vi"]').textContent()).toBe(hanoi.offers[0]);
    expect(await axe(page)).toEqual([]);

    const list = await getJson<{
      items: { id: string; title: { ja?: string }; sources: { summary?: { ja?: string } }[] }[];
    }>('/api/agreements?limit=20');
    const agreement = list.items.find((a) => a.title.ja && a.sources.some((s) => s.summary?.ja))!;
    await page.goto(`${server.url}/agreements/${encodeURIComponent(agreement.id)}`);
    await settled(page);
    await expect.poll(() => page.textContent('h1')).toContain(agreement.title.ja!);
    expect(await page.locator('h1 .lang-tag').textContent()).toBe(ja.text.translation.unofficial);
    const summary = agreement.sources.find((s) => s.summary?.ja)!.summary!.ja!;
    await expect.poll(() => page.locator('main').textContent()).toContain(summary);
    // The researcher's English note is folded away behind its label, not shown as the page's text.
    expect(await page.locator('main details summary', { hasText: '調査者のメモ' }).count()).toBeGreaterThan(
      0,
    );
    expect(await page.locator('main p:visible', { hasText: 'VERIFIED' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('loads the home page with under 250 KB of compressed JavaScript', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    const scripts: Promise<number>[] = [];
    const names: string[] = [];
    const bodies: Promise<string>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      names.push(new URL(res.url()).pathname);
      scripts.push(res.body().then((b) => gzipSync(b).length));
      bodies.push(res.body().then((b) => b.toString('utf8')));
    });
    await page.goto(server.url);
    await settled(page);
    const sizes = await Promise.all(scripts);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`home page JavaScript: ${sizes.length} files, ${(total / 1024).toFixed(1)} KB gzip`);
    expect(total).toBeLessThan(250 * 1024);
    // The map (geometry, d3-geo) and the forms (zod) are not part of the first load.
    expect(names.filter((n) => /MapPage|EditorChrome|EditPage/.test(n))).toEqual([]);
    // Feature texts come with their pages: the home page carries none of the partners page's,
    // the admin pages', the account pages' or the agreement, locality and organisation pages',
    // in any language; and the shared texts come in the language shown only.
    const code = (await Promise.all(bodies)).join('\n');
    for (const cat of [
      partnersEn,
      partnersJa,
      adminEn,
      accountsEn,
      agreementsEn,
      localitiesEn,
      organizationsEn,
    ])
      for (const text of sample(cat)) expect(code).not.toContain(text);
    for (const cat of [ja, vi]) for (const text of sample(cat)) expect(code).not.toContain(text);
    for (const text of sample(atlasEn)) expect(code).toContain(text);
    await context.close();
  }, 90_000);

  it('renders Japanese and Vietnamese with proper fonts from the stack', async () => {
    for (const [locale, pattern] of [
      ['ja-JP', /Noto Sans (CJK )?JP|Hiragino|Yu Gothic|Meiryo/],
      ['vi-VN', /Noto Sans|Segoe UI|Roboto|Helvetica|Arial/],
    ] as const) {
      const { context, page } = await open('/', { locale });
      // Ask Chromium which installed font actually drew the heading's glyphs.
      const cdp = await context.newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const main = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0];
      expect({ locale, font: main.familyName }).toEqual({ locale, font: expect.stringMatching(pattern) });
      await context.close();
    }
  }, 90_000);

  it('switches language, remembers it, and keeps <html lang> in step', async () => {
    const { context, page } = await open('/', { locale: 'en-GB' });
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ja');
    await expect.poll(() => page.textContent('h1')).toBe(atlasJa.home.title);
    await page.reload();
    await settled(page);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.textContent('h1')).toBe(atlasVi.home.title);
    await context.close();
  }, 90_000);

  it('finds Đà Nẵng when searching "da nang" in the agreements list', async () => {
    const { context, page } = await open('/agreements', { locale: 'vi-VN' });
    await page.fill('#f-q', 'da nang');
    await page.press('#f-q', 'Enter');
    await page.waitForURL(/q=da\+nang|q=da%20nang/);
    await settled(page);
    const items = page.locator('main .agreement-item');
    // The URL changes before the filtered page arrives: wait for the list to show the result.
    await expect.poll(() => items.first().textContent(), { timeout: 15_000 }).toContain('Đà Nẵng');
    expect(await items.count()).toBeGreaterThan(0);
    for (const text of await items.allTextContents()) expect(text).toContain('Đà Nẵng');
    const csv = await page.locator('a.csv-link').first().getAttribute('href');
    expect(csv).toContain('format=csv');
    expect(csv).toContain('q=da');
    const res = await fetch(`${server.url}${csv}`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await screenshot(page, 'agreements-search-vi');
    await context.close();
  }, 90_000);

  it('shows an agreement with its parties, date precision and sources', async () => {
    const list = await getJson<{ items: { id: string; signedOn: string; signedPrecision: string }[] }>(
      '/api/agreements?locality=VN-DA-NANG&limit=50',
    );
    const monthly = list.items.find((a) => a.signedPrecision === 'month');
    expect(monthly).toBeDefined();
    const { context, page } = await open(`/agreements/${monthly!.id}`, { locale: 'en-GB' });
    const [y, m] = monthly!.signedOn.split('-').map(Number);
    const expected = new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, 1)));
    expect(await page.locator('dl.facts time').first().textContent()).toBe(expected);
    expect(await page.locator('dl.facts a[href^="/localities/"]').count()).toBeGreaterThanOrEqual(1);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'agreement-detail-en');
    await context.close();
  }, 90_000);

  it('shows a locality with its partners and graph', async () => {
    const detail = await getJson<{ partners: { locality: { name: { en?: string } } }[] }>(
      '/api/localities/VN-DA-NANG',
    );
    const { context, page } = await open('/localities/VN-DA-NANG', { locale: 'en-GB' });
    expect(await page.textContent('h1')).toBe('Da Nang');
    const partners = page.locator('ul.partners li');
    expect(await partners.count()).toBe(detail.partners.length);
    expect(await partners.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(detail.partners[0].locality.name.en ?? '')]),
    );
    expect(await page.locator('.graph circle').count()).toBe(detail.partners.length + 1);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'locality-en');
    await context.close();
  }, 90_000);

  it("shows a locality's newest agreements and appends the rest on 'Show more'", async () => {
    // Ho Chi Minh City has more agreements in the reference data than the detail embeds.
    const detail = await getJson<{ agreements: { id: string }[]; agreementsTotal: number }>(
      '/api/localities/VN-HO-CHI-MINH-CITY',
    );
    expect(detail.agreementsTotal).toBeGreaterThan(detail.agreements.length);
    const { context, page } = await open('/localities/VN-HO-CHI-MINH-CITY', { locale: 'en-GB' });
    const section = page.locator('section[aria-labelledby="agreements-h"]');
    const cards = section.locator('li.card');
    expect(await cards.count()).toBe(detail.agreements.length);
    expect(await section.locator('.show-more p').textContent()).toBe(
      `Showing ${detail.agreements.length} of ${detail.agreementsTotal}.`,
    );
    expect(await axe(page)).toEqual([]);
    await section.getByRole('button', { name: 'Show more' }).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('section[aria-labelledby="agreements-h"] li.card').length === n,
      detail.agreementsTotal,
    );
    const ids = await cards.locator('h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(new Set(ids).size).toBe(detail.agreementsTotal);
    expect(await section.locator('.show-more').count()).toBe(0);
    await context.close();
  }, 90_000);

  it('draws every locality on the map and shows a pair on hover', async () => {
    const all = await getJson<{ total: number }>('/api/localities?limit=1');
    const { context, page, errors } = await open('/map', { locale: 'ja-JP' });
    await page.waitForSelector('svg.map circle[data-locality]');
    expect(await page.locator('svg.map circle[data-locality]').count()).toBe(all.total);
    expect(await page.locator('svg.map path.land').count()).toBe(2);
    const links = page.locator('svg.map path.link-hit');
    expect(await links.count()).toBeGreaterThan(0);
    // Hover the middle of a line, as a mouse would (its bounding box centre is off the curve).
    const at = await links.last().evaluate((el) => {
      const path = el as SVGPathElement;
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM()!;
      return { x: p.x * m.a + m.e, y: p.y * m.d + m.f };
    });
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('.map-detail h2').count()).toBe(1);
    expect(await page.locator('.map-detail h2').textContent()).toContain('–');
    expect(await page.locator('.map-detail li a').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'map-ja');
    await context.close();
  }, 90_000);

  it('draws the partner network of the country pair and of one locality', async () => {
    const { context, page } = await open('/network', { locale: 'en-GB' });
    const nodes = await page.locator('.graph circle').count();
    expect(nodes).toBeGreaterThan(10);
    expect(await page.locator('.graph line').count()).toBeGreaterThan(0);
    await screenshot(page, 'network-en');
    await page.fill('#n-locality', 'VN-DA-NANG');
    await page.press('#n-locality', 'Enter');
    await page.waitForURL(/locality=VN-DA-NANG/);
    await settled(page);
    const detail = await getJson<{ partners: unknown[] }>('/api/localities/VN-DA-NANG');
    expect(await page.locator('.graph circle').count()).toBe(detail.partners.length + 1);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'network-locality-en');
    await context.close();
  }, 90_000);

  it('passes axe on the other reading pages', async () => {
    const org = (await getJson<{ items: { id: string }[] }>('/api/organizations?limit=1')).items[0];
    const pages = [
      '/localities',
      '/organizations',
      `/organizations/${org.id}`,
      '/network',
      '/signin',
      '/nowhere',
    ];
    for (const path of pages) {
      const { context, page } = await open(path, { locale: 'vi-VN' });
      const violations = await axe(page);
      expect({ path, violations }).toEqual({ path, violations: [] });
      if (!['/signin', '/nowhere'].includes(path)) {
        // Every list and record page offers what it shows as CSV.
        expect({ path, csv: await page.locator('a.csv-link').count() }).not.toEqual({ path, csv: 0 });
      }
      const name = path.replace(/^\//, '').replace(/\/.*$/, '-detail') || 'home';
      await screenshot(page, `${name}-vi`);
      await context.close();
    }
  }, 90_000);

  it('works on a 375-pixel phone screen', async () => {
    for (const path of ['/', '/agreements', '/localities/VN-DA-NANG', '/map']) {
      const { context, page } = await open(path, { locale: 'ja-JP', width: 375, height: 740, mobile: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      if (path === '/map') {
        // Tapping a line shows the pair, as hovering does with a mouse.
        const line = page.locator('svg.map path.link-hit').last();
        await line.scrollIntoViewIfNeeded();
        const at = await line.evaluate((el) => {
          const p = (el as SVGPathElement).getPointAtLength((el as SVGPathElement).getTotalLength() / 2);
          const m = (el as SVGPathElement).getScreenCTM()!;
          return { x: p.x * m.a + m.e, y: p.y * m.d + m.f };
        });
        await page.touchscreen.tap(at.x, at.y);
        await expect.poll(() => page.locator('.map-detail h2').count()).toBe(1);
      }
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `phone${path.replace(/\//g, '-') || '-home'}`);
      await context.close();
    }
  }, 90_000);

  it('can be used with the keyboard alone', async () => {
    const { context, page } = await open('/', { locale: 'en-GB' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.nav.skip);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Tab into the first agreement link of the page and follow it with Enter.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      if (href?.startsWith('/agreements/')) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/agreements\/[^/]+$/);
    await settled(page);
    expect(await page.locator('dl.facts').count()).toBe(1);
    await context.close();
  }, 90_000);
});
