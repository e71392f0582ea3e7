/**
 * News (../shared/specs/follow-through.md): announcements and stories with a title and a text
 * per language, each marked original, official or unofficial translation, linked to a forum, a
 * cycle or a project. The HTML is sanitised (domain/feeds/sanitize.ts) before it is stored and
 * again when a feed is written. Admins write any item; a forum's organisers the items of their
 * forum (or of a cycle following it); a project's editors the items of their project.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { atomFeed } from '../../domain/feeds/atom.ts';
import { sanitizeHtml } from '../../domain/feeds/sanitize.ts';
import { AppError, type FieldError, notFound, validationError } from '../../errors.ts';
import { type Clock, isoNow } from '../../platform/clock.ts';
import { can } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, forumScope, recordChange, type Scope } from '../audit/service.ts';
import { projectRef } from '../followthrough/access.ts';
import { loadCycle, loadProject } from '../followthrough/model.ts';
import { getForum } from '../forums/service.ts';
import { parseJson } from '../shared/json.ts';
import { decodeCursor, toPage } from '../shared/pagination.ts';
import { type NewsFilter, type NewsRow, newsRepo } from './repository.ts';
import type { NewsInput, NewsItem, NewsLang, NewsTexts, NewsUpdate } from './schemas.ts';

type Q = Kysely<Database>;
const LANGS = ['vi', 'ja', 'en'] as const;

export function present(r: NewsRow): NewsItem {
  const texts = parseJson<NewsTexts>(r.texts, {});
  return {
    id: r.id,
    texts,
    languages: LANGS.filter((l) => texts[l]),
    forumId: r.forum_id,
    cycleId: r.cycle_id,
    projectId: r.project_id,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Every text's HTML sanitised; a translation needs an original in another language. */
function cleanTexts(texts: NewsTexts): NewsTexts {
  const present = LANGS.filter((l) => texts[l]);
  const errors: FieldError[] = [];
  if (!present.length) errors.push({ path: 'texts', message: 'at least one language', code: 'required' });
  const originals = present.filter((l) => texts[l]!.status === 'original');
  if (present.length && !originals.length)
    for (const l of present)
      errors.push({
        path: `texts.${l}.status`,
        message: 'a translation of what? one language must be the original',
        code: 'no_original',
      });
  if (errors.length) throw validationError(errors, 'news item');
  return Object.fromEntries(
    present.map((l) => [l, { ...texts[l]!, body: sanitizeHtml(texts[l]!.body) }]),
  ) as NewsTexts;
}

/** May the account write an item with these links? Checks that each link exists. */
async function assertMayWrite(
  db: Q,
  user: User,
  links: { forumId?: string | null; cycleId?: string | null; projectId?: string | null },
) {
  const errors: FieldError[] = [];
  let allowed = user.role === 'admin';
  if (links.forumId) {
    try {
      await getForum(db, links.forumId, user);
      allowed ||= can(user, 'update', { type: 'forum', id: links.forumId });
    } catch {
      errors.push({ path: 'forumId', message: 'no such forum', code: 'unknown_reference' });
    }
  }
  if (links.cycleId) {
    try {
      const c = await loadCycle(db, links.cycleId);
      allowed ||= can(user, 'update', { type: 'cycle', forumId: c.forumId });
    } catch {
      errors.push({ path: 'cycleId', message: 'no such cycle', code: 'unknown_reference' });
    }
  }
  if (links.projectId) {
    try {
      const p = await loadProject(db, links.projectId);
      allowed ||= can(user, 'update', projectRef(p));
    } catch {
      errors.push({ path: 'projectId', message: 'no such project', code: 'unknown_reference' });
    }
  }
  if (errors.length)
    throw new AppError('reference.unknown', 'the news item links to what does not exist', errors);
  if (!allowed)
    throw new AppError(
      'auth.forbidden',
      'news is written by admins, the organisers of the forum it links to, or the editors of its project',
    );
}

const scopesOf = (r: { forum_id: string | null }): Scope[] => [
  'followthrough',
  ...(r.forum_id ? [forumScope(r.forum_id)] : []),
];

export async function createNews(db: Q, clock: Clock, user: User, input: NewsInput) {
  const texts = cleanTexts(input.texts);
  await assertMayWrite(db, user, input);
  const now = isoNow(clock);
  const row: NewsRow = {
    id: `news-${randomUUID()}`,
    texts: JSON.stringify(texts),
    forum_id: input.forumId ?? null,
    cycle_id: input.cycleId ?? null,
    project_id: input.projectId ?? null,
    published_at: input.publishedAt ? new Date(input.publishedAt).toISOString() : now,
    author_id: user.id,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return db.transaction().execute(async (tx) => {
    await newsRepo.insert(tx, row);
    const after = present(row);
    await recordChange(tx, {
      scopes: scopesOf(row),
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'news',
        entityId: row.id,
        before: null,
        after,
      },
    });
    return after;
  });
}

async function rowToEdit(db: Q, user: User, id: string) {
  const row = await newsRepo.get(db, id);
  if (!row) throw notFound('news item', id);
  await assertMayWrite(db, user, { forumId: row.forum_id, cycleId: row.cycle_id, projectId: row.project_id });
  return row;
}

export async function updateNews(
  db: Q,
  clock: Clock,
  user: User,
  id: string,
  version: number,
  patch: NewsUpdate,
) {
  const row = await rowToEdit(db, user, id);
  const texts = patch.texts ? cleanTexts(patch.texts) : undefined;
  const links = {
    forumId: patch.forumId === undefined ? row.forum_id : patch.forumId,
    cycleId: patch.cycleId === undefined ? row.cycle_id : patch.cycleId,
    projectId: patch.projectId === undefined ? row.project_id : patch.projectId,
  };
  await assertMayWrite(db, user, links);
  return db.transaction().execute(async (tx) => {
    const res = await newsRepo.update(tx, id, version, {
      ...(texts ? { texts: JSON.stringify(texts) } : {}),
      forum_id: links.forumId ?? null,
      cycle_id: links.cycleId ?? null,
      project_id: links.projectId ?? null,
      ...(patch.publishedAt ? { published_at: new Date(patch.publishedAt).toISOString() } : {}),
      updated_at: isoNow(clock),
    });
    if (Number(res.numUpdatedRows) !== 1) throw stale(id, version);
    const after = present((await newsRepo.get(tx, id))!);
    await recordChange(tx, {
      scopes: [...new Set([...scopesOf(row), ...scopesOf({ forum_id: after.forumId })])],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'news',
        entityId: id,
        before: present(row),
        after,
      },
    });
    return after;
  });
}

export async function deleteNews(db: Q, user: User, id: string, version: number) {
  const row = await rowToEdit(db, user, id);
  await db.transaction().execute(async (tx) => {
    const res = await newsRepo.delete(tx, id, version);
    if (Number(res.numDeletedRows) !== 1) throw stale(id, version);
    await recordChange(tx, {
      scopes: scopesOf(row),
      audit: {
        actor: actorOf(user),
        action: 'delete',
        entityType: 'news',
        entityId: id,
        before: present(row),
        after: null,
      },
    });
  });
}

const stale = (id: string, version: number) =>
  new AppError(
    'news.version_conflict',
    `news item ${id} was changed by someone else since version ${version}`,
  );

/** The public's view: items published by now, newest first. Admins see the scheduled ones too. */
export async function listNews(
  db: Q,
  clock: Clock,
  user: User | null,
  q: Omit<NewsFilter, 'publishedBy'> & { limit: number; cursor?: string },
) {
  const filter: NewsFilter = {
    ...q,
    ...(user?.role === 'admin' ? {} : { publishedBy: isoNow(clock) }),
  };
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const [rows, total] = await Promise.all([
    newsRepo.page(db, filter, after, q.limit + 1),
    newsRepo.count(db, filter),
  ]);
  return toPage(rows, q.limit, total, (r) => [r.published_at, r.id], present);
}

export async function getNews(db: Q, clock: Clock, user: User | null, id: string) {
  const row = await newsRepo.get(db, id);
  if (!row || (row.published_at > isoNow(clock) && user?.role !== 'admin' && user?.id !== row.author_id))
    throw notFound('news item', id);
  return present(row);
}

const FEED_TITLE: Record<NewsLang, string> = {
  vi: 'Kizuna: tin tức hợp tác địa phương Việt Nam – Nhật Bản',
  ja: 'Kizuna：日越地方協力のお知らせ',
  en: 'Kizuna: Vietnam–Japan local cooperation news',
};

/** The tag: authority: the public address's host when it is a domain name, else a placeholder one. */
const authorityOf = (publicUrl: string) => {
  const host = new URL(publicUrl).hostname;
  return /^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(host) ? host : 'kizuna.invalid';
};

/** One language's Atom feed: the 50 newest items with a version in that language. */
export async function newsFeed(db: Q, clock: Clock, publicUrl: string, lang: NewsLang) {
  const base = publicUrl.replace(/\/$/, '');
  const rows = await newsRepo.page(db, { lang, publishedBy: isoNow(clock) }, null, 50);
  const pageOf = (id: string, l: string) => `${base}/news/${encodeURIComponent(id)}?lang=${l}`;
  return atomFeed({
    lang,
    tagAuthority: authorityOf(publicUrl),
    tagDate: '2026',
    title: FEED_TITLE[lang],
    selfUrl: `${base}/api/news/feed.atom?lang=${lang}`,
    pageUrl: `${base}/news?lang=${lang}`,
    generatedAt: new Date('2026-01-01T00:00:00Z').toISOString(),
    author: { name: 'Kizuna', uri: base },
    statusScheme: `${base}/docs#news-translation-status`,
    entries: rows.map(present).map((n) => {
      const t = n.texts[lang]!;
      return {
        id: n.id,
        title: t.title,
        html: t.body,
        published: n.publishedAt,
        updated: [n.updatedAt, n.publishedAt].sort()[1]!,
        url: pageOf(n.id, lang),
        authors: [{ name: 'Kizuna' }],
        status: t.status,
        translations: n.languages.filter((l) => l !== lang).map((l) => ({ lang: l, url: pageOf(n.id, l) })),
        related: [
          ...(n.forumId ? [{ url: `${base}/forums/${encodeURIComponent(n.forumId)}` }] : []),
          ...(n.cycleId ? [{ url: `${base}/follow-through/cycles/${encodeURIComponent(n.cycleId)}` }] : []),
          ...(n.projectId
            ? [{ url: `${base}/follow-through/projects/${encodeURIComponent(n.projectId)}` }]
            : []),
        ],
      };
    }),
  });
}
