import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from '../../test/support/app.ts';
import { ENGINES } from '../../test/support/db.ts';
import { encodeCursor } from '../features/shared/pagination.ts';
import { illFormed, TextCheck } from './text.ts';

describe('well-formed text', () => {
  it('decodes UTF-8 strictly, marking each bad byte instead of guessing', () => {
    expect(TextCheck.utf8(Buffer.from('Đà Nẵng 大阪'))).toEqual({ text: 'Đà Nẵng 大阪', valid: true });
    const bad = TextCheck.utf8(Uint8Array.from([0x41, 0xff, 0x42, 0xe3, 0x81]));
    expect(bad.valid).toBe(false);
    expect(bad.text.startsWith('A')).toBe(true);
    expect(illFormed(bad)).toBe('is not valid UTF-8');
    expect(illFormed({ text: 'a\u0000b', valid: true })).toMatch(/NUL/);
    expect(illFormed({ text: 'a\ud800b', valid: true })).toMatch(/lone surrogate/);
    expect(illFormed({ text: '😀 pair', valid: true })).toBeNull();
    expect(TextCheck.percentDecoded('%E5%A4%A7%E9%98%AA')).toEqual({ text: '大阪', valid: true });
    expect(TextCheck.percentDecoded('%FF').valid).toBe(false);
  });

  it('accepts every well-formed string and keeps it as it is (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const clean = s.replaceAll('\u0000', '');
        expect(TextCheck.utf8(Buffer.from(clean, 'utf8'))).toEqual({ text: clean, valid: true });
        expect(illFormed({ text: clean, valid: true })).toBeNull();
      }),
    );
  });
});

describe.each(ENGINES)('ill-formed text over HTTP on %s', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(() => t.close());

  const post = (body: Uint8Array<ArrayBuffer> | string, contentType = 'application/json') =>
    t.app.request(`${ORIGIN}/api/organizations`, {
      method: 'POST',
      headers: { ...admin, 'content-type': contentType },
      body,
    });
  const count = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('organizations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const problem = async (res: Response) => {
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await res.json();
    return {
      status: res.status,
      code: body.code,
      paths: (body.errors ?? []).map((e: { path: string }) => e.path),
    };
  };

  it('refuses invalid UTF-8 in a JSON body, naming the field, and stores nothing', async () => {
    const before = await count();
    const bytes = Buffer.concat([
      Buffer.from('{"kind":"company","localityCode":"VN-HANOI","name":{"en":"Bad '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' bytes"}}'),
    ]);
    expect(await problem(await post(bytes))).toEqual({
      status: 400,
      code: 'validation.invalid',
      paths: ['name.en'],
    });
    const latin1 = Buffer.from(
      '{"kind":"company","localityCode":"VN-HANOI","name":{"en":"Caf\xe9"}}',
      'latin1',
    );
    expect(await problem(await post(latin1))).toEqual({
      status: 400,
      code: 'validation.invalid',
      paths: ['name.en'],
    });
    const declared = await post('{"kind":"company"}', 'application/json; charset=iso-8859-1');
    expect(await problem(declared)).toEqual({
      status: 415,
      code: 'request.unsupported_media_type',
      paths: ['(body)'],
    });
    expect(await count()).toBe(before);
  });

  it('refuses a lone surrogate and NUL in JSON text, naming the field', async () => {
    const before = await count();
    const lone = '{"kind":"company","localityCode":"VN-HANOI","name":{"en":"x\\ud800y"}}';
    expect(await problem(await post(lone))).toEqual({
      status: 400,
      code: 'validation.invalid',
      paths: ['name.en'],
    });
    const nulInArray =
      '{"kind":"company","localityCode":"VN-HANOI","name":{"en":"ok"},"sectors":["a\\u0000"]}';
    expect(await problem(await post(nulInArray))).toEqual({
      status: 400,
      code: 'validation.invalid',
      paths: ['sectors.0'],
    });
    const pair = '{"kind":"company","localityCode":"VN-HANOI","name":{"en":"emoji \\ud83d\\ude00"}}';
    const ok = await post(pair);
    expect(ok.status).toBe(201);
    expect((await ok.json()).name.en).toBe('emoji 😀');
    expect(await count()).toBe(before + 1);
  });

  it('refuses ill-formed text in the URL, naming the parameter', async () => {
    expect(await problem(await t.req('/api/organizations?q=%FF'))).toEqual({
      status: 400,
      code: 'validation.invalid',
      paths: ['query.q'],
    });
    expect(await problem(await t.req('/api/organizations?q=%ED%A0%80'))).toEqual({
      status: 400,
      code: 'validation.invalid',
      paths: ['query.q'],
    });
    expect((await problem(await t.req('/api/localities/VN-%C3'))).paths).toEqual(['(path)']);
  });

  it('answers a cursor hiding NUL or a lone surrogate with 400, as every engine does', async () => {
    for (const key of [['\u0000', 'x'], ['a\ud800', 'x'], ['\u0000']]) {
      const res = await t.req(`/api/organizations?cursor=${encodeCursor(key)}`);
      expect(await problem(res), JSON.stringify(key)).toEqual({
        status: 400,
        code: 'validation.invalid',
        paths: ['cursor'],
      });
    }
  });
});
