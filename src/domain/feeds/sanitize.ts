/**
 * The HTML sanitiser of news text. An allow-list: the HTML is parsed (htmlparser2) and written
 * again from scratch, keeping only the elements and attributes below; text is always escaped and
 * every attribute value quoted, so what a browser reads from the output is what was checked.
 *
 * Dropped with everything inside: script, style and the other elements whose content is code,
 * raw text or another language (svg, math, template, iframe, textarea …). Any other element not
 * allowed is unwrapped: its tag goes, its text stays. No event handler, style, class or id
 * attribute gets through; links are http(s), mailto or relative; images are http(s) only (no
 * `data:`, which can carry SVG with script).
 *
 * Chosen over sanitize-html: its maintained releases declare Node 22.12 or later, and the last one
 * for Node 20 (2.17.5) has published advisories. Keeping the output free of raw-text elements is
 * what defeats the mutation-XSS class those advisories belong to.
 */
import { Parser } from 'htmlparser2';
import { escapeAttr, escapeText } from '../xml.ts';

/** Allowed elements and, for each, its allowed attributes besides `lang`. */
const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  br: [],
  hr: [],
  h2: [],
  h3: [],
  h4: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  small: [],
  mark: [],
  sub: [],
  sup: [],
  span: [],
  blockquote: ['cite'],
  q: ['cite'],
  cite: [],
  abbr: ['title'],
  code: [],
  pre: [],
  ul: [],
  ol: ['start'],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  figure: [],
  figcaption: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
};

const VOID = new Set(['br', 'hr', 'img']);

/**
 * The parser closes an open element implicitly when certain others open (a `<td>` closes an open
 * `<td>` or `<th>`, a block closes an open `<p>`): htmlparser2's table, for the allowed elements.
 * It only does so when that element is the innermost open one; so when an unwrapped element sits
 * between, the output would read differently the second time. Such an element is unwrapped too.
 */
const HEADINGS = ['h2', 'h3', 'h4', 'p'];
const IMPLIES_CLOSE: Record<string, readonly string[]> = {
  tr: ['tr', 'th', 'td'],
  th: ['th'],
  td: ['thead', 'th', 'td'],
  a: ['a'],
  li: ['li'],
  p: ['p'],
  h2: HEADINGS,
  h3: HEADINGS,
  h4: HEADINGS,
  dd: ['dd', 'dt'],
  dt: ['dd', 'dt'],
  blockquote: ['p'],
  dl: ['p'],
  figcaption: ['p'],
  figure: ['p'],
  hr: ['p'],
  ol: ['p'],
  pre: ['p'],
  table: ['p'],
  ul: ['p'],
  tbody: ['thead', 'tbody'],
};

/** Elements dropped with all their content. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'textarea',
  'xmp',
  'plaintext',
  'title',
  'head',
  'select',
  'option',
  'canvas',
  'audio',
  'video',
]);

/** Deeper nesting is unwrapped: a stranger's text must not grow the reader's DOM without bound. */
export const MAX_DEPTH = 32;

const URL_ATTRS = new Set(['href', 'src', 'cite']);

/**
 * Browsers drop ASCII whitespace and controls around a URL and tabs and newlines inside it before
 * reading its scheme, so `java\tscript:` is `javascript:`. Read it the same way (dropping every
 * such character: stricter, never looser).
 */
function schemeOf(url: string): string | null {
  const bare = Array.from(url)
    .filter((c) => c > ' ')
    .join('')
    .toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(bare);
  return m ? m[1] : null;
}

/** Links: http(s), mailto or relative; images and quotations' sources: http(s) only. */
function urlAllowed(tag: string, url: string): boolean {
  const scheme = schemeOf(url);
  if (scheme === 'https' || scheme === 'http') return true;
  return tag === 'a' && (scheme === null || scheme === 'mailto');
}

function attrAllowed(tag: string, name: string, value: string): boolean {
  if (name === 'lang') return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value);
  if (!ALLOWED[tag].includes(name)) return false;
  if (URL_ATTRS.has(name)) return urlAllowed(tag, value);
  if (['width', 'height', 'colspan', 'rowspan', 'start'].includes(name)) return /^\d{1,4}$/.test(value);
  if (name === 'scope') return ['row', 'col', 'rowgroup', 'colgroup'].includes(value);
  return true;
}

export interface SanitizeOptions {
  /** Keep `img` elements (http(s) sources only). Default true. */
  images?: boolean;
}

/**
 * Safe HTML from untrusted HTML.
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:x">me</a></p>')
 * // '<p>Hi <a rel="nofollow ugc noopener noreferrer">me</a></p>'
 */
export function sanitizeHtml(html: string, { images = true }: SanitizeOptions = {}): string {
  let out = '';
  let skipping = 0;
  const stack: { name: string; kept: boolean; skip: boolean }[] = [];
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipping || DROP_WITH_CONTENT.has(name)) {
          stack.push({ name, kept: false, skip: true });
          if (!VOID.has(name)) skipping++;
          return;
        }
        // An image without an allowed source shows nothing: drop it rather than keep an empty tag.
        const innermostKept = stack.findLast((e) => e.kept)?.name;
        const kept =
          Object.hasOwn(ALLOWED, name) &&
          depth < MAX_DEPTH &&
          !(innermostKept !== undefined && IMPLIES_CLOSE[name]?.includes(innermostKept)) &&
          (name !== 'img' || (images && attribs.src !== undefined && urlAllowed('img', attribs.src)));
        stack.push({ name, kept, skip: false });
        if (!kept) return;
        if (!VOID.has(name)) depth++;
        let tag = `<${name}`;
        for (const [attr, value] of Object.entries(attribs))
          if (attrAllowed(name, attr, value)) tag += ` ${attr}="${escapeAttr(value)}"`;
        if (name === 'a') tag += ' rel="nofollow ugc noopener noreferrer"';
        out += `${tag}>`;
      },
      onclosetag(name) {
        const top = stack.pop();
        if (!top) return;
        if (top.name !== name) {
          stack.push(top); // a close tag that matches nothing open: nothing to close
          return;
        }
        if (top.skip) {
          if (!VOID.has(name)) skipping--;
        } else if (top.kept && !VOID.has(name)) {
          depth--;
          out += `</${name}>`;
        }
      },
      ontext(text) {
        if (!skipping) out += escapeText(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: false },
  );
  parser.write(html);
  parser.end();
  return out;
}
