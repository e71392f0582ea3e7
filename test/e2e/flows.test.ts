import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import accountsEn from '../../web/src/features/accounts/i18n/en.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import { createAccount, launchBrowser, newPage, settled, startServer, type TestServer } from './harness.ts';

/**
 * What users do, checked by what the page shows afterwards (and what the API then holds):
 * creating an agreement, deleting a record, the controls an editor sees within their scope,
 * making and revoking an API token.
 */
let server: TestServer;
let browser: Browser;
let admin: { email: string; password: string };
let editor: { email: string; password: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await createAccount(server, 'flows-admin@example.org', 'admin');
  editor = await createAccount(server, 'flows-editor@example.org', 'editor', ['VN-HUE']);
}, 150_000);

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

/** A signed-in API client as `who`, for setting up records and checking what was stored. */
async function api(who: { email: string; password: string }) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        origin: server.url,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
}

describe('what users do', () => {
  it('creates an agreement: the new page shows it, and the list finds it', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page, admin);
    await page.goto(`${server.url}/agreements`);
    await settled(page);
    await page.getByRole('link', { name: en.edit.newAgreement }).click();
    await page.waitForURL(`${server.url}/agreements/new`);
    await settled(page);
    await page.fill('#title-en', 'Hue and Aomori memorandum on craft villages (flow)');
    await page.selectOption('#kind', 'mou');
    await page.fill('#signedOn', '2026-02');
    await page.fill('#party-0-code', 'VN-HUE');
    await page.fill('#party-1-code', 'JP-02');
    await page.click('form.editor button[type=submit]');
    await page.waitForURL((u) => /^\/agreements\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'));
    await settled(page);
    expect(await page.textContent('h1')).toBe('Hue and Aomori memorandum on craft villages (flow)');
    expect(await page.locator('dl.facts time').first().textContent()).toBe('February 2026');
    expect(await page.locator('main a[href="/localities/VN-HUE"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href="/localities/JP-02"]').count()).toBeGreaterThan(0);
    expect(await page.textContent('main')).toContain(en.agreementKind.mou);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const stored = await (await fetch(`${server.url}/api/agreements/${id}`)).json();
    expect(stored.parties.map((p: { code: string }) => p.code)).toEqual(['VN-HUE', 'JP-02']);

    await page.goto(`${server.url}/agreements?q=${encodeURIComponent('craft villages')}`);
    await settled(page);
    await expect
      .poll(() => page.locator(`a[href="/agreements/${encodeURIComponent(id)}"]`).count())
      .toBeGreaterThan(0);
    await context.close();
  }, 90_000);

  it('deletes a record after asking: the list no longer shows it and its page says not found', async () => {
    const call = await api(admin);
    const res = await call('/api/organizations', {
      method: 'POST',
      body: { kind: 'association', name: { en: 'Flow Deletion Club' }, localityCode: 'VN-HUE' },
    });
    expect(res.status).toBe(201);
    const org = await res.json();
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page, admin);
    await page.goto(`${server.url}/organizations/${encodeURIComponent(org.id)}/edit`);
    await settled(page);
    await page.getByRole('button', { name: en.edit.delete }).click();
    // Nothing is deleted before the confirmation.
    await expect.poll(() => page.getByText(en.edit.confirmDelete).count()).toBe(1);
    expect((await fetch(`${server.url}/api/organizations/${org.id}`)).status).toBe(200);
    await page.locator('button.danger', { hasText: en.edit.delete }).click();
    await page.waitForURL(`${server.url}/organizations`);
    await settled(page);
    expect((await fetch(`${server.url}/api/organizations/${org.id}`)).status).toBe(404);
    expect(await page.locator(`a[href="/organizations/${encodeURIComponent(org.id)}"]`).count()).toBe(0);
    await page.goto(`${server.url}/organizations/${encodeURIComponent(org.id)}`);
    await settled(page);
    expect(await page.textContent('main')).not.toContain('Flow Deletion Club');
    await context.close();
  }, 90_000);

  it('lets an editor change a record in their scope from its page', async () => {
    const call = await api(admin);
    const created = await call('/api/agreements', {
      method: 'POST',
      body: {
        kind: 'friendship',
        title: { en: 'Hue in-scope agreement (flow)' },
        parties: [
          { type: 'locality', code: 'VN-HUE' },
          { type: 'locality', code: 'JP-03' },
        ],
      },
    });
    expect(created.status).toBe(201);
    const mine = await created.json();
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page, editor);
    await page.goto(`${server.url}/agreements/${encodeURIComponent(mine.id)}`);
    await settled(page);
    const edit = page.locator(`main a[href="/agreements/${encodeURIComponent(mine.id)}/edit"]`);
    expect(await edit.textContent()).toBe(en.common.edit);
    await edit.click();
    await page.waitForURL(`${server.url}/agreements/${encodeURIComponent(mine.id)}/edit`);
    await settled(page);
    await page.waitForSelector('#note');
    await page.fill('#note', 'updated by the editor of Huế');
    await page.click('form.editor button[type=submit]');
    await page.waitForURL(`${server.url}/agreements/${encodeURIComponent(mine.id)}`);
    await settled(page);
    expect(await page.textContent('main')).toContain('updated by the editor of Huế');
    await context.close();
  }, 90_000);

  // The page shows Edit and Delete only when the answer's `actions` lists them (roles per record).
  it('shows an editor no Edit or Delete control on a record outside their scope', async () => {
    const call = await api(admin);
    const created = await call('/api/agreements', {
      method: 'POST',
      body: {
        kind: 'friendship',
        title: { en: 'Out-of-scope agreement (flow)' },
        parties: [
          { type: 'locality', code: 'VN-HANOI' },
          { type: 'locality', code: 'JP-04' },
        ],
      },
    });
    const theirs = await created.json();
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page, editor);
    await page.goto(`${server.url}/agreements/${encodeURIComponent(theirs.id)}`);
    await settled(page);
    expect(await page.textContent('h1')).toBe('Out-of-scope agreement (flow)');
    expect(await page.locator('main a[href$="/edit"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /delete/i }).count()).toBe(0);
    await page.goto(`${server.url}/organizations/org-osaka-city-construction-bureau`);
    await settled(page);
    expect(await page.locator('main a[href$="/edit"]').count()).toBe(0);
    // The same editor sees Edit on a record in scope: the controls follow the record, not the page.
    const inScope = await call('/api/agreements', {
      method: 'POST',
      body: {
        kind: 'friendship',
        title: { en: 'In-scope agreement (flow)' },
        parties: [
          { type: 'locality', code: 'VN-HUE' },
          { type: 'locality', code: 'JP-04' },
        ],
      },
    });
    const ours = await inScope.json();
    await page.goto(`${server.url}/agreements/${encodeURIComponent(ours.id)}`);
    await settled(page);
    await expect.poll(() => page.locator('main a[href$="/edit"]').count()).toBe(1);
    await context.close();
  }, 90_000);

  it('creates an API token, shows its secret once, and revokes it', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page, editor);
    await page.goto(`${server.url}/account`);
    await settled(page);
    await page.getByRole('link', { name: accountsEn.tabs.tokens }).click();
    await page.waitForURL(`${server.url}/account/tokens`);
    await settled(page);
    expect(await page.textContent('h1')).toBe(accountsEn.tokens.title);

    // A name is required: the server's problem lands on the field, nothing is made.
    await page.click('form button[type=submit]');
    await expect.poll(() => page.locator('#tok-name[aria-invalid=true]').count()).toBe(1);
    expect(await page.locator('#tok-secret').count()).toBe(0);

    await page.fill('#tok-name', 'nightly export (flow)');
    await page.selectOption('#tok-scope', 'read');
    await page.fill('#tok-days', '30');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#tok-secret');
    const secret = (await page.textContent('#tok-secret'))?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(20);
    const row = page.locator('tr', { hasText: 'nightly export (flow)' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(accountsEn.tokens.scopes.read);
    expect(await row.textContent()).toContain(accountsEn.tokens.states.active);

    // The secret works, as a read token: it reads, and may not write.
    const bearer = { authorization: `Bearer ${secret}` };
    const mine = await fetch(`${server.url}/api/tokens`, { headers: bearer });
    expect(mine.status).toBe(200);
    const listed = (await mine.json()) as { items: { name: string; expiresAt: string }[] };
    const made = listed.items.find((i) => i.name === 'nightly export (flow)');
    expect(made).toBeDefined();
    const days = (Date.parse(made!.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
    const write = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'not allowed' }),
    });
    expect(write.status).toBe(403);

    // Shown once: hidden on request, and gone after leaving the page and coming back.
    await page.getByRole('button', { name: accountsEn.tokens.hide }).click();
    expect(await page.locator('#tok-secret').count()).toBe(0);
    await page.getByRole('link', { name: accountsEn.tabs.password }).click();
    await page.waitForURL(`${server.url}/account`);
    await page.getByRole('link', { name: accountsEn.tabs.tokens }).click();
    await settled(page);
    expect(await page.textContent('body')).not.toContain(secret);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(secret);

    // Revoking asks first, then the row says so and the secret no longer opens the API.
    await row.getByRole('button', { name: accountsEn.tokens.revoke }).click();
    expect((await fetch(`${server.url}/api/tokens`, { headers: bearer })).status).toBe(200);
    await row.locator('button.danger').click();
    await expect.poll(() => row.textContent()).toContain(accountsEn.tokens.states.revoked);
    expect(await row.getByRole('button', { name: accountsEn.tokens.revoke }).count()).toBe(0);
    expect((await fetch(`${server.url}/api/tokens`, { headers: bearer })).status).toBe(401);

    await context.close();

    // On a phone, the page (its table included) does not scroll sideways.
    const phone = await newPage(browser, { locale: 'ja-JP', width: 375, height: 740, mobile: true });
    await signIn(phone.page, editor);
    await phone.page.goto(`${server.url}/account/tokens`);
    await settled(phone.page);
    await expect.poll(() => phone.page.locator('tr', { hasText: 'nightly export (flow)' }).count()).toBe(1);
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBe(0);
    await phone.context.close();
  }, 90_000);
});
