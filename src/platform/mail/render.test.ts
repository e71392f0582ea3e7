import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs } from '../jobs/define.ts';
import { defineTemplate, escapeHtml, LANGUAGES, renderMail } from './render.ts';

const note = defineTemplate<{ name: string; url: string }>('test.note', {
  vi: ({ name, url }) => ({
    subject: `Gửi ${name}`,
    paragraphs: [`Chào ${name}`],
    action: { label: 'Mở', url },
  }),
  ja: ({ name, url }) => ({
    subject: `${name} 様`,
    paragraphs: [`${name} 様`],
    action: { label: '開く', url },
  }),
  en: ({ name, url }) => ({
    subject: `To ${name}`,
    paragraphs: [`Dear ${name}`],
    action: { label: 'Open', url },
  }),
});

const unescapeHtml = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
  );

describe('mail rendering', () => {
  it('whatever a parameter holds, the HTML part carries it escaped and the text part verbatim', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom(...LANGUAGES),
        (name, lang) => {
          const m = renderMail(note, lang, { name, url: 'https://kizuna.test/x?a=1&b=<2>' });
          const escaped = escapeHtml(name);
          expect(escaped).not.toMatch(/[<>"']/);
          expect(unescapeHtml(escaped)).toBe(name);
          expect(m.text).toContain(name);
          expect(m.html).toContain(escaped.replace(/\r?\n/g, '<br>'));
          // The only tags are the template's own: no parameter opens one.
          const tags = m.html.match(/<[a-z!/][^>]*>/gi) ?? [];
          expect(tags.every((t) => /^<\/?(!doctype|html|head|meta|title|body|p|br|a)\b/i.test(t))).toBe(true);
          expect(m.subject).not.toMatch(/[\r\n]/);
          expect(m.html).toContain('href="https://kizuna.test/x?a=1&amp;b=&lt;2&gt;"');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an action link that is not http(s)', () => {
    expect(() => renderMail(note, 'en', { name: 'x', url: 'javascript:alert(1)' })).toThrow(/must be http/);
  });
});

describe('back-off', () => {
  it('doubles from 30 s and never exceeds an hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        expect(backoffMs(n)).toBeLessThanOrEqual(3_600_000);
        expect(backoffMs(n + 1)).toBe(Math.min(3_600_000, backoffMs(n) * 2));
      }),
    );
    expect(backoffMs(1)).toBe(30_000);
  });
});
