import fc from 'fast-check';
import type { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { withXml } from '../../../test/support/xml.ts';
import { LANGS } from '../sectors.ts';
import { xmlSafe } from '../xml.ts';
import { ATOM_NS, type AtomEntry, type AtomFeed, atomFeed, TRANSLATION_STATUSES, tagUri } from './atom.ts';
import { sanitizeHtml } from './sanitize.ts';

const ns = { a: ATOM_NS };

const signing: AtomEntry = {
  id: 'news-42',
  title: 'Hà Nội và Ōsaka ký biên bản <hợp tác> & “đối tác”',
  html: '<p onclick="steal()">Lễ ký <strong>chiều nay</strong>.<script>alert(1)</script></p><img src="javascript:x">',
  summary: 'Tóm tắt',
  published: '2026-11-20T09:00:00+07:00',
  updated: '2026-11-21T10:30:00+07:00',
  url: 'https://kizuna.example/news/news-42?lang=vi',
  authors: [{ name: 'Ban tổ chức', uri: 'https://kizuna.example/forums/2026' }],
  status: 'original',
  translations: [
    { lang: 'ja', url: 'https://kizuna.example/news/news-42?lang=ja' },
    { lang: 'en', url: 'https://kizuna.example/news/news-42?lang=en' },
    { lang: 'vi', url: 'https://kizuna.example/news/news-42?lang=vi' },
  ],
  related: [{ url: 'https://kizuna.example/agreements/a-1', title: 'MoU' }],
};

const older: AtomEntry = {
  ...signing,
  id: 'news-7',
  title: 'Diễn đàn lần thứ nhất',
  html: '<p>Tin cũ</p>',
  summary: null,
  published: '2025-10-01T08:00:00Z',
  updated: '2025-10-02T08:00:00Z',
  authors: [],
  status: 'unofficialTranslation',
  translations: [],
  related: [],
};

const feedOf = (entries: AtomEntry[], lang: AtomFeed['lang'] = 'vi'): AtomFeed => ({
  lang,
  tagAuthority: 'kizuna.example',
  tagDate: '2026',
  title: 'Tin tức Kizuna',
  subtitle: 'Hợp tác địa phương Việt Nam – Nhật Bản',
  selfUrl: `https://kizuna.example/api/news/feed.atom?lang=${lang}`,
  pageUrl: `https://kizuna.example/news?lang=${lang}`,
  generatedAt: '2026-12-07T10:00:00Z',
  author: { name: 'Kizuna' },
  statusScheme: 'https://kizuna.example/docs/news#status',
  entries,
});

/** What RFC 4287 requires of a feed document, checked on the parsed XML. */
function expectAtom(doc: XmlDocument): void {
  const count = (xpath: string) => Number(doc.eval(`count(${xpath})`, ns));
  expect(count('/a:feed')).toBe(1);
  for (const name of ['id', 'title', 'updated']) expect(count(`/a:feed/a:${name}`), `feed ${name}`).toBe(1);
  expect(count('/a:feed/a:author') > 0 || count('/a:feed/a:entry[not(a:author)]') === 0).toBe(true);
  const entries = count('/a:feed/a:entry');
  for (let i = 1; i <= entries; i++) {
    const e = `/a:feed/a:entry[${i}]`;
    for (const name of ['id', 'title', 'updated']) expect(count(`${e}/a:${name}`), `entry ${name}`).toBe(1);
    expect(count(`${e}/a:content`)).toBeLessThanOrEqual(1);
    const alternates = doc
      .find(`${e}/a:link[@rel="alternate"]`, ns)
      .map((l) => String(l.eval('string(@hreflang)')));
    expect(new Set(alternates).size).toBe(alternates.length);
  }
  const ids = doc.find('/a:feed/a:entry/a:id', ns).map((n) => n.content);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of [String(doc.eval('string(/a:feed/a:id)', ns)), ...ids])
    expect(id).toMatch(/^tag:[^,]+,\d{4}[^:]*:.+/);
  for (const d of doc.find('//a:updated | //a:published', ns))
    expect(d.content).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
}

describe('Atom feed per language', () => {
  it('is well-formed Atom 1.0 with xml:lang, newest entry first, its updated the feed’s', () => {
    const xml = atomFeed(feedOf([older, signing]));
    withXml(xml, (doc) => {
      expectAtom(doc);
      const s = (xpath: string) => String(doc.eval(`string(${xpath})`, ns));
      expect(s('/a:feed/@xml:lang')).toBe('vi');
      expect(s('/a:feed/a:id')).toBe('tag:kizuna.example,2026:news/feed/vi');
      expect(s('/a:feed/a:updated')).toBe('2026-11-21T10:30:00+07:00');
      expect(s('/a:feed/a:link[@rel="self"]/@href')).toBe(
        'https://kizuna.example/api/news/feed.atom?lang=vi',
      );
      expect(s('/a:feed/a:entry[1]/a:id')).toBe('tag:kizuna.example,2026:news/news-42/vi');
      expect(s('/a:feed/a:entry[1]/a:title')).toBe(signing.title);
      expect(s('/a:feed/a:entry[1]/a:author/a:name')).toBe('Ban tổ chức');
      expect(
        doc
          .find('/a:feed/a:entry[1]/a:link[@rel="alternate"]', ns)
          .map((l) => String(l.eval('string(@hreflang)'))),
      ).toEqual(['vi', 'ja', 'en']);
      expect(s('/a:feed/a:entry[1]/a:link[@rel="related"]/@title')).toBe('MoU');
      expect(s('/a:feed/a:entry[1]/a:category/@term')).toBe('original');
      expect(s('/a:feed/a:entry[2]/a:category/@term')).toBe('unofficialTranslation');
      expect(doc.find('/a:feed/a:entry[2]/a:summary', ns)).toHaveLength(0);
    });
    // The markup of the content is escaped text in the XML, as type="html" says.
    expect(xml).toContain(
      '<content type="html">&lt;p&gt;Lễ ký &lt;strong&gt;chiều nay&lt;/strong&gt;.&lt;/p&gt;</content>',
    );
  });

  it('sanitises the content: no script, no handler, no javascript: link', () => {
    const xml = atomFeed(feedOf([signing]));
    const content = withXml(xml, (doc) => String(doc.eval('string(/a:feed/a:entry/a:content)', ns)));
    expect(content).toBe('<p>Lễ ký <strong>chiều nay</strong>.</p>');
    expect(xml).not.toMatch(/script|onclick|javascript/);
  });

  it('gives an entry the same id whatever else changes, and another id in another language', () => {
    const id = (e: AtomEntry, lang: AtomFeed['lang'] = 'vi') =>
      withXml(atomFeed(feedOf([e], lang)), (doc) => String(doc.eval('string(/a:feed/a:entry/a:id)', ns)));
    const changed = {
      ...signing,
      title: 'Khác',
      html: '<p>khác</p>',
      url: 'https://elsewhere.example/x',
      updated: '2027-01-01T00:00:00Z',
    };
    expect(id(changed)).toBe(id(signing));
    expect(id(signing, 'ja')).toBe('tag:kizuna.example,2026:news/news-42/ja');
    expect(tagUri('kizuna.example', '2026-12-07', ['news', 'a b/c?', 'vi'])).toBe(
      'tag:kizuna.example,2026-12-07:news/a%20b%2Fc%3F/vi',
    );
  });

  it('uses generatedAt when there is no entry, and refuses bad dates and authorities', () => {
    withXml(atomFeed(feedOf([], 'ja')), (doc) => {
      expectAtom(doc);
      expect(String(doc.eval('string(/a:feed/a:updated)', ns))).toBe('2026-12-07T10:00:00Z');
    });
    expect(() => atomFeed(feedOf([{ ...signing, updated: '2026-11-21 10:30' }]))).toThrow(
      /entry news-42 updated: "2026-11-21 10:30" is not an RFC 3339 date-time/,
    );
    expect(() => atomFeed({ ...feedOf([]), tagAuthority: 'not a domain' })).toThrow(/tag authority/);
    expect(() => atomFeed({ ...feedOf([]), tagDate: '26' })).toThrow(/tag date/);
  });

  it('any text and any HTML make a well-formed Atom feed whose content is sanitised', () => {
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    const html = fc
      .array(
        fc.oneof(
          text,
          fc.constantFrom(
            '<script>alert(1)</script>',
            '<p>',
            '</p>',
            '<a href="javascript:x">',
            '<img src=x onerror=y>',
            ']]>',
            '&',
          ),
        ),
        { maxLength: 8 },
      )
      .map((ps) => ps.join(''));
    const date = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
    const entryArb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 10 }),
      title: text,
      html,
      summary: fc.option(text, { nil: null }),
      published: date,
      updated: date,
      url: fc.webUrl(),
      authors: fc.array(fc.record({ name: text, uri: fc.option(fc.webUrl(), { nil: null }) }), {
        maxLength: 2,
      }),
      status: fc.constantFrom(...TRANSLATION_STATUSES),
      translations: fc.array(fc.record({ lang: fc.constantFrom(...LANGS), url: fc.webUrl() }), {
        maxLength: 3,
      }),
      related: fc.array(fc.record({ url: fc.webUrl(), title: fc.option(text, { nil: null }) }), {
        maxLength: 2,
      }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(entryArb, { selector: (e) => e.id, maxLength: 4 }),
        fc.constantFrom(...LANGS),
        (entries, lang) => {
          const xml = atomFeed(feedOf(entries, lang));
          withXml(xml, (doc) => {
            expectAtom(doc);
            for (const e of entries) {
              const at = `/a:feed/a:entry[a:id="${tagUri('kizuna.example', '2026', ['news', e.id, lang])}"]`;
              expect(String(doc.eval(`string(${at}/a:title)`, ns))).toBe(xmlSafe(e.title));
              const content = String(doc.eval(`string(${at}/a:content)`, ns));
              expect(content).toBe(sanitizeHtml(e.html));
              expect(sanitizeHtml(content)).toBe(content);
            }
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
