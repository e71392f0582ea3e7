import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORUM_CATALOGS } from '../../web/src/features/forums/catalogs.ts';
import en from '../../web/src/features/forums/organiser/i18n/en.json' with { type: 'json' };
import ja from '../../web/src/features/forums/organiser/i18n/ja.json' with { type: 'json' };
import vi from '../../web/src/features/forums/organiser/i18n/vi.json' with { type: 'json' };
import { startSmtp } from '../support/smtp.ts';
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

// The organiser's pages in a real browser against a real server whose mail goes to a real SMTP
// server in this test: an admin creates a forum and names its organiser; the organiser (on a
// 375-pixel phone) writes the programme, meets a room clash at its field, publishes release 1,
// moves a session, publishes release 2 and sees it listed as moved; the speaker's notice arrives
// in Japanese. Then axe reads every new page in vi, ja and en.

let server: TestServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let admin: { email: string; password: string };
let organiser: { email: string; password: string };
let second: { email: string; password: string };
const FORUM = 'e2e-organised';
const SPEAKER = 'yamada@example.jp';

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  try {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  } finally {
    delete process.env.SMTP_URL;
  }
  admin = await createAdmin(server, 'forum-admin@example.org');
  organiser = await createAccount(server, 'organiser@example.org', 'editor', ['VN-HANOI']);
  second = await createAccount(server, 'second@example.org', 'editor', ['VN-HANOI']);
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${server.url}/signin`);
  await page.fill('#si-email', who.email);
  await page.fill('#si-password', who.password);
  await page.click('form button[type=submit]');
  await page.waitForURL(`${server.url}/`);
}

const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

// One organiser's day, step by step: each test goes on from the forum the one before left, so they
// run in order, even shuffled.
describe('an organiser sets a forum up and publishes its programme twice', { shuffle: false }, () => {
  it('admin creates the forum and names the organiser', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, admin);
    // The forums list offers an admin a new forum.
    await page.goto(`${server.url}/forums`);
    await settled(page);
    await page.getByRole('link', { name: FORUM_CATALOGS.en.newForum }).click();
    await page.waitForURL(`${server.url}/forums/new`);
    await settled(page);
    expect(await page.textContent('h1')).toBe(en.create.title);
    await page.fill('[name=id]', FORUM);
    await page.fill('[name=acronym]', 'VJLCF E2E');
    await page.fill('#forum-title-vi', 'Diễn đàn thử nghiệm');
    await page.fill('#forum-title-ja', 'テストフォーラム');
    await page.fill('#forum-title-en', 'Test forum');
    await page.selectOption('#forum-title-en-status', 'unofficial');
    await page.fill('[name=firstDay]', '2027-05-10');
    await page.fill('[name=lastDay]', '2027-05-11');
    await page.getByLabel(organiser.email).check();
    await page.click('form button[type=submit]');
    await page.waitForURL(`${server.url}/forums/${FORUM}/organise`);
    await settled(page);
    expect(await page.textContent('h1')).toContain(`${en.title}: Test forum`);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('organiser writes the programme on a phone, is refused a room clash at its field, publishes 1 and 2', async () => {
    const { context, page } = await newPage(browser, {
      locale: 'en-GB',
      width: 375,
      height: 812,
      mobile: true,
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, organiser);
    // The forum's own page offers its organiser the organiser's pages.
    await page.goto(`${server.url}/forums/${FORUM}`);
    await settled(page);
    await page.getByRole('link', { name: FORUM_CATALOGS.en.organise }).click();
    await page.waitForURL(`${server.url}/forums/${FORUM}/organise`);
    await page.goto(`${server.url}/forums/${FORUM}/organise?tab=programme`);
    await settled(page);

    // A room with its booths.
    const room = page.locator(`form[aria-label="${en.room.add}"]`);
    await room.locator('#room-name-en').fill('Hall A');
    await room.locator('#room-name-vi').fill('Hội trường A');
    await room.locator('#room-name-vi-status').selectOption('official');
    await room.locator('input[name=booths][value="vi>ja"]').check();
    await room.locator('input[name=booths][value="ja>vi"]').check();
    await room.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('.room-item').count()).toBe(1);

    // A speaker, family name first, with the language of their mail.
    const speaker = page.locator(`form[aria-label="${en.speaker.add}"]`);
    await speaker.locator('[name=speaker-native]').fill('山田 花子');
    await speaker.locator('[name=speaker-latin]').fill('Yamada Hanako');
    await speaker.locator('#speaker-position-ja').fill('知事');
    await speaker.locator('[name=speaker-email]').fill(SPEAKER);
    await speaker.locator('[name=speaker-language]').selectOption('ja');
    await speaker.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('.speaker-item').count()).toBe(1);

    const addSession = async (o: { title: string; ja: string; kind: string; start: string; end: string }) => {
      const form = page.locator(`form[aria-label="${en.session.add}"]`);
      await form.locator('[name=session-kind]').selectOption(o.kind);
      await form.locator('#session-title-en').fill(o.title);
      await form.locator('#session-title-ja').fill(o.ja);
      await form.locator('[name=session-start]').fill(o.start);
      await form.locator('[name=session-end]').fill(o.end);
      await form.locator('[name=session-room]').selectOption({ label: 'Hall A' });
      await form.locator('[name=session-floor]').selectOption('vi');
      await form.locator('input[name=interpretation][value="vi>ja"]').check();
      await form.getByLabel('山田 花子 (Yamada Hanako)').check();
      await form.locator('button[type=submit]').click();
      return form;
    };
    await addSession({
      title: 'Opening plenary',
      ja: '開会全体会合',
      kind: 'plenary',
      start: '09:00',
      end: '10:00',
    });
    await expect.poll(() => page.locator('.session-item').count()).toBe(1);
    // The other country's time beside the forum's: 09:00 in Vietnam is 11:00 in Japan.
    expect(await page.locator('.session-item').first().textContent()).toContain('11:00–12:00 JST');

    // The same room at an overlapping time: refused whole, the clash named at the room's field.
    const form = await addSession({
      title: 'Agriculture and food',
      ja: '農業・食品',
      kind: 'thematic',
      start: '09:30',
      end: '10:30',
    });
    const clash = form.locator('[data-path="roomId"]');
    await expect.poll(() => clash.count()).toBe(1);
    expect(await clash.textContent()).toBe(en.problem.room_overlap.replace('{{other}}', 'Opening plenary'));
    expect(await form.locator('[name=session-room]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('[data-path^="speakerIds"]').count()).toBe(1);
    expect(await page.locator('.session-item').count()).toBe(1);
    await screenshot(page, 'forum-organiser-clash-phone');
    await form.locator('[name=session-start]').fill('10:00');
    await form.locator('[name=session-end]').fill('11:00');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('.session-item').count()).toBe(2);
    expect(await noOverflow(page)).toBeLessThanOrEqual(1);

    // Release 1: both sessions new, the speaker told.
    await page.getByRole('link', { name: en.tab.release }).click();
    await settled(page);
    await page.fill('#release-note-en', 'First programme');
    await page.getByRole('button', { name: en.release.publish.replace('{{n}}', '1') }).click();
    const result = page.locator('.release-result');
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.textContent()).toContain(en.release.published.replace('{{n}}', '1'));
    expect(await result.locator('[data-change="new"]').count()).toBe(2);
    expect(await result.textContent()).toContain(en.release.told.replace('{{count}}', '1'));

    // Move the thematic session to the afternoon; release 2 lists it as moved.
    await page.getByRole('link', { name: en.tab.programme }).click();
    await settled(page);
    await page
      .locator('.session-item', { hasText: 'Agriculture and food' })
      .getByRole('button', { name: en.edit })
      .click();
    const edit = page.locator(`form[aria-label="${en.session.edit}"]`);
    await edit.locator('[name=session-start]').fill('14:00');
    await edit.locator('[name=session-end]').fill('15:00');
    await edit.locator('button[type=submit]').click();
    await expect.poll(() => edit.count()).toBe(0);
    await expect
      .poll(() => page.locator('.session-item', { hasText: 'Agriculture and food' }).textContent())
      .toContain('14:00–15:00 ICT');
    await page.getByRole('link', { name: en.tab.release }).click();
    await settled(page);
    await page.getByRole('button', { name: en.release.publish.replace('{{n}}', '2') }).click();
    await expect.poll(() => page.locator('.release-result').count()).toBe(1);
    const moved = page.locator('.release-result [data-change="moved"]');
    expect(await moved.count()).toBe(1);
    expect(await moved.textContent()).toContain('Agriculture and food');
    expect(await moved.textContent()).toContain(en.change.moved);
    expect(await page.locator('.release-result [data-change="new"]').count()).toBe(0);
    expect(await noOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'forum-organiser-release-phone');

    // The speaker's notices, through the real SMTP server, in Japanese (their language).
    await expect.poll(() => smtp.to(SPEAKER).length, { timeout: 20_000 }).toBe(2);
    const second = smtp.to(SPEAKER).find((m) => m.subject?.includes('プログラム第2版'));
    expect(second?.subject).toBe('テストフォーラム：プログラム第2版');
    expect(second?.text).toContain('時間変更: 農業・食品');
    expect(second?.text).toContain('14:00 (16:00 JST)');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows a change someone else made meanwhile as "reload", and every bad CSV row at its line and column', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-GB' });
    await signIn(page, organiser);
    await page.goto(`${server.url}/forums/${FORUM}/organise`);
    await settled(page);
    // Someone else saves the forum after this page read it.
    const status = await page.evaluate(async (id) => {
      const read = await fetch(`/api/forums/${id}`);
      const res = await fetch(`/api/forums/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': read.headers.get('etag') ?? '' },
        body: JSON.stringify({ capacity: 300 }),
      });
      return res.status;
    }, FORUM);
    expect(status).toBe(200);
    await page.fill('[name=acronym]', 'VJLCF 2027');
    await page.getByRole('button', { name: en.save }).click();
    const alert = page.locator('.error[role=alert]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain(en.stale);
    await alert.getByRole('button', { name: en.reload }).click();
    await expect.poll(() => page.inputValue('[name=capacity]')).toBe('300');
    await page.fill('[name=acronym]', 'VJLCF 2027');
    await page.getByRole('button', { name: en.save }).click();
    await expect.poll(() => page.locator('.success[role=status]').count()).toBe(1);

    await page.getByRole('link', { name: en.tab.delegations }).click();
    await settled(page);
    await page.fill(
      '#invite-csv',
      'party,email,language\nVN-NOWHERE,not-an-address,fr\nVN-HANOI,hanoi@example.vn,vi\n',
    );
    await page.getByRole('button', { name: en.invite.submit }).click();
    const rows = page.locator('#invite-errors li');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.allTextContents()).toEqual([
      `Line 2, column party: ${en.problem.invitation_party_unknown}`,
      `Line 2, column email: ${en.problem.invitation_email_invalid}`,
      `Line 2, column language: ${en.problem.invitation_lang_invalid}`,
    ]);
    await page.fill('#invite-csv', 'party,email,language\nVN-HANOI,hanoi@example.vn,vi\n');
    await page.getByRole('button', { name: en.invite.submit }).click();
    await expect.poll(() => page.locator('[data-delegation]').count()).toBe(1);
    expect(await page.locator('[data-delegation]').textContent()).toContain(en.delegationState.invited);
    // The organiser sets how many members this delegation may bring (If-Match of its version).
    const delegation = page.locator('[data-delegation]');
    await delegation.getByLabel(en.delegation.memberLimit).fill('5');
    await delegation.getByRole('button', { name: en.save }).click();
    await expect
      .poll(() => delegation.textContent())
      .toContain(en.delegation.members.replace('{{count}}', '0').replace('{{limit}}', '5'));
    await expect.poll(() => smtp.to('hanoi@example.vn').length, { timeout: 20_000 }).toBe(1);
    // Another organiser, named by address; the roles list shows both.
    await page.getByRole('link', { name: en.tab.roles }).click();
    await settled(page);
    await page.getByLabel(en.roles.email).fill('nobody@example.org');
    await page.getByRole('button', { name: en.roles.submit }).click();
    await expect.poll(() => page.locator('.error[role=alert]').count()).toBe(1);
    expect(await page.locator('.field-error[data-path="email"]').textContent()).toBe(en.roles.noAccount);
    await page.getByLabel(en.roles.email).fill(admin.email);
    await page.getByRole('button', { name: en.roles.submit }).click();
    await expect.poll(() => page.locator('.field-error[data-path="role"]').count()).toBe(1);
    expect(await page.locator('.field-error[data-path="role"]').textContent()).toBe(en.problem.admin);
    await page.getByLabel(en.roles.email).fill(second.email);
    await page.getByRole('button', { name: en.roles.submit }).click();
    await expect.poll(() => page.locator('.item-list li').count()).toBe(2);
    expect(await page.locator('.item-list').textContent()).toContain(second.email);
    const csv = await page.evaluate(
      async (id) => (await fetch(`/api/forums/${id}/registrations.csv`)).status,
      FORUM,
    );
    expect(csv).toBe(200);
    await context.close();
  }, 90_000);

  for (const [lang, locale, texts] of [
    ['vi', 'vi-VN', vi],
    ['ja', 'ja-JP', ja],
    ['en', 'en-GB', en],
  ] as const) {
    it(`has nothing serious for axe on every organiser page in ${lang}`, async () => {
      const { context, page } = await newPage(browser, { locale, width: 375, height: 812, mobile: true });
      await signIn(page, admin);
      await page.goto(`${server.url}/forums/new`);
      await settled(page);
      expect(await page.textContent('h1')).toBe(texts.create.title);
      expect(await axe(page), 'new forum').toEqual([]);
      for (const tab of ['setup', 'programme', 'release', 'delegations', 'roles'] as const) {
        await page.goto(`${server.url}/forums/${FORUM}/organise?tab=${tab}`);
        await settled(page);
        expect(await page.locator('main h2').first().textContent()).toBe(texts.tab[tab]);
        expect(await axe(page), tab).toEqual([]);
        expect(await noOverflow(page), tab).toBeLessThanOrEqual(1);
      }
      await screenshot(page, `forum-organiser-roles-${lang}-phone`);
      await context.close();
    }, 90_000);
  }
});
