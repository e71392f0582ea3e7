import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { ENGINES } from '../../../../test/support/db.ts';
import { buildForum, type Json, post } from '../../../../test/support/forums.ts';

type H = Record<string, string>;
type Decode = (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
const jsQR = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode;
const dir = mkdtempSync(join(tmpdir(), 'kizuna-exhibition-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problem = async (res: Response) => {
  const body = (await res.json()) as { code: string; errors?: { path: string; code: string }[] };
  return { code: body.code, fields: (body.errors ?? []).map((e) => `${e.path}:${e.code}`) };
};

describe.each(ENGINES)('the exhibition on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  /** A forum with two invited delegations (Hà Nội, Ōsaka), each with a head who is its own account. */
  async function setUp({ open = true } = {}) {
    const forum = await buildForum(t);
    const inv = await post(t, `/api/forums/${forum.id}/invitations`, forum.organiser, {
      csv: 'party,email,language\nVN-HANOI,hn@example.org,vi\nJP-27,os@example.org,ja\n',
    });
    expect(inv.res.status).toBe(201);
    const ids = Object.fromEntries(
      (inv.body.delegations as { id: string; party: string }[]).map((d) => [d.party, d.id]),
    ) as Record<string, string>;
    const heads: Record<string, H> = {};
    for (const party of ['VN-HANOI', 'JP-27']) {
      const head = await t.signIn('editor');
      const g = await post(t, '/api/grants', forum.organiser, {
        userId: head.id,
        role: 'head',
        recordType: 'delegation',
        recordId: ids[party],
      });
      expect(g.res.status).toBe(201);
      heads[party] = head.headers;
    }
    if (open) {
      const f = await t.req(`/api/forums/${forum.id}`, { headers: forum.organiser });
      const r = await t.req(`/api/forums/${forum.id}`, {
        method: 'PATCH',
        headers: { ...forum.organiser, 'if-match': f.headers.get('etag')! },
        body: { state: 'open' },
      });
      expect(r.status).toBe(200);
    }
    return { forum, ids, heads };
  }

  async function hallAndBooths(forumId: string, organiser: H) {
    const hall = await post(t, `/api/forums/${forumId}/exhibition/halls`, organiser, {
      name: { vi: 'Sảnh A', ja: 'A館', en: 'Hall A' },
      columns: 10,
      rows: 6,
    });
    expect(hall.res.status).toBe(201);
    const hallId = hall.body.id as string;
    const a1 = await post(t, `/api/forums/${forumId}/exhibition/booths`, organiser, {
      hallId,
      code: 'A1',
      x: 0,
      y: 0,
      w: 2,
      h: 2,
    });
    const a2 = await post(t, `/api/forums/${forumId}/exhibition/booths`, organiser, {
      hallId,
      code: 'A2',
      x: 2,
      y: 0,
      w: 2,
      h: 2,
    });
    expect([a1.res.status, a2.res.status]).toEqual([201, 201]);
    return { hallId, a1: a1.body, a2: a2.body };
  }

  it('places booths inside the grid, without overlap, codes unique, each refusal at its field', async () => {
    const { forum, heads } = await setUp();
    const { hallId, a1 } = await hallAndBooths(forum.id, forum.organiser);
    const place = (body: Json, h: H = forum.organiser) =>
      t.req(`/api/forums/${forum.id}/exhibition/booths`, { method: 'POST', headers: h, body });
    let res = await place({ hallId, code: 'B1', x: 1, y: 1, w: 2, h: 2 });
    expect(res.status).toBe(422);
    expect(await problem(res)).toEqual({ code: 'exhibition.floor', fields: ['x:overlap'] });
    res = await place({ hallId, code: 'B1', x: 9, y: 0, w: 2, h: 1 });
    expect((await problem(res)).fields).toEqual(['x:outside_grid']);
    res = await place({ hallId, code: 'B1', x: 0, y: 5, w: 1, h: 2 });
    expect((await problem(res)).fields).toEqual(['y:outside_grid']);
    res = await place({ hallId, code: 'a1', x: 6, y: 0, w: 1, h: 1 });
    expect((await problem(res)).fields).toEqual(['code:code_taken']);
    res = await place({ hallId: 'nope', code: 'C1', x: 6, y: 0, w: 1, h: 1 });
    expect(res.status).toBe(400);
    expect((await problem(res)).fields).toEqual(['hallId:unknown_reference']);
    res = await place({ hallId, code: 'C1', x: -1, y: 0, w: 0, h: 1 });
    expect(res.status).toBe(400);
    // Only organisers draw the floor.
    expect((await place({ hallId, code: 'C1', x: 6, y: 0, w: 1, h: 1 }, heads['VN-HANOI']!)).status).toBe(
      403,
    );
    expect((await place({ hallId, code: 'C1', x: 6, y: 0, w: 1, h: 1 }, {})).status).toBe(401);
    // Moving: If-Match, and the same rules (its own old place is no clash).
    const move = (body: Json, v: string | null) =>
      t.req(`/api/forums/${forum.id}/exhibition/booths/${a1.id}`, {
        method: 'PATCH',
        headers: { ...forum.organiser, ...(v ? { 'if-match': v } : {}) },
        body,
      });
    expect((await move({ x: 1 }, null)).status).toBe(428);
    expect((await problem(await move({ x: 1 }, '"1"'))).fields).toEqual(['x:overlap']);
    const moved = await move({ y: 2, h: 3 }, '"1"');
    expect(moved.status).toBe(200);
    expect((await move({ y: 1 }, '"1"')).status).toBe(412);
    // A hall with booths stays.
    expect(
      (
        await t.req(`/api/forums/${forum.id}/exhibition/halls/${hallId}`, {
          method: 'DELETE',
          headers: forum.organiser,
        })
      ).status,
    ).toBe(409);
    // Nothing half-written: the floor holds the two booths, A1 moved.
    const ex = (await (await t.req(`/api/forums/${forum.id}/exhibition`)).json()) as { booths: Json[] };
    expect(ex.booths.map((b) => `${b.code}@${b.x},${b.y} ${b.w}x${b.h}`)).toEqual([
      'A1@0,2 2x3',
      'A2@2,0 2x2',
    ]);
  });

  it('gives a booth to one delegation, and a delegation one booth unless the organiser gives more', async () => {
    const { forum, ids, heads } = await setUp();
    const { a1, a2 } = await hallAndBooths(forum.id, forum.organiser);
    const assign = (boothId: unknown, v: number, body: Json, h: H = forum.organiser) =>
      t.req(`/api/forums/${forum.id}/exhibition/booths/${boothId}/exhibitor`, {
        method: 'PUT',
        headers: { ...h, 'if-match': `"${v}"` },
        body,
      });
    expect((await assign(a1.id, 1, { delegationId: ids['VN-HANOI'] }, heads['VN-HANOI']!)).status).toBe(403);
    expect((await assign(a1.id, 1, { delegationId: ids['VN-HANOI'] })).status).toBe(200);
    let res = await assign(a1.id, 2, { delegationId: ids['JP-27'] });
    expect(await problem(res)).toEqual({ code: 'exhibition.floor', fields: ['delegationId:booth_assigned'] });
    res = await assign(a2.id, 1, { delegationId: ids['VN-HANOI'] });
    expect(await problem(res)).toEqual({ code: 'exhibition.floor', fields: ['delegationId:booth_limit'] });
    res = await assign(a2.id, 1, { delegationId: 'no-such' });
    expect((await problem(res)).fields).toEqual(['delegationId:unknown_reference']);
    expect((await assign(a2.id, 1, { delegationId: ids['VN-HANOI'], additional: true })).status).toBe(200);
    // Freed, it can go to another delegation.
    expect((await assign(a2.id, 2, { delegationId: null })).status).toBe(200);
    expect((await assign(a2.id, 3, { delegationId: ids['JP-27'] })).status).toBe(200);
    const ex = (await (await t.req(`/api/forums/${forum.id}/exhibition`)).json()) as { exhibitors: Json[] };
    expect(
      ex.exhibitors.map((e) => `${(e.party as Json).id}:${(e.booths as string[]).join(',')}`).sort(),
    ).toEqual(['JP-27:A2', 'VN-HANOI:A1']);
  });

  it('lets the head of that delegation and the organisers present products; others get 404, strangers 401', async () => {
    const { forum, ids, heads } = await setUp();
    const url = `/api/forums/${forum.id}/delegations/${ids['VN-HANOI']}/products`;
    const body = {
      name: { vi: 'Nước mắm', en: 'Fish sauce', translation: { en: 'unofficial' } },
      description: { vi: 'Nước mắm truyền thống' },
      sector: 'agriculture',
      ocopStars: 4,
    };
    const mine = await post(t, url, heads['VN-HANOI']!, body);
    expect(mine.res.status).toBe(201);
    expect(mine.body).toMatchObject({ name: body.name, ocopStars: 4, photos: [], version: 1 });
    expect((await post(t, url, heads['JP-27']!, body)).res.status).toBe(404);
    expect((await post(t, url, (await t.signIn('editor')).headers, body)).res.status).toBe(404);
    expect((await t.req(url, { method: 'POST', body })).status).toBe(401);
    expect(
      (await post(t, url, forum.organiser, { ...body, ocopStars: null, gi: { ja: '神戸ビーフ' } })).res
        .status,
    ).toBe(201);
    // Bad input, each named.
    const bad = await post(t, url, heads['VN-HANOI']!, { name: {}, ocopStars: 6, sector: 'x' });
    expect(bad.res.status).toBe(400);
    expect(((bad.body.errors as { path: string }[]) ?? []).map((e) => e.path).sort()).toEqual([
      'name',
      'ocopStars',
    ]);
    const sector = await post(t, url, heads['VN-HANOI']!, { name: { vi: 'Chè' }, sector: 'no.such' });
    expect((sector.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['sector']);
    const offer = await post(t, url, heads['VN-HANOI']!, { name: { vi: 'Chè' }, offers: [99] });
    expect((offer.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['offers.0']);
    // Changing: If-Match; the other head cannot even see it.
    const pUrl = `/api/forums/${forum.id}/exhibition/products/${mine.body.id}`;
    const patch = (h: H, v: string, b: Json) =>
      t.req(pUrl, { method: 'PATCH', headers: { ...h, 'if-match': v }, body: b });
    expect((await patch(heads['JP-27']!, '"1"', { ocopStars: 5 })).status).toBe(404);
    const changed = await patch(heads['VN-HANOI']!, '"1"', { ocopStars: 5 });
    expect(changed.status).toBe(200);
    expect((await changed.json()).ocopStars).toBe(5);
    expect((await patch(heads['VN-HANOI']!, '"1"', { ocopStars: 3 })).status).toBe(412);
    const list = await (await t.req(url, { headers: heads['VN-HANOI']! })).json();
    expect(list.items).toHaveLength(2);
    expect(
      (await t.req(pUrl, { method: 'DELETE', headers: { ...heads['VN-HANOI']!, 'if-match': '"2"' } })).status,
    ).toBe(200);
    expect((await (await t.req(url, { headers: forum.organiser })).json()).items).toHaveLength(1);
  });

  it('stores photos by their bytes, re-encoded without metadata; refuses text, GIF and oversize by name', async () => {
    const { forum, ids, heads } = await setUp({ open: false });
    const made = await post(
      t,
      `/api/forums/${forum.id}/delegations/${ids['VN-HANOI']}/products`,
      heads['VN-HANOI']!,
      {
        name: { vi: 'Gốm Bát Tràng' },
      },
    );
    const upload = (bytes: Buffer, type: string, name: string, h: H = heads['VN-HANOI']!) =>
      t.app.request(
        `http://localhost/api/forums/${forum.id}/exhibition/products/${made.body.id}/files?name=${name}`,
        {
          method: 'POST',
          headers: { ...h, 'content-type': type },
          body: new Uint8Array(bytes),
        },
      );
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c04020' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-camera-owner', Make: 'KizunaCam' } } })
      .toBuffer();
    expect(jpeg.includes('KizunaCam')).toBe(true);
    let res = await upload(jpeg, 'image/jpeg', 'pot.jpg');
    expect(res.status).toBe(201);
    const photo = await res.json();
    expect(photo).toMatchObject({ mime: 'image/jpeg', width: 640, height: 480 });
    // A PNG named .jpg and declared as JPEG is read as what it is.
    const png = await sharp({ create: { width: 50, height: 40, channels: 4, background: '#00ff00' } })
      .png()
      .toBuffer();
    res = await upload(png, 'image/jpeg', 'fake.jpg');
    expect(res.status).toBe(201);
    expect((await res.json()).mime).toBe('image/png');
    res = await upload(Buffer.from('hello, this is not an image\n'), 'image/jpeg', 'notes.jpg');
    expect(res.status).toBe(415);
    expect((await res.json()).code).toBe('upload.unsupported_type');
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    res = await upload(gif, 'image/gif', 'a.gif');
    expect(res.status).toBe(415);
    res = await upload(Buffer.alloc(8 * 1024 * 1024 + 1, 1), 'image/jpeg', 'huge.jpg');
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe('upload.too_large');
    expect((await upload(jpeg, 'image/jpeg', 'x.jpg', heads['JP-27']!)).status).toBe(404);

    // The organiser sees the draft forum's exhibition; the public does not, not even the photo.
    const photoUrl = `/api/forums/${forum.id}/exhibition/photos/${photo.id}`;
    expect((await t.req(photoUrl)).status).toBe(404);
    expect((await t.req(`/api/forums/${forum.id}/exhibition`)).status).toBe(404);
    const stored = await t.req(photoUrl, { headers: forum.organiser });
    expect(stored.status).toBe(200);
    const bytes = Buffer.from(await stored.arrayBuffer());
    expect(bytes.includes('KizunaCam')).toBe(false);
    expect(bytes.includes('secret-camera-owner')).toBe(false);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    const thumb = await t.req(`${photoUrl}/thumb`, { headers: forum.organiser });
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const products = await (
      await t.req(`/api/forums/${forum.id}/delegations/${ids['VN-HANOI']}/products`, {
        headers: forum.organiser,
      })
    ).json();
    expect(products.items[0].photos.map((p: Json) => p.id)).toHaveLength(2);
  });

  it('checks a person in once by the code on their badge PDF, decodes its QR, renews it', async () => {
    const { forum, ids, heads } = await setUp();
    const members = `/api/forums/${forum.id}/delegations/${ids['VN-HANOI']}/members`;
    const lan = await post(t, members, heads['VN-HANOI']!, {
      name: { family: { native: 'Nguyễn', latin: 'Nguyen' }, given: { native: 'Thị Lan', latin: 'Thi Lan' } },
      dietary: 'chay',
    });
    expect(lan.res.status).toBe(201);
    await post(t, members, heads['VN-HANOI']!, {
      name: { family: { native: 'Trần', latin: 'Tran' }, given: { native: 'Minh', latin: 'Minh' } },
    });
    // The head prints the delegation's badges; another head may not.
    const pdfUrl = `/api/forums/${forum.id}/badges.pdf?lang=vi&delegationId=${ids['VN-HANOI']}`;
    expect((await t.req(pdfUrl, { headers: heads['JP-27']! })).status).toBe(404);
    expect((await t.req(`/api/forums/${forum.id}/badges.pdf`, { headers: heads['VN-HANOI']! })).status).toBe(
      403,
    );
    const pdf = await t.req(pdfUrl, { headers: heads['VN-HANOI']! });
    expect(pdf.status).toBe(200);
    const file = join(dir, `badges-${engine}.pdf`);
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
      /Pages:\s+2\b[\s\S]*297\.64 x 419\.53 pts/,
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nguyễn Thị Lan');
    expect(text).toContain('Đại biểu');
    execFileSync('pdftoppm', [
      '-r',
      '200',
      '-png',
      '-f',
      '1',
      '-singlefile',
      file,
      join(dir, `badge-${engine}`),
    ]);
    const png = PNG.sync.read(readFileSync(join(dir, `badge-${engine}.png`)));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    expect(code).toMatch(/^KZ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(text).toContain(code);
    // Printing again gives the same codes.
    const again = Buffer.from(await (await t.req(pdfUrl, { headers: forum.organiser })).arrayBuffer());
    writeFileSync(join(dir, 'again.pdf'), again);
    expect(execFileSync('pdftotext', [join(dir, 'again.pdf'), '-'], { encoding: 'utf8' })).toContain(code);

    const checkin = (c: string, h: H = forum.organiser) =>
      post(t, `/api/forums/${forum.id}/checkins`, h, { code: c });
    expect((await checkin(code!, heads['VN-HANOI']!)).res.status).toBe(403);
    const first = await checkin(code!);
    expect(first.res.status).toBe(200);
    expect(first.body).toMatchObject({
      personId: lan.body.id,
      name: { native: 'Nguyễn Thị Lan', latin: 'Nguyen Thi Lan' },
      kind: 'member',
      dietary: 'chay',
      already: false,
      delegation: { id: ids['VN-HANOI'] },
    });
    // Typed by hand, in lower case without dashes: the same person, already in, at the same time.
    const second = await checkin(code!.toLowerCase().replace(/-/g, ' '));
    expect(second.body).toMatchObject({
      personId: lan.body.id,
      already: true,
      checkedInAt: first.body.checkedInAt,
    });
    const rows = await t.db.db
      .selectFrom('forum_checkins')
      .selectAll()
      .where('forum_id', '=', forum.id)
      .execute();
    expect(rows).toHaveLength(1);
    const unknown = await checkin('KZ-0000-0000-0000-0000');
    expect(unknown.res.status).toBe(404);
    expect(unknown.body.code).toBe('checkin.unknown_code');
    expect((await checkin('hello')).body.code).toBe('checkin.unknown_code');
    // A lost badge: a new code, and the old one is unknown.
    const renewed = await post(
      t,
      `/api/forums/${forum.id}/people/${lan.body.id}/badge`,
      heads['VN-HANOI']!,
      undefined,
    );
    expect(renewed.res.status).toBe(201);
    expect(renewed.body.code).not.toBe(code);
    expect((await checkin(code!)).body.code).toBe('checkin.unknown_code');
    expect((await checkin(renewed.body.code as string)).body).toMatchObject({ already: true });
  });
});
