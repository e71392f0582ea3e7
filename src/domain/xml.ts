/**
 * A small XML writer for the documents Kizuna publishes (IATI activities, Atom feeds). Text and
 * attribute values are always escaped; markup is a value of its own type (`Xml`), so that a string
 * can never be taken for markup by mistake.
 */

/** Serialised markup. Build it with `el` (or `raw` for markup made elsewhere and trusted). */
export interface Xml {
  readonly xml: string;
}

export const raw = (xml: string): Xml => ({ xml });

/**
 * Characters XML 1.0 cannot carry at all, not even as references: C0 controls other than tab, LF and
 * CR, U+FFFE, U+FFFF, and UTF-16 surrogates that are not in a pair. They become U+FFFD.
 */
const NOT_XML = new RegExp(
  [
    '[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
  'g',
);

export const xmlSafe = (text: string): string => text.replace(NOT_XML, '\uFFFD');

export function escapeText(text: string): string {
  // `>` too, so that "]]>" never appears in text; CR as a reference so that it survives parsing.
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

export function escapeAttr(text: string): string {
  // Tab, LF and CR as references: a parser would otherwise normalise them to spaces.
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

export type XmlAttrs = Record<string, string | number | boolean | null | undefined>;
export type XmlChild = Xml | string | number | null | undefined | false;

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/**
 * An element. `null`, `undefined` and `false` attributes and children are left out; strings and
 * numbers are text. Element-only content is put one child per line.
 *
 * @example
 * el('narrative', { 'xml:lang': 'vi' }, 'Hà Nội & Ōsaka').xml // '<narrative xml:lang="vi">Hà Nội &amp; Ōsaka</narrative>'
 */
export function el(name: string, attrs: XmlAttrs = {}, ...children: XmlChild[]): Xml {
  if (!NAME.test(name)) throw new RangeError(`not an element name: ${name}`);
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (!NAME.test(key)) throw new RangeError(`not an attribute name: ${key}`);
    open += ` ${key}="${escapeAttr(String(value))}"`;
  }
  const kept = children.filter(
    (c): c is Xml | string | number => c !== null && c !== undefined && c !== false,
  );
  if (!kept.length) return raw(`${open}/>`);
  const onlyElements = kept.every((c) => typeof c === 'object');
  const body = kept
    .map((c) => (typeof c === 'object' ? c.xml : escapeText(String(c))))
    .join(onlyElements ? '\n' : '');
  return raw(onlyElements ? `${open}>\n${body}\n</${name}>` : `${open}>${body}</${name}>`);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A whole document: the declaration, then the root element. */
export const xmlDocument = (root: Xml): string => `${XML_DECLARATION}${root.xml}\n`;
