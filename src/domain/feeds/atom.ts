/**
 * Atom 1.0 feeds (RFC 4287) of news, one per language (`GET /api/news/feed.atom?lang=vi|ja|en`).
 * Entry ids are tag: URIs (RFC 4151) made only from the news item's id and the language, so they
 * never change when a title, a text or an address does. Entry content is HTML, sanitised here
 * (sanitize.ts), whatever the caller did before.
 */
import type { Lang } from '../sectors.ts';
import { el, type Xml, xmlDocument } from '../xml.ts';
import { sanitizeHtml } from './sanitize.ts';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** How a language version of a news item came to be (the spec's "original, official or unofficial translation"). */
export const TRANSLATION_STATUSES = ['original', 'officialTranslation', 'unofficialTranslation'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export interface AtomPerson {
  name: string;
  uri?: string | null;
}

export interface AtomEntry {
  /** The news item's stable id (the same for every language version). */
  id: string;
  title: string;
  /** The text as stored; sanitised before it goes into the feed. */
  html: string;
  summary?: string | null;
  published: string;
  updated: string;
  /** The item's page in this language. */
  url: string;
  authors: AtomPerson[];
  status: TranslationStatus;
  /** The item's pages in its other languages. */
  translations: { lang: Lang; url: string }[];
  /** Forums, agreements and projects the item is about. */
  related: { url: string; title?: string | null }[];
}

export interface AtomFeed {
  lang: Lang;
  /** The tag: URI authority, a domain name the publisher holds (`kizuna.example`), and a date it held it. */
  tagAuthority: string;
  tagDate: string;
  title: string;
  subtitle?: string | null;
  /** The feed's own address and the news page it mirrors. */
  selfUrl: string;
  pageUrl: string;
  /** Used when no entry is newer: the feed's `updated` is the latest entry's otherwise. */
  generatedAt: string;
  author: AtomPerson;
  /** Where the category scheme of translation statuses is described. */
  statusScheme: string;
  entries: readonly AtomEntry[];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function checkDate(value: string, what: string): string {
  if (!RFC3339.test(value) || Number.isNaN(Date.parse(value)))
    throw new RangeError(`${what}: "${value}" is not an RFC 3339 date-time`);
  return value;
}

/**
 * A tag: URI (RFC 4151) `tag:AUTHORITY,DATE:SPECIFIC`; the specific part is percent-encoded so any
 * id is safe in it.
 *
 * @example
 * tagUri('kizuna.example', '2026', ['news', '42', 'vi']) // 'tag:kizuna.example,2026:news/42/vi'
 */
export function tagUri(authority: string, date: string, path: string[]): string {
  if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(authority))
    throw new RangeError(`tag authority: "${authority}" is not a domain name`);
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date))
    throw new RangeError(`tag date: "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  return `tag:${authority.toLowerCase()},${date}:${path.map(encodeURIComponent).join('/')}`;
}

const person = (name: 'author', p: AtomPerson): Xml =>
  el(name, {}, el('name', {}, p.name), p.uri ? el('uri', {}, p.uri) : null);

function entry(feed: AtomFeed, e: AtomEntry): Xml {
  return el(
    'entry',
    {},
    el('id', {}, tagUri(feed.tagAuthority, feed.tagDate, ['news', e.id, feed.lang])),
    el('title', { type: 'text' }, e.title),
    el('updated', {}, e.updated),
    el('published', {}, e.published),
    ...e.authors.map((a) => person('author', a)),
    el('link', { rel: 'alternate', type: 'text/html', hreflang: feed.lang, href: e.url }),
    // One alternate per language (RFC 4287 §4.1.2 allows no two with the same type and hreflang).
    ...[...new Map(e.translations.filter((t) => t.lang !== feed.lang).map((t) => [t.lang, t.url]))].map(
      ([lang, url]) => el('link', { rel: 'alternate', type: 'text/html', hreflang: lang, href: url }),
    ),
    ...e.related.map((r) => el('link', { rel: 'related', href: r.url, title: r.title })),
    el('category', { scheme: feed.statusScheme, term: e.status }),
    e.summary ? el('summary', { type: 'text' }, e.summary) : null,
    el('content', { type: 'html' }, sanitizeHtml(e.html)),
  );
}

/**
 * One language's news feed: newest entries first, `updated` the newest entry's.
 *
 * @example
 * atomFeed({ lang: 'vi', tagAuthority: 'kizuna.example', tagDate: '2026', title: 'Tin tức Kizuna', … })
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">…'
 */
export function atomFeed(feed: AtomFeed): string {
  checkDate(feed.generatedAt, 'generatedAt');
  for (const e of feed.entries) {
    checkDate(e.updated, `entry ${e.id} updated`);
    checkDate(e.published, `entry ${e.id} published`);
  }
  const entries = [...feed.entries].sort(
    (a, b) => Date.parse(b.updated) - Date.parse(a.updated) || a.id.localeCompare(b.id),
  );
  const updated = entries.length ? entries[0].updated : feed.generatedAt;
  return xmlDocument(
    el(
      'feed',
      { xmlns: ATOM_NS, 'xml:lang': feed.lang },
      el('id', {}, tagUri(feed.tagAuthority, feed.tagDate, ['news', 'feed', feed.lang])),
      el('title', { type: 'text' }, feed.title),
      feed.subtitle ? el('subtitle', { type: 'text' }, feed.subtitle) : null,
      el('updated', {}, updated),
      // Entries without an author take the feed's (RFC 4287 §4.1.1 needs one or the other).
      person('author', feed.author),
      el('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
      el('link', { rel: 'alternate', type: 'text/html', hreflang: feed.lang, href: feed.pageUrl }),
      el('generator', {}, 'Kizuna'),
      ...entries.map((e) => entry(feed, e)),
    ),
  );
}
