import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

const sink = () => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
};

let dir: string;
let out: ReturnType<typeof sink>;
let err: ReturnType<typeof sink>;
let io: CliIo;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kizuna-match-'));
  out = sink();
  err = sink();
  io = { stdout: out.stream, stderr: err.stream, env: {}, cwd: dir };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const profile = (
  id: string,
  country: string,
  offers: string[],
  needs: string[],
  partners: string[] = [],
) => ({
  id,
  country,
  kind: 'locality',
  name: id,
  offers,
  needs,
  sectors: [],
  partners,
});

const good = {
  format: 'kizuna.profiles/1',
  profiles: [
    profile('vn-a', 'VN', ['Ứng viên điều dưỡng đã học tiếng Nhật'], ['Công nghệ xử lý nước thải']),
    profile('jp-b', 'JP', ['排水処理の技術'], ['介護人材'], ['vn-c']),
    profile('vn-c', 'VN', ['Thực tập sinh nông nghiệp'], ['Kho lạnh bảo quản trái cây']),
  ],
};

const put = async (name: string, content: string | Buffer | object) => {
  const data = typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content);
  await writeFile(path.join(dir, name), data);
  return name;
};

describe('kizuna match', () => {
  it('prints a kizuna.matches/1 document with reasons', async () => {
    await put('p.json', good);
    expect(await main(['match', '--input', 'p.json'], io)).toBe(0);
    const doc = JSON.parse(out.text());
    expect(doc.format).toBe('kizuna.matches/1');
    expect(doc.matches.map((m: { profile: string }) => m.profile)).toEqual(['vn-a', 'jp-b', 'vn-c']);
    const [first] = doc.matches[0].partners;
    expect(first.id).toBe('jp-b');
    expect(first.reasons[0]).toMatchObject({ direction: expect.any(String), sector: expect.any(String) });
    expect(err.text()).toBe('');
  });

  it('writes --output, honours --top and leaves out partners unless --include-partners', async () => {
    await put('p.json', good);
    expect(await main(['match', '--input', 'p.json', '--top', '1', '--output', 'm.json'], io)).toBe(0);
    expect(out.text()).toBe('');
    const doc = JSON.parse(await readFile(path.join(dir, 'm.json'), 'utf8'));
    expect(doc.matches[1].partners.map((p: { id: string }) => p.id)).toEqual(['vn-a']);
    await main(['match', '--input', 'p.json', '--output=m2.json', '--include-partners'], io);
    const doc2 = JSON.parse(await readFile(path.join(dir, 'm2.json'), 'utf8'));
    expect(doc2.matches[1].partners.map((p: { id: string }) => p.id)).toContain('vn-c');
  });

  const bad: [string, string | Buffer | object, RegExp][] = [
    ['malformed JSON', '{"format": "kizuna.profiles/1", "profiles": [', /p\.json: malformed JSON/],
    [
      'an unknown format',
      { format: 'kizuna.profiles/9', profiles: [] },
      /p\.json:\$\.format: unknown format/,
    ],
    [
      'duplicate ids',
      { ...good, profiles: [good.profiles[0], good.profiles[0]] },
      /\$\.profiles\[1\]\.id: duplicate id "vn-a"/,
    ],
    [
      'a missing country',
      { ...good, profiles: [{ ...good.profiles[0], country: undefined }] },
      /\$\.profiles\[0\]\.country: missing country/,
    ],
    [
      'an empty text',
      { ...good, profiles: [{ ...good.profiles[0], needs: [''] }] },
      /\$\.profiles\[0\]\.needs\[0\]: empty text/,
    ],
    [
      'a 100 KB text',
      { ...good, profiles: [{ ...good.profiles[0], offers: ['介護🎉'.repeat(30_000)] }] },
      /\$\.profiles\[0\]\.offers\[0\]: text longer than/,
    ],
    ['non-UTF-8 bytes', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /p\.json: not valid UTF-8/],
  ];

  it.each(bad)(
    'refuses %s: path and reason on stderr, exit 2, nothing written',
    async (_name, content, message) => {
      await put('p.json', content);
      expect(await main(['match', '--input', 'p.json', '--output', 'm.json'], io)).toBe(2);
      expect(err.text()).toMatch(message);
      expect(existsSync(path.join(dir, 'm.json'))).toBe(false);
      expect(out.text()).toBe('');
    },
  );

  it('names bad options and a missing file', async () => {
    expect(await main(['match', '--top', 'many', '--colour'], io)).toBe(2);
    expect(err.text()).toMatch(/--top: expected a whole number/);
    expect(err.text()).toMatch(/--colour: unknown option/);
    expect(err.text()).toMatch(/--input: required/);
    expect(await main(['match', '--input', 'absent.json'], io)).toBe(2);
    expect(err.text()).toMatch(/absent\.json: cannot read file \(ENOENT\)/);
  });

  it('prints its usage with --help', async () => {
    expect(await main(['match', '--help'], io)).toBe(0);
    expect(out.text()).toMatch(/usage: kizuna match --input/);
  });
});
