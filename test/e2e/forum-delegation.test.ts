import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../web/src/features/forums/delegation/i18n/en.json' with { type: 'json' };
import ja from '../../web/src/features/forums/delegation/i18n/ja.json' with { type: 'json' };
import vi from '../../web/src/features/forums/delegation/i18n/vi.json' with { type: 'json' };
import { startSmtp } from '../support/smtp.ts';
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

// A head of delegation's whole path, in a real browser against a real server whose mail goes to
// a real SMTP server in this test: the organiser invites through the API, the head follows the
// mailed link in Vietnamese, gets an account and a one-time password by mail, registers a
// Japanese and a Vietnamese member with their agendas, submits, and reads an agenda whose times
// show in Vietnam and Japan time.

let server: TestServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let adminCookie: string;

const FORUM = 'e2e-delegations';
const HEAD = 'head-hanoi@example.org';

async function call(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; ifMatch?: string } = {},
) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      origin: server.url,
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.ifMatch ? { 'if-match': init.ifMatch } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function signIn(email: string, password: string): Promise<string> {
  const res = await call('/api/auth/login', { method: 'POST', body: { email, password } });
  return (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
}

/** The mails one address has received, waiting until there are `n` (the server's job runner sends them). */
async function mailsTo(address: string, n: number) {
  await expect.poll(() => smtp.to(address).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(n);
  return smtp.to(address);
}

const sessionIds: Record<string, string> = {};

beforeAll(async () => {
  smtp = await startSmtp();
  // startServer passes this process's environment to `kizuna serve`: its mail goes to this SMTP server.
  process.env.SMTP_URL = smtp.url;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const admin = await createAdmin(server, 'forum-organiser@example.org');
  adminCookie = await signIn(admin.email, admin.password);
  const me = (await (await call('/api/auth/me', { cookie: adminCookie })).json()) as { user: { id: string } };
  await call('/api/forums', {
    method: 'POST',
    cookie: adminCookie,
    body: {
      forum: {
        id: FORUM,
        acronym: FORUM,
        title: { vi: 'Diễn đàn thử nghiệm', ja: 'テストフォーラム', en: 'Test forum' },
        zone: 'Asia/Ho_Chi_Minh',
        firstDay: '2027-05-10',
        lastDay: '2027-05-11',
        languages: ['vi', 'ja'],
        capacity: 50,
      },
      organiserIds: [me.user.id],
    },
  });
  const base = `/api/forums/${FORUM}`;
  const etag = (await call(base, { cookie: adminCookie })).headers.get('etag')!;
  await call(base, { method: 'PATCH', cookie: adminCookie, ifMatch: etag, body: { state: 'open' } });
  const room = (await (
    await call(`${base}/rooms`, {
      method: 'POST',
      cookie: adminCookie,
      body: { name: { vi: 'Hội trường lớn', ja: '大ホール', en: 'Main hall' } },
    })
  ).json()) as { id: string };
  const at = (hm: string) => `2027-05-10T${hm}:00+07:00`;
  for (const [slug, kind, title, start, end, roomId] of [
    [
      'opening',
      'plenary',
      { vi: 'Phiên toàn thể khai mạc', ja: '開会全体会合', en: 'Opening plenary' },
      '09:00',
      '10:30',
      room.id,
    ],
    [
      'farming',
      'thematic',
      { vi: 'Nông nghiệp công nghệ cao', ja: 'ハイテク農業', en: 'High-tech farming' },
      '14:00',
      '15:00',
      null,
    ],
    [
      'tourism',
      'thematic',
      { vi: 'Du lịch cộng đồng', ja: '地域観光', en: 'Community tourism' },
      '14:00',
      '15:00',
      null,
    ],
  ] as const) {
    const s = (await (
      await call(`${base}/sessions`, {
        method: 'POST',
        cookie: adminCookie,
        body: { slug, kind, title, start: at(start), end: at(end), ...(roomId ? { roomId } : {}) },
      })
    ).json()) as { id: string };
    sessionIds[slug] = s.id;
  }
  await call(`${base}/releases`, { method: 'POST', cookie: adminCookie, body: {} });
}, 180_000);

afterAll(async () => {
  delete process.env.SMTP_URL;
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

async function noOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

describe('a head of delegation, invited by mail', () => {
  let headCookie = '';
  let delegationPage = '';
  let agendaPage = '';
  let invitationPath = '';

  /** Each new page, read by the head in one language: axe finds nothing serious, nothing overflows. */
  async function checkAccessible(lang: string, locale: string, texts: typeof ja) {
    expect(headCookie).not.toBe('');
    const { context, page } = await newPage(browser, { locale, width: 375, height: 812, mobile: true });
    const [name, value] = headCookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: server.url }]);
    for (const [path, heading] of [
      [invitationPath, texts.invitation.title],
      ['/forums/mine', texts.mine.title],
      [delegationPage, ''],
      [agendaPage, '山田 花子'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await settled(page);
      expect(await page.textContent('h1'), path).toContain(heading);
      await noOverflow(page);
      expect(await axe(page), `${lang} ${path}`).toEqual([]);
    }
    // The member's form, open, in this language.
    await page.goto(`${server.url}${delegationPage}`);
    await settled(page);
    await page.getByRole('button', { name: texts.delegation.add, exact: true }).click();
    await expect.poll(() => page.locator('form.member-form').count()).toBe(1);
    expect(await axe(page), `${lang} member form`).toEqual([]);
    await screenshot(page, `member-form-${lang}-phone`);
    await context.close();
  }

  it('accepts the link in Vietnamese, signs in with the mailed password, registers two members and submits', async () => {
    await call(`/api/forums/${FORUM}/invitations`, {
      method: 'POST',
      cookie: adminCookie,
      body: { csv: `party,email,language\nVN-HANOI,${HEAD},vi\n` },
    });
    const [invitation] = await mailsTo(HEAD, 1);
    invitationPath = new URL(
      /https?:\/\/\S+\/invitations\/inv_[A-Za-z0-9_-]+/.exec(invitation!.text ?? '')![0],
    ).pathname;

    const { context, page } = await newPage(browser, {
      locale: 'vi-VN',
      width: 375,
      height: 812,
      mobile: true,
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}${invitationPath}`);
    await settled(page);
    expect(await page.textContent('h1')).toBe(vi.invitation.title);
    expect(await page.textContent('main')).toContain(vi.invitation.state.open);
    expect(await page.textContent('main')).toContain('Hà Nội');
    await noOverflow(page);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: vi.invitation.accept }).click();
    await expect.poll(() => page.locator('.success[role=status]').count()).toBe(1);

    // The one-time password arrives by mail, in the invitation's language.
    const mails = await mailsTo(HEAD, 2);
    const oneTime = /Mật khẩu dùng một lần: (\S+)/.exec(mails[1]!.text ?? '')![1]!;
    await page.locator('main').getByRole('link', { name: vi.invitation.signIn }).click();
    await page.fill('#si-email', HEAD);
    await page.fill('#si-password', oneTime);
    await page.click('form button[type=submit]');
    // A new password first, then on to the delegation page the sign-in was asked for.
    await page.waitForURL(
      (u) => u.pathname === '/account' && (u.searchParams.get('next') ?? '').includes('/delegations/'),
    );
    const password = 'a-long-new-password-for-the-head';
    await page.fill('#pw-current', oneTime);
    await page.fill('#pw-new', password);
    await page.fill('#pw-confirm', password);
    await page.click('form button[type=submit]');
    await page.waitForURL((u) => /^\/forums\/[^/]+\/delegations\/[^/]+$/.test(u.pathname));
    headCookie = await signIn(HEAD, password);

    // My forums lists the delegation the account now leads.
    await page.goto(`${server.url}/forums/mine`);
    await settled(page);
    expect(await page.textContent('h1')).toBe(vi.mine.title);
    expect(await axe(page)).toEqual([]);
    await page.locator('.card h2 a').first().click();
    await settled(page);
    delegationPage = new URL(page.url()).pathname;
    expect(delegationPage).toMatch(new RegExp(`^/forums/${FORUM}/delegations/`));
    expect(await page.textContent('#delegation-state')).toBe(vi.state.invited);
    expect(await axe(page)).toEqual([]);

    const addMember = async (
      name: [string, string, string, string],
      language: string,
      agenda: string,
      position: string,
    ) => {
      await page.getByRole('button', { name: vi.delegation.add, exact: true }).click();
      const form = page.locator('form.member-form');
      await form.locator('#m-new-familyNative').fill(name[0]);
      await form.locator('#m-new-familyLatin').fill(name[1]);
      await form.locator('#m-new-givenNative').fill(name[2]);
      await form.locator('#m-new-givenLatin').fill(name[3]);
      await form.locator('#m-new-position').fill(position);
      await form.locator('#m-new-language').selectOption(language);
      await form.getByRole('checkbox', { name: vi.lang[language as 'vi' | 'ja'], exact: true }).check();
      await form.locator('#m-new-dietary').fill(language === 'ja' ? 'Không ăn được tôm' : '');
      await form.getByRole('checkbox', { name: vi.member.listed }).check();
      await form.locator(`input[name=agenda][value="${agenda}"]`).check();
      // The plenary is on everyone's agenda: shown ticked, not to be unticked.
      expect(await form.locator(`input[name=agenda][value="${sessionIds.opening}"]`).isChecked()).toBe(true);
      expect(await axe(page)).toEqual([]);
      await form.getByRole('button', { name: vi.member.save }).click();
      await expect.poll(() => page.locator('form.member-form').count()).toBe(0);
    };
    await addMember(
      ['山田', 'Yamada', '花子', 'Hanako'],
      'ja',
      sessionIds.farming!,
      'Trưởng phòng Hợp tác quốc tế',
    );
    await addMember(['Nguyễn', 'Nguyen', 'Thị Lan', 'Thi Lan'], 'vi', sessionIds.tourism!, 'Phó Giám đốc Sở');
    await expect.poll(() => page.locator('.members > li').count()).toBe(2);
    const names = await page.locator('.members h3').allTextContents();
    // Family name first: the custom in Japan and in Vietnam.
    expect(names).toEqual(['山田 花子 (Yamada Hanako)', 'Nguyễn Thị Lan (Nguyen Thi Lan)']);

    await page.getByRole('button', { name: vi.delegation.submit, exact: true }).click();
    await expect.poll(() => page.textContent('#delegation-state')).toBe(vi.state.submitted);
    await noOverflow(page);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'delegation-vi-phone');

    // The Japanese member's agenda: the plenary and her chosen session, in both zones; not the other.
    await page.locator('.members > li').first().getByRole('link', { name: vi.delegation.agenda }).click();
    await settled(page);
    agendaPage = new URL(page.url()).pathname;
    const sessions = page.locator('.agenda .session');
    await expect.poll(() => sessions.count()).toBe(2);
    const [opening, farming] = await sessions.allTextContents();
    expect(opening).toContain('09:00–10:30 ICT (11:00–12:30 JST)');
    expect(opening).toContain('Phiên toàn thể khai mạc');
    expect(opening).toContain('Hội trường lớn');
    expect(farming).toContain('14:00–15:00 ICT (16:00–17:00 JST)');
    expect(farming).toContain('Nông nghiệp công nghệ cao');
    expect(await page.textContent('main')).not.toContain('Du lịch cộng đồng');
    expect(await page.textContent('h1')).toContain('山田 花子');

    // Her PDF is in Japanese (her language) by default; the calendar address is made and shown.
    const pdfHref = await page.locator('.delegation-files a').first().getAttribute('href');
    expect(pdfHref).toContain('lang=ja');
    const pdf = await fetch(`${server.url}${pdfHref}`, { headers: { cookie: headCookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    await page.getByRole('button', { name: vi.agenda.renew }).click();
    const url = await page.locator('#cal-url').inputValue();
    expect(url).toMatch(/\/api\/calendar\/cal_[A-Za-z0-9_-]+\.ics$/);
    expect((await fetch(`${server.url}${new URL(url).pathname}`)).status).toBe(200);
    await page.getByRole('button', { name: vi.agenda.renew }).click();
    await expect.poll(() => page.locator('#cal-url').inputValue()).not.toBe(url);
    // Renewing ended the first address.
    expect((await fetch(`${server.url}${new URL(url).pathname}`)).status).toBe(404);
    await noOverflow(page);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'agenda-vi-phone');

    // The member opens her agenda with the secret of her calendar address, signed out.
    const memberPage = await page.locator('.calendar-feed a').getAttribute('href');
    const { context: member, page: mp } = await newPage(browser, {
      locale: 'ja-JP',
      width: 375,
      height: 812,
      mobile: true,
    });
    await mp.goto(memberPage!);
    await settled(mp);
    await expect.poll(() => mp.locator('.agenda .session').count()).toBe(2);
    expect(await mp.textContent('main')).toContain('開会全体会合');
    expect(await mp.textContent('main')).toContain('11:00–12:30 JST');
    expect(await mp.locator('.calendar-feed').count()).toBe(0);
    expect(await axe(mp)).toEqual([]);
    await member.close();

    expect(errors).toEqual([]);
    await context.close();

    // The same pages in each language, read by the head (one test: they need the delegation above).
    for (const [lang, locale, texts] of [
      ['ja', 'ja-JP', ja],
      ['en', 'en-GB', en],
      ['vi', 'vi-VN', vi],
    ] as const)
      await checkAccessible(lang, locale, texts);
  }, 480_000);
});
