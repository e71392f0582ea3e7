import type { TestApp } from './app.ts';
import { adminHeaders } from './factories.ts';

type H = Record<string, string>;
export type Json = Record<string, unknown>;
let serial = 0;

/** A forum in Hà Nội time on 10–11 May 2027, with one organiser; the caller's headers for each role. */
export async function buildForum(t: TestApp, overrides: Json = {}) {
  const admin = await adminHeaders(t);
  const organiser = await t.signIn('editor');
  const id = `forum-${++serial}-${Date.now().toString(36)}`;
  const res = await t.req('/api/forums', {
    method: 'POST',
    headers: admin,
    body: {
      forum: {
        id,
        acronym: id,
        title: { vi: 'Diễn đàn thử', ja: 'テストフォーラム', en: 'Test forum' },
        zone: 'Asia/Ho_Chi_Minh',
        firstDay: '2027-05-10',
        lastDay: '2027-05-11',
        languages: ['vi', 'ja'],
        capacity: 20,
        ...overrides,
      },
      organiserIds: [organiser.id],
    },
  });
  if (res.status !== 201) throw new Error(`forum: ${res.status} ${await res.text()}`);
  return { id, admin, organiser: organiser.headers, organiserId: organiser.id };
}

export async function post(t: TestApp, path: string, headers: H, body: unknown, method = 'POST') {
  const res = await t.req(path, { method, headers, body });
  return { res, body: (await res.clone().json()) as Json };
}
