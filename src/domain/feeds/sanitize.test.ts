import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, sanitizeHtml } from './sanitize.ts';
import { XSS_VECTORS as VECTORS } from './xss-vectors.ts';

/** Every element and attribute of a fragment, as a parser reads it. */
function inventory(html: string): { tags: string[]; attrs: [string, string, string][] } {
  const tags: string[] = [];
  const attrs: [string, string, string][] = [];
  const p = new Parser({
    onopentag(name, attribs) {
      tags.push(name);
      for (const [k, v] of Object.entries(attribs)) attrs.push([name, k, v]);
    },
  });
  p.write(html);
  p.end();
  return { tags, attrs };
}

const SAFE_TAGS = new Set(
  'p br hr h2 h3 h4 strong b em i u s small mark sub sup span blockquote q cite abbr code pre ul ol li dl dt dd a img figure figcaption table caption thead tbody tr th td'.split(
    ' ',
  ),
);

function expectSafe(out: string): void {
  const { tags, attrs } = inventory(out);
  for (const t of tags) expect(SAFE_TAGS.has(t), `element <${t}> in ${out}`).toBe(true);
  for (const [tag, name, value] of attrs) {
    expect(name, `${tag}@${name} in ${out}`).not.toMatch(/^on|^style$|^class$|^id$|^srcdoc$|^formaction$/);
    if (['href', 'src', 'cite'].includes(name)) {
      const bare = Array.from(value)
        .filter((c) => c > ' ')
        .join('');
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase();
      expect(['http', 'https', 'mailto', undefined], `${tag}@${name}="${value}"`).toContain(scheme);
    }
  }
  expect(out).not.toMatch(
    /<(script|style|svg|math|iframe|object|embed|textarea|xmp|noscript|title|template)\b/i,
  );
}

describe('news HTML sanitiser', () => {
  it('keeps the allowed structure and text', () => {
    const html =
      '<h2 lang="vi">Tin mới</h2><p>Hà Nội &amp; <strong>Ōsaka</strong> ký <a href="https://example.org/a?b=1&amp;c=2" title="MoU">biên bản</a>.</p>' +
      '<ul><li>一</li><li>二</li></ul><img src="https://example.org/p.jpg" alt="Lễ ký" width="640"><table><tr><th scope="col">A</th></tr><tr><td colspan="2">1</td></tr></table>';
    expect(sanitizeHtml(html)).toBe(
      '<h2 lang="vi">Tin mới</h2><p>Hà Nội &amp; <strong>Ōsaka</strong> ký <a href="https://example.org/a?b=1&amp;c=2" title="MoU" rel="nofollow ugc noopener noreferrer">biên bản</a>.</p>' +
        '<ul><li>一</li><li>二</li></ul><img src="https://example.org/p.jpg" alt="Lễ ký" width="640"><table><tr><th scope="col">A</th></tr><tr><td colspan="2">1</td></tr></table>',
    );
    expect(sanitizeHtml('<a href="/news/2">next</a> <a href="mailto:x@example.org">mail</a>')).toBe(
      '<a href="/news/2" rel="nofollow ugc noopener noreferrer">next</a> <a href="mailto:x@example.org" rel="nofollow ugc noopener noreferrer">mail</a>',
    );
  });

  it('drops script, style and their kind with their content; unwraps unknown elements', () => {
    expect(sanitizeHtml('a<script>alert(1)</script>b<style>p{}</style>c<svg><text>d</text></svg>e')).toBe(
      'abce',
    );
    expect(sanitizeHtml('<div><font color=red>keep</font></div>')).toBe('keep');
    expect(sanitizeHtml('<p>a<p>b')).toBe('<p>a</p><p>b</p>');
    expect(sanitizeHtml('1 < 2 & 3 > 2')).toBe('1 &lt; 2 &amp; 3 &gt; 2');
  });

  it('leaves out images when asked, and images with a refused source', () => {
    expect(sanitizeHtml('<img src="https://x.example/a.png" alt="a">', { images: false })).toBe('');
    expect(sanitizeHtml('<img src="/a.png">x<img>')).toBe('x');
  });

  it('caps nesting', () => {
    const deep = `${'<b>'.repeat(MAX_DEPTH + 10)}x${'</b>'.repeat(MAX_DEPTH + 10)}`;
    const out = sanitizeHtml(deep);
    expect(out).toBe(`${'<b>'.repeat(MAX_DEPTH)}x${'</b>'.repeat(MAX_DEPTH)}`);
  });

  it.each([
    ['<th><div><td>x', '<th>x</th>'],
    ['<li><div><li>y', '<li>y</li>'],
    ['<tr><td><div><tr>z', '<tr><td>z</td></tr>'],
  ])('an element the parser would close on a second reading is unwrapped: %s', (html, want) => {
    expect(sanitizeHtml(html)).toBe(want);
    expect(sanitizeHtml(want)).toBe(want);
  });

  it.each(VECTORS)('lets nothing of %s run', (vector) => {
    const out = sanitizeHtml(vector);
    expectSafe(out);
    expect(out).not.toMatch(/javascript:|vbscript:|data:|onerror|onload|alert\(1\)</i);
    expect(sanitizeHtml(out)).toBe(out);
  });

  it('any mix of tags, attributes and text comes out safe, and sanitising again changes nothing', () => {
    const tag = fc.constantFrom(
      ...SAFE_TAGS,
      'script',
      'style',
      'svg',
      'math',
      'textarea',
      'xmp',
      'noscript',
      'iframe',
      'div',
      'title',
      'img',
      'a',
    );
    const attr = fc.tuple(
      fc.constantFrom(
        'href',
        'src',
        'onerror',
        'style',
        'title',
        'lang',
        'cite',
        'width',
        'xlink:href',
        'srcdoc',
      ),
      fc.oneof(
        fc.constantFrom(
          'javascript:alert(1)',
          ' jav&#x09;ascript:x',
          'https://ok.example/',
          'data:image/png;base64,AA',
          '"><script>x</script>',
          'vi',
          '12',
          '/rel',
        ),
        fc.string({ maxLength: 8 }),
      ),
    );
    const piece = fc.oneof(
      fc
        .tuple(tag, fc.array(attr, { maxLength: 3 }))
        .map(([t, as]) => `<${t}${as.map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('')}>`),
      tag.map((t) => `</${t}>`),
      fc.constantFrom('<!--', '-->', '<![CDATA[', ']]>', '<', '>', '&', '&lt;', '"', "'", '/', '</'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 25 }).map((ps) => ps.join('')),
        (html) => {
          const out = sanitizeHtml(html);
          expectSafe(out);
          expect(sanitizeHtml(out)).toBe(out);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
