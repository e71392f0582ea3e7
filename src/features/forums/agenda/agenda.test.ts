import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { ENGINES } from '../../../../test/support/db.ts';
import { buildForum, post } from '../../../../test/support/forums.ts';

const dir = mkdtempSync(join(tmpdir(), 'kizuna-agenda-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(bytes: ArrayBuffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const at = (day: string, hm: string) => `2027-05-${day}T${hm}:00+07:00`;

describe.each(ENGINES)("a member's agenda on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(async () => t.close());

  it('is read by the head, an organiser and the member (calendar secret), and by nobody else', async () => {
    const forum = await buildForum(t);
    const base = `/api/forums/${forum.id}`;
    const room = (
      await post(t, `${base}/rooms`, forum.organiser, { name: { vi: 'Hội trường A', en: 'Hall A' } })
    ).body;
    const opening = (
      await post(t, `${base}/sessions`, forum.organiser, {
        slug: 'opening',
        kind: 'plenary',
        title: { vi: 'Phiên toàn thể khai mạc'.normalize('NFD'), ja: '開会全体会合', en: 'Opening plenary' },
        roomId: room.id,
        start: at('10', '09:00'),
        end: at('10', '10:30'),
      })
    ).body;
    const farming = (
      await post(t, `${base}/sessions`, forum.organiser, {
        slug: 'farming',
        kind: 'thematic',
        title: { vi: 'Nông nghiệp công nghệ cao', ja: 'ハイテク農業', en: 'High-tech farming' },
        start: at('10', '14:00'),
        end: at('10', '15:00'),
      })
    ).body;
    await post(t, `${base}/sessions`, forum.organiser, {
      slug: 'tourism',
      kind: 'thematic',
      title: { vi: 'Du lịch', ja: '観光', en: 'Tourism' },
      start: at('10', '14:00'),
      end: at('10', '15:00'),
    });
    expect((await post(t, `${base}/releases`, forum.organiser, {})).res.status).toBe(201);

    const inv = await post(t, `${base}/invitations`, forum.organiser, {
      csv: 'party,email,language\nVN-HANOI,head@example.org,vi\n',
    });
    const delegationId = (inv.body.delegations as { id: string }[])[0]!.id;
    const head = await t.signIn('editor');
    const grant = await post(t, '/api/grants', forum.organiser, {
      role: 'head',
      recordType: 'delegation',
      recordId: delegationId,
      email: head.email,
    });
    expect(grant.res.status).toBe(201);
    const d = `${base}/delegations/${delegationId}`;
    const add = (name: object, language: string) =>
      post(t, `${d}/members`, head.headers, { name, language, agenda: [farming.id] });
    const lan = (
      await add(
        { family: { native: 'Nguyễn', latin: 'Nguyen' }, given: { native: 'Thị Lan', latin: 'Thi Lan' } },
        'vi',
      )
    ).body;
    const hanako = (
      await add(
        { family: { native: '山田', latin: 'Yamada' }, given: { native: '花子', latin: 'Hanako' } },
        'ja',
      )
    ).body;
    const submit = await t.req(`${d}/state`, {
      method: 'POST',
      headers: {
        ...head.headers,
        'if-match': (await t.req(d, { headers: head.headers })).headers.get('etag')!,
      },
      body: { action: 'submit' },
    });
    expect(submit.status).toBe(200);

    // The head reads the agenda as JSON: the plenary (every registered member attends) and the
    // chosen session, in time order; not the session no one chose.
    const json = await t.req(`${base}/agenda/${lan.id}`, { headers: head.headers });
    expect(json.status).toBe(200);
    const agenda = (await json.json()) as { sessions: { id: string }[]; member: { language: string } };
    expect(agenda.sessions.map((s) => s.id)).toEqual([opening.id, farming.id]);
    expect(agenda.member.language).toBe('vi');

    // The PDF in the member's language: the Vietnamese titles exact (NFC) and both zones' times.
    const vi = await t.req(`${base}/agenda/${lan.id}.pdf`, { headers: head.headers });
    expect(vi.status).toBe(200);
    expect(vi.headers.get('content-type')).toBe('application/pdf');
    const viText = pdfText(await vi.arrayBuffer(), `vi-${engine}`);
    expect(viText).toContain('Nguyễn Thị Lan');
    expect(viText).toContain('Phiên toàn thể khai mạc');
    expect(viText).toContain('Nông nghiệp công nghệ cao');
    expect(viText).toContain('09:00–10:30 (11:00–12:30 JST)');
    expect(viText).not.toContain('Du lịch');

    // An organiser reads the Japanese member's agenda: Japanese by default.
    const ja = await t.req(`${base}/agenda/${hanako.id}.pdf`, { headers: forum.organiser });
    expect(ja.status).toBe(200);
    const jaText = pdfText(await ja.arrayBuffer(), `ja-${engine}`);
    expect(jaText).toContain('山田 花子');
    expect(jaText).toContain('開会全体会合');
    expect(jaText).toContain('ハイテク農業');
    expect(jaText).not.toContain('観光');

    // The member, signed out, with the secret of their calendar address; a renewed secret ends the old.
    const url = (await post(t, `${d}/members/${hanako.id}/calendar`, head.headers, undefined)).body
      .url as string;
    const token = /(cal_[A-Za-z0-9_-]+)\.ics$/.exec(url)![1]!;
    expect((await t.req(`${base}/agenda/${hanako.id}.pdf?token=${token}`)).status).toBe(200);
    expect((await t.req(`${base}/agenda/${hanako.id}?token=${token}&lang=en`)).status).toBe(200);
    // Another member's secret does not open this member's agenda.
    expect((await t.req(`${base}/agenda/${lan.id}.pdf?token=${token}`)).status).toBe(404);
    await post(t, `${d}/members/${hanako.id}/calendar`, head.headers, undefined);
    expect((await t.req(`${base}/agenda/${hanako.id}.pdf?token=${token}`)).status).toBe(404);

    // Anyone else: a visitor, another account, a malformed secret, an unknown person: all 404.
    const stranger = await t.signIn('editor');
    for (const [path, headers] of [
      [`${base}/agenda/${lan.id}.pdf`, {}],
      [`${base}/agenda/${lan.id}.pdf`, stranger.headers],
      [`${base}/agenda/${lan.id}`, stranger.headers],
      [`${base}/agenda/${lan.id}.pdf?token=nope`, {}],
      [`${base}/agenda/nobody.pdf`, head.headers],
      [`/api/forums/other-forum/agenda/${lan.id}.pdf`, head.headers],
    ] as const) {
      const res = await t.req(path, { headers });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
