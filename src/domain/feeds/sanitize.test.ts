import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, sanitizeHtml } from './sanitize.ts';

/** Known XSS vectors (after the OWASP filter-evasion cheat sheet and published sanitiser advisories). */
const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<a href=" &#14; javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  '<SCRIPT SRC=http://xss.rocks/xss.js?< B >',
  '<IMG SRC="`<javascript:alert>`(\'XSS\')"',
  '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
  '<BODY BACKGROUND="javascript:alert(\'XSS\')">',
  "<svg/onload=alert('XSS')>",
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<svg><animate attributeName="href" values="javascript:alert(1)"/><a><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '<p style="x:expression(alert(1))">x</p>',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hsaW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAwIiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlhTUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
  '<BASE HREF="javascript:alert(\'XSS\');//">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea></textarea/><img src=x onerror=alert(1)>',
  '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
  '<title><img src=x onerror=alert(1)></title>',
  '<template><script>alert(1)</script></template>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<?xml-stylesheet href="javascript:alert(1)"?>',
  '<a href="#" onclick="alert(1)" style="color:red" class="x" id="login">x</a>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<a href="https://example.org/" target="_blank" formaction="javascript:alert(1)">ok</a>',
  '<blockquote cite="javascript:alert(1)">q</blockquote>',
];

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
      { numRuns: 500 },
    );
  });
});
