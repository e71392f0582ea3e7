import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import accountsEn from '../../web/src/features/accounts/i18n/en.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
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

let server: TestServer;
let browser: Browser;
let admin: { email: string; password: string };
let agreementId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await createAdmin(server, 'admin@example.org');
  const list = (await (await fetch(`${server.url}/api/agreements?locality=VN-DA-NANG&limit=5`)).json()) as {
    items: { id: string }[];
  };
  agreementId = list.items[0].id;
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, locale = 'en') {
  await page.goto(`${server.url}/signin`);
  await page.fill('#si-email', admin.email);
  await page.fill('#si-password', admin.password);
  await page.click('form button[type=submit]');
  await page.waitForURL(`${server.url}/`);
  await settled(page);
  expect(await page.getAttribute('html', 'lang')).toBe(locale);
}

/** A second writer, through the API as any client would: sign in, read the ETag, PATCH. */
async function patchBehindTheBrowsersBack(id: string, body: unknown) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const current = await fetch(`${server.url}/api/agreements/${id}`, { headers: { cookie } });
  const res = await fetch(`${server.url}/api/agreements/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie, 'if-match': current.headers.get('etag') ?? '' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

describe('editing', () => {
  it('signs in, edits an agreement with live validation, and shows the change and its audit entry', async () => {
    const read = async () => (await fetch(`${server.url}/api/agreements/${agreementId}`)).json();
    const before = await read();
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page);
    await page.goto(`${server.url}/agreements/${agreementId}/edit`);
    await settled(page);
    await page.waitForSelector('#title-en');

    // Validation as you type, with the shared zod schema.
    await page.fill('#signedOn', '2019-13');
    await expect.poll(() => page.locator('#signedOn-err').textContent()).toBe(en.validation.realDate);
    expect(await page.getAttribute('#signedOn', 'aria-invalid')).toBe('true');
    await page.fill('#signedOn', '2019-10');
    await expect.poll(() => page.locator('#signedOn-err').count()).toBe(0);

    await page.fill('#title-en', 'Da Nang human resources memorandum (e2e)');
    // The title's languages say whether they are translations, as the record does.
    for (const l of ['vi', 'ja', 'en'] as const)
      expect(await page.inputValue(`#title-mark-${l}`)).toBe(before.title.translation?.[l] ?? '');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'agreement-edit-en');
    await page.click('form.editor button[type=submit]');
    await page.waitForURL(`${server.url}/agreements/${agreementId}`);
    await settled(page);
    expect(await page.textContent('h1')).toBe('Da Nang human resources memorandum (e2e)');
    expect(await page.locator('dl.facts time').first().textContent()).toBe('October 2019');
    // Only what was edited changed: fields, document type and the parties' notes are intact.
    const after = await read();
    expect(after.signedOn).toBe('2019-10');
    expect(after.title.translation ?? {}).toEqual(before.title.translation ?? {});
    expect(after).toMatchObject({
      fields: before.fields,
      kindDetail: before.kindDetail,
      parties: before.parties,
      sources: before.sources,
    });

    await page.goto(`${server.url}/admin/audit?entityType=agreement`);
    await settled(page);
    const entry = page.locator('.audit-entry').first();
    expect(await entry.textContent()).toContain(en.audit.action.update);
    expect(await entry.locator(`a[href="/agreements/${agreementId}"]`).count()).toBe(1);
    await entry.locator('summary').click();
    expect(await entry.locator('table.diff').textContent()).toContain('e2e');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'audit-en');
    await context.close();
  }, 90_000);

  it('shows the server problem next to the field it concerns', async () => {
    const { context, page } = await newPage(browser, { locale: 'vi-VN' });
    await signIn(page, 'vi');
    await page.goto(`${server.url}/agreements/${agreementId}/edit`);
    await settled(page);
    await page.waitForSelector('#party-1-code');
    await page.fill('#party-1-code', 'VN-NOWHERE');
    await page.click('form.editor button[type=submit]');
    const fieldError = page.locator('#party-1-code-err');
    await expect.poll(() => fieldError.textContent()).toBe(vi.validation.unknownReference);
    expect(await page.locator('form.editor .error[role=alert]').textContent()).toContain(
      vi.errors.reference.unknown,
    );
    await screenshot(page, 'agreement-edit-server-error-vi');
    await context.close();
  }, 90_000);

  it('refuses a stale edit with a message and offers to reload', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page);
    await page.goto(`${server.url}/agreements/${agreementId}/edit`);
    await settled(page);
    await page.waitForSelector('#note');

    await patchBehindTheBrowsersBack(agreementId, { note: 'saved by someone else first' });

    await page.fill('#note', 'my late change');
    await page.click('form.editor button[type=submit]');
    const notice = page.locator('.conflict');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain(en.edit.conflict);
    expect(page.url()).toContain('/edit');
    const stored = (await (await fetch(`${server.url}/api/agreements/${agreementId}`)).json()) as {
      note: string;
    };
    expect(stored.note).toBe('saved by someone else first');
    await screenshot(page, 'agreement-stale-en');

    // The notice is in view and has the focus; reloading keeps what the user typed.
    expect(await notice.evaluate((n) => n === document.activeElement)).toBe(true);
    expect(await notice.isVisible()).toBe(true);
    await notice.getByRole('button', { name: en.edit.reload }).click();
    await expect.poll(() => page.locator('.conflict').count()).toBe(0);
    expect(await page.inputValue('#note')).toBe('my late change');
    await page.fill('#note', 'my change, made again');
    await page.click('form.editor button[type=submit]');
    await page.waitForURL(`${server.url}/agreements/${agreementId}`);
    await settled(page);
    expect(await page.textContent('main')).toContain('my change, made again');
    await context.close();
  }, 90_000);

  it('lets an admin create an organisation and manage accounts', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page);
    await page.goto(`${server.url}/organizations/new`);
    await settled(page);
    await page.click('form.editor button[type=submit]');
    await expect.poll(() => page.locator('#name-group-err').textContent()).toBe(en.validation.nameRequired);
    await page.fill('#name-en', 'Da Nang e2e Association');
    await page.fill('#localityCode', 'VN-DA-NANG');
    await page.fill('#website', 'not a url');
    await expect.poll(() => page.locator('#website-err').count()).toBe(1);
    await page.fill('#website', 'https://example.org');
    await page.click('form.editor button[type=submit]');
    await page.waitForURL((u) => /^\/organizations\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'));
    await settled(page);
    expect(await page.textContent('h1')).toBe('Da Nang e2e Association');

    await page.goto(`${server.url}/admin/users`);
    await settled(page);
    await page.fill('#nu-email', 'editor@example.org');
    await page.fill('#nu-scopes', 'VN-DA-NANG');
    await page.click('form.form button[type=submit]');
    await expect.poll(() => page.locator('.notice code').count()).toBe(1);
    await expect.poll(() => page.locator('table').textContent()).toContain('editor@example.org');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'users-en');

    const oneTime = (await page.locator('.notice code').textContent()) ?? '';
    await page.getByRole('button', { name: en.nav.signOut }).click();
    await page.waitForURL(`${server.url}/`);

    // The new editor's first sign-in leads to the password change.
    await page.goto(`${server.url}/signin`);
    await page.fill('#si-email', 'editor@example.org');
    await page.fill('#si-password', oneTime);
    await page.click('form button[type=submit]');
    await page.waitForURL(`${server.url}/account`);
    await settled(page);
    expect(await page.locator('.notice').textContent()).toBe(accountsEn.account.mustChange);
    expect(await axe(page)).toEqual([]);
    await page.fill('#pw-current', oneTime);
    await page.fill('#pw-new', 'short');
    expect(await page.getAttribute('#pw-new', 'aria-invalid')).toBe('true');
    await page.fill('#pw-new', 'a-long-enough-password');
    await page.fill('#pw-confirm', 'a-long-enough-password');
    await page.click('form.form button[type=submit]');
    await expect.poll(() => page.locator('.success').count()).toBe(1);
    await expect.poll(() => page.locator('.notice').count()).toBe(0);
    await screenshot(page, 'account-en');
    await context.close();
  }, 90_000);
});
