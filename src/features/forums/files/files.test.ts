import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleProgramme } from '../../../domain/forum/fixture.test-support.ts';
import { badgePdf } from './badge-pdf.ts';
import { programmePdf, sessionTimes } from './programme-pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'kizuna-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(bytes: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  // Lines wrap where the page ends: compare text with runs of white space folded to one space.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the printed programme', () => {
  it('gives back the Vietnamese and Japanese titles exactly when text is copied out', async () => {
    const p = sampleProgramme();
    // Decomposed input (NFD) must still come out as the composed characters people type.
    p.sessions[0].title.vi = 'Phiên toàn thể khai mạc'.normalize('NFD');
    const vi = pdfText(await programmePdf(p, 'vi'), 'vi');
    expect(vi).toContain('Diễn đàn Hợp tác địa phương Việt Nam – Nhật Bản (mô phỏng)');
    expect(vi).toContain('Phiên toàn thể khai mạc');
    expect(vi).toContain('Nguyễn Thị Hương (Nguyen Thi Huong)');
    expect(vi).toContain('09:00–11:00 (11:00–13:00 JST)');
    expect(vi).toContain('buổi chiều');
    const ja = pdfText(await programmePdf(p, 'ja'), 'ja');
    expect(ja).toContain('日越地方協力フォーラム(模擬)');
    expect(ja).toContain('開会全体会合 [非公式訳]');
    expect(ja).toContain('佐藤健 (Sato Ken)');
    expect(ja).toContain('合成データ(架空)');
  });

  it('embeds a subset of its font and stays small', async () => {
    const bytes = await programmePdf(sampleProgramme(), 'ja');
    writeFileSync(join(dir, 'ja.pdf'), bytes);
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP/);
    expect(bytes.length).toBeLessThan(120_000);
    const info = execFileSync('pdfinfo', [join(dir, 'ja.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it('prints times in both zones, or the part of the day when only that is known', () => {
    const p = sampleProgramme();
    expect(sessionTimes(p.sessions[0], 'Asia/Tokyo', 'en')).toBe('11:00–13:00 (09:00–11:00 ICT)');
    expect(sessionTimes(p.sessions[1], 'Asia/Ho_Chi_Minh', 'ja')).toBe('午後');
  });
});

describe('the badge', () => {
  it('carries a QR code that decodes back to the check-in code, and the names', async () => {
    const code = 'KZ1-DEMO-000123-7Q4M';
    const bytes = await badgePdf({
      forumTitle: sampleProgramme().forum.title,
      name: { native: 'Nguyễn Thị Hương', latin: 'Nguyen Thi Huong' },
      position: { vi: 'Phó Chủ tịch UBND tỉnh' },
      role: 'Đại biểu',
      code,
      lang: 'vi',
      date: new Date('2026-11-01T00:00:00Z'),
      synthetic: true,
    });
    const text = pdfText(bytes, 'badge');
    expect(text).toContain('Nguyễn Thị Hương');
    expect(text).toContain(code);
    execFileSync('pdftoppm', [
      '-r',
      '200',
      '-png',
      '-singlefile',
      join(dir, 'badge.pdf'),
      join(dir, 'badge'),
    ]);
    const png = PNG.sync.read(readFileSync(join(dir, 'badge.png')));
    // jsqr is CommonJS with a default export: the function is the module's default.
    type Decode = (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
    const mod = jsQRModule as unknown as Decode & { default?: Decode };
    const jsQR = mod.default ?? mod;
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(found?.data).toBe(code);
  });
});
