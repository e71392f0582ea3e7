import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from '../../../../test/support/app.ts';
import { ENGINES } from '../../../../test/support/db.ts';
import { problemPaths } from '../../../../test/support/factories.ts';
import { buildForum, type Json, post } from '../../../../test/support/forums.ts';
import { startSmtp } from '../../../../test/support/smtp.ts';

type H = Record<string, string>;
const at = (day: string, hm: string) => `2027-05-${day}T${hm}:00+07:00`;
const member = (family: string, given: string, extra: Json = {}) => ({
  name: { family: { latin: family }, given: { latin: given } },
  ...extra,
});

describe.each(ENGINES)('delegations on %s', (engine) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    t = await testApp(engine);
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  /** Invites one party and follows the link as a visitor: the head's account is made; returns it signed in. */
  async function invitedHead(
    forum: Awaited<ReturnType<typeof buildForum>>,
    party: string,
    lang: 'vi' | 'ja' | 'en',
  ) {
    const email = `head-${party.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.org`;
    const inv = await post(t, `/api/forums/${forum.id}/invitations`, forum.organiser, {
      csv: `party,email,language\n${party},${email},${lang}\n`,
    });
    expect(inv.res.status).toBe(201);
    await smtp.deliver(t.db);
    const mail = smtp.to(email).at(-1)!;
    const token = /\/invitations\/(inv_[A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    const accepted = await post(t, `/api/invitations/${token}/accept`, {}, undefined);
    expect(accepted.body).toMatchObject({ account: 'created' });
    await smtp.deliver(t.db);
    const password = /(?:One-time password|Mật khẩu dùng một lần|ワンタイムパスワード)[:：] ?(\S+)/.exec(
      smtp.to(email).at(-1)!.text ?? '',
    )![1]!;
    const login = await t.req('/api/auth/login', { method: 'POST', body: { email, password } });
    expect(login.status).toBe(200);
    const headers: H = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, origin: ORIGIN };
    await t.req('/api/auth/password', {
      method: 'POST',
      headers,
      body: { currentPassword: password, newPassword: `${password}-new-secret` },
    });
    return {
      headers,
      email,
      token,
      delegationId: accepted.body.delegationId as string,
      invitationMail: mail,
    };
  }

  it('names every bad row of an invitation CSV and writes nothing', async () => {
    const forum = await buildForum(t);
    const csv =
      'party,email,language\nVN-HANOI,ok@example.org,vi\nXX-NOWHERE,bad-address,fr\nVN-HANOI,again@example.org,ja\n';
    const res = await t.req(`/api/forums/${forum.id}/invitations`, {
      method: 'POST',
      headers: forum.organiser,
      body: { csv },
    });
    expect(res.status).toBe(400);
    expect((await problemPaths(res)).sort()).toEqual([
      'csv.3.email',
      'csv.3.language',
      'csv.3.party',
      'csv.4.party',
    ]);
    const rows = Array.from({ length: 5001 }, (_, i) => `VN-HANOI,p${i}@example.org,vi`).join('\n');
    const many = await t.req(`/api/forums/${forum.id}/invitations`, {
      method: 'POST',
      headers: forum.organiser,
      body: { csv: `party,email,language\n${rows}` },
    });
    expect(many.status).toBe(400);
    expect(((await many.json()) as { errors: Array<{ code: string }> }).errors[0]!.code).toBe(
      'invitation.too_many_rows',
    );
    const stranger = await t.signIn('editor', ['VN-HANOI']);
    const refused = await t.req(`/api/forums/${forum.id}/invitations`, {
      method: 'POST',
      headers: stranger.headers,
      body: { csv: 'party,email,language\n' },
    });
    expect(refused.status).toBe(404);
    const none = await t.db.db
      .selectFrom('forum_delegations')
      .select('id')
      .where('forum_id', '=', forum.id)
      .execute();
    expect(none).toEqual([]);
  });

  it('invites by mail in the invitee language; the link works once, for a visitor makes an account, and expires', async () => {
    const forum = await buildForum(t);
    const head = await invitedHead(forum, 'JP-27', 'ja');
    expect(head.invitationMail.subject).toBe('ご招待：テストフォーラム');
    expect(head.invitationMail.text).toContain('大阪府を');
    const again = await t.req(`/api/invitations/${head.token}/accept`, { method: 'POST' });
    expect(again.status).toBe(409);
    const view = (await (await t.req(`/api/invitations/${head.token}`)).json()) as Json;
    expect(view).toMatchObject({ state: 'used', language: 'ja', party: { id: 'JP-27' } });
    // The head sees their delegation; someone else does not.
    expect(
      (await t.req(`/api/forums/${forum.id}/delegations/${head.delegationId}`, { headers: head.headers }))
        .status,
    ).toBe(200);
    const other = await t.signIn('editor');
    expect(
      (await t.req(`/api/forums/${forum.id}/delegations/${head.delegationId}`, { headers: other.headers }))
        .status,
    ).toBe(404);
    // An expired link is refused with its own problem; a signed-in caller may accept a fresh one.
    const email = `late-${engine}-${Date.now()}@example.org`;
    await post(t, `/api/forums/${forum.id}/invitations`, forum.organiser, {
      csv: `party,email,language\nVN-HANOI,${email},vi\n`,
    });
    await smtp.deliver(t.db);
    const token = /\/invitations\/(inv_[A-Za-z0-9_-]+)/.exec(smtp.to(email)[0]!.text ?? '')![1]!;
    expect(smtp.to(email)[0]!.subject).toBe('Thư mời: Diễn đàn thử');
    await t.db.db
      .updateTable('forum_invitations')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('email', '=', email)
      .execute();
    const expired = await t.req(`/api/invitations/${token}/accept`, {
      method: 'POST',
      headers: other.headers,
    });
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as Json).code).toBe('invitation.expired');
    expect(
      (await t.req('/api/invitations/inv_not-a-real-secret-at-all-000/accept', { method: 'POST' })).status,
    ).toBe(404);
  });

  it('registers members within the limit, names written family name first, and keeps the capacity with a waitlist', async () => {
    const forum = await buildForum(t, { capacity: 3 });
    const base = `/api/forums/${forum.id}`;
    const a = await invitedHead(forum, 'VN-HANOI', 'vi');
    const b = await invitedHead(forum, 'JP-27', 'ja');
    const da = `${base}/delegations/${a.delegationId}`;
    const db = `${base}/delegations/${b.delegationId}`;
    // Only the organiser sets a member limit.
    expect(
      (
        await t.req(da, {
          method: 'PATCH',
          headers: { ...a.headers, 'if-match': '"2"' },
          body: { memberLimit: 50 },
        })
      ).status,
    ).toBe(403);
    const limited = await t.req(da, {
      method: 'PATCH',
      headers: { ...forum.organiser, 'if-match': '"2"' },
      body: { memberLimit: 2 },
    });
    expect(limited.status).toBe(200);
    const lan = await post(t, `${da}/members`, a.headers, {
      name: { family: { native: 'Nguyễn', latin: 'Nguyen' }, given: { native: 'Thị Lan', latin: 'Thi Lan' } },
      position: { vi: 'Giám đốc Sở' },
      languages: ['vi', 'en'],
      dietary: '=HYPERLINK("http://x")',
      listed: true,
    });
    expect(lan.res.status).toBe(201);
    expect(lan.body.name).toEqual({ native: 'Nguyễn Thị Lan', latin: 'Nguyen Thi Lan' });
    await post(
      t,
      `${da}/members`,
      a.headers,
      member('Tran', 'Minh', { listed: false, email: `minh-${engine}@example.vn` }),
    );
    const third = await post(t, `${da}/members`, a.headers, member('Le', 'Hoa'));
    expect(third.res.status).toBe(422);
    expect(third.body).toMatchObject({ code: 'delegation.member_limit', errors: [{ path: 'members' }] });
    const bad = await post(t, `${da}/members`, a.headers, {
      name: { family: { latin: '' }, given: { latin: 'X'.repeat(101) } },
      languages: ['vie'],
    });
    expect(bad.res.status).toBe(400);
    expect((await problemPaths(bad.res)).sort()).toEqual([
      'languages.0',
      'name.family.latin',
      'name.given.latin',
    ]);
    await post(t, `${db}/members`, b.headers, {
      name: { family: { native: '山田', latin: 'Yamada' }, given: { native: '花子', latin: 'Hanako' } },
      listed: true,
    });
    await post(t, `${db}/members`, b.headers, member('Sato', 'Ken', { listed: true }));
    // A head submits; approving is the organiser's.
    const state = (url: string, headers: H, action: string, version: number) =>
      t.req(`${url}/state`, {
        method: 'POST',
        headers: { ...headers, 'if-match': `"${version}"` },
        body: { action },
      });
    expect((await state(da, a.headers, 'submit', 3)).status).toBe(200);
    expect((await state(db, b.headers, 'submit', 2)).status).toBe(200);
    expect((await state(da, a.headers, 'approve', 4)).status).toBe(403);
    expect((await (await state(da, forum.organiser, 'approve', 4)).json()) as Json).toMatchObject({
      state: 'approved',
    });
    // 2 + 2 members do not fit in 3 places: waitlisted.
    expect((await (await state(db, forum.organiser, 'approve', 3)).json()) as Json).toMatchObject({
      state: 'waitlisted',
    });
    expect((await state(db, forum.organiser, 'submit', 4)).status).toBe(409);
    await t.req(base, {
      method: 'PATCH',
      headers: { ...forum.organiser, 'if-match': '"1"' },
      body: { state: 'open' },
    });
    const pub = (await (await t.req(`${base}/participants`)).json()) as { items: Array<{ members: Json[] }> };
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]!.members).toEqual([
      { name: { native: 'Nguyễn Thị Lan', latin: 'Nguyen Thi Lan' }, position: { vi: 'Giám đốc Sở' } },
    ]);
    expect(JSON.stringify(pub)).not.toContain('HYPERLINK');
    // The first withdraws: the waitlisted one moves up.
    expect((await (await state(da, a.headers, 'withdraw', 5)).json()) as Json).toMatchObject({
      state: 'withdrawn',
      promoted: [b.delegationId],
    });
    const names = (
      (await (await t.req(`${base}/participants`)).json()) as {
        items: Array<{ members: Array<{ name: Json }> }>;
      }
    ).items[0]!.members.map((m) => m.name.native ?? m.name.latin);
    expect(names).toEqual(['山田 花子', 'Sato Ken']);
    // The organiser's export: BOM, one line per member, formulas inert, private fields present.
    const csv = await t.req(`${base}/registrations.csv`, { headers: forum.organiser });
    expect(csv.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFFdelegation,party,')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text.trim().split('\r\n')).toHaveLength(5);
    expect((await t.req(`${base}/registrations.csv`, { headers: a.headers })).status).toBe(403);
    // Reopened and approved again, the first no longer fits (2 + 2 > 3): waitlisted. A member
    // removed from the approved one frees a place, and the waitlist moves up.
    const read = async (url: string, headers: H) =>
      (await (await t.req(url, { headers })).json()) as Json & {
        version: number;
        state: string;
        members: Array<{ id: string; version: number; name: Json }>;
      };
    expect(
      (await (
        await state(da, forum.organiser, 'reopen', (await read(da, forum.organiser)).version)
      ).json()) as Json,
    ).toMatchObject({ state: 'submitted' });
    expect(
      (await (
        await state(da, forum.organiser, 'approve', (await read(da, forum.organiser)).version)
      ).json()) as Json,
    ).toMatchObject({ state: 'waitlisted' });
    const ken = (await read(db, b.headers)).members.find((x) => x.name.latin === 'Sato Ken')!;
    const removed = await t.req(`${db}/members/${ken.id}`, {
      method: 'DELETE',
      headers: { ...b.headers, 'if-match': `"${ken.version}"` },
    });
    expect(removed.status).toBe(200);
    expect((await read(da, forum.organiser)).state).toBe('approved');
  });

  it('gives a member a renewable calendar of their own agenda', async () => {
    const forum = await buildForum(t);
    const base = `/api/forums/${forum.id}`;
    const room = (await post(t, `${base}/rooms`, forum.organiser, { name: { en: 'Hall' } })).body;
    const opening = (
      await post(t, `${base}/sessions`, forum.organiser, {
        slug: 'opening',
        kind: 'plenary',
        title: { ja: '開会式', en: 'Opening' },
        roomId: room.id,
        start: at('10', '09:00'),
        end: at('10', '10:00'),
      })
    ).body;
    const farming = (
      await post(t, `${base}/sessions`, forum.organiser, {
        slug: 'farming',
        kind: 'thematic',
        title: { ja: '農業', en: 'Farming' },
        start: at('10', '14:00'),
        end: at('10', '15:00'),
      })
    ).body;
    await post(t, `${base}/sessions`, forum.organiser, {
      slug: 'tourism',
      kind: 'thematic',
      title: { en: 'Tourism' },
      start: at('10', '14:00'),
      end: at('10', '15:00'),
    });
    await post(t, `${base}/releases`, forum.organiser, {});
    const head = await invitedHead(forum, 'JP-27', 'ja');
    const d = `${base}/delegations/${head.delegationId}`;
    const m = (
      await post(
        t,
        `${d}/members`,
        head.headers,
        member('Yamada', 'Yuki', { language: 'ja', agenda: [farming.id] }),
      )
    ).body;
    const badAgenda = await post(t, `${d}/members`, head.headers, member('X', 'Y', { agenda: ['nope'] }));
    expect(await problemPaths(badAgenda.res)).toEqual(['agenda.0']);
    await t.req(`${d}/state`, {
      method: 'POST',
      headers: { ...head.headers, 'if-match': '"2"' },
      body: { action: 'submit' },
    });
    const first = (await post(t, `${d}/members/${m.id}/calendar`, head.headers, undefined)).body as {
      url: string;
    };
    expect(first.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/cal_[A-Za-z0-9_-]+\.ics$/);
    const path = new URL(first.url).pathname;
    const feed = await t.req(path);
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual(['農業', '開会式']);
    expect(
      events
        .find((e) => e.summary === '開会式')!
        .startDate.toJSDate()
        .toISOString(),
    ).toBe(new Date(opening.start as string).toISOString());
    const second = (await post(t, `${d}/members/${m.id}/calendar`, head.headers, undefined)).body as {
      url: string;
    };
    expect((await t.req(path)).status).toBe(404);
    expect((await t.req(new URL(second.url).pathname)).status).toBe(200);
    const other = await t.signIn('editor');
    expect(
      (await t.req(`${d}/members/${m.id}/calendar`, { method: 'POST', headers: other.headers })).status,
    ).toBe(404);
    // Release 2 moves the plenary: the member (with an e-mail) and the head are told, in Japanese;
    // nobody is told about the session no member attends.
    const memberEmail = `yuki-${engine}-${Date.now()}@example.jp`;
    await t.req(`${d}/members/${m.id}`, {
      method: 'PATCH',
      headers: { ...head.headers, 'if-match': '"1"' },
      body: { email: memberEmail },
    });
    await t.req(`${base}/sessions/${opening.id}`, {
      method: 'PATCH',
      headers: { ...forum.organiser, 'if-match': '"1"' },
      body: { start: at('10', '08:30'), end: at('10', '09:30') },
    });
    const r2 = await post(t, `${base}/releases`, forum.organiser, {});
    expect(r2.body).toMatchObject({ number: 2, told: 2 });
    await smtp.deliver(t.db);
    for (const to of [memberEmail, head.email]) {
      const notice = smtp.to(to).find((x) => x.subject?.includes('第2版'))!;
      expect(notice.text).toContain('時間変更: 開会式 (2027-05-10 08:30 (10:30 JST), Hall)');
    }
    const audit = await t.db.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'delegation')
      .where('entity_id', '=', head.delegationId)
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(audit)).not.toContain(memberEmail);
  });
});
