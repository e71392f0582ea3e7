import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withXml } from '../../test/support/xml.ts';
import { el, escapeAttr, escapeText, raw, xmlDocument, xmlSafe } from './xml.ts';

describe('XML writer', () => {
  it('escapes text and attributes, and takes only markup as markup', () => {
    expect(escapeText('a < b && c > d ]]>')).toBe('a &lt; b &amp;&amp; c &gt; d ]]&gt;');
    expect(escapeAttr('"x"\t\n\r')).toBe('&quot;x&quot;&#9;&#10;&#13;');
    expect(el('p', { a: 'x"y', b: null, c: false, d: 2 }, '<i>', raw('<b/>')).xml).toBe(
      '<p a="x&quot;y" d="2">&lt;i&gt;<b/></p>',
    );
    expect(el('e').xml).toBe('<e/>');
    expect(() => el('a b')).toThrow(/not an element name/);
    expect(() => el('a', { 'on x': '1' })).toThrow(/not an attribute name/);
  });

  it('replaces what XML cannot carry, keeps pairs of surrogates', () => {
    expect(xmlSafe('a\u0000b\u000bc\td\uD800e😀\uDC00\uFFFF')).toBe(
      'a\uFFFDb\uFFFDc\td\uFFFDe😀\uFFFD\uFFFD',
    );
  });

  it('any text and attribute value reads back as written (after xmlSafe)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (text, attr) => {
        const xml = xmlDocument(el('root', { 'xml:lang': 'vi', v: attr }, el('t', {}, text)));
        withXml(xml, (doc) => {
          expect(String(doc.eval('string(/root/t)'))).toBe(xmlSafe(text));
          expect(String(doc.eval('string(/root/@v)'))).toBe(xmlSafe(attr));
        });
      }),
      { numRuns: 100 },
    );
  });
});
