import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { NewsItem, NewsList } from '../../../../src/features/news/schemas.ts';
import { useApi } from '../../api/client.ts';
import type { Lang } from '../../api/types.ts';
import type { Params } from '../../app/routes.ts';
import { Async, PageTitle } from '../../components/common.tsx';
import { Link, useRouter } from '../../router.tsx';

type Item = z.infer<typeof NewsItem>;

/** The version to show: the reader's language, else the original, else any. */
function versionOf(n: Item, lang: Lang) {
  const own = n.texts[lang];
  if (own) return { lang, text: own };
  const original = n.languages.find((l) => n.texts[l]?.status === 'original') ?? n.languages[0]!;
  return { lang: original, text: n.texts[original]! };
}

function Status({ n, lang }: { n: Item; lang: Lang }) {
  const { t } = useTranslation('news');
  const v = versionOf(n, lang);
  return (
    <span className="lang-tag">
      {t(`status.${v.text.status}`)}
      {v.lang !== lang && ` · ${t('inLang', { lang: t(`lang.${v.lang}`) })}`}
    </span>
  );
}

const day = (iso: string) => iso.slice(0, 10);

/** The news in the reader's language (items with a version in it), newest first, and the feed's address. */
export function NewsListPage() {
  const { t, i18n } = useTranslation('news');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const state = useApi<z.infer<typeof NewsList>>(`/api/news?lang=${lang}&limit=50`);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p>
        <a href={`/api/news/feed.atom?lang=${lang}`} type="application/atom+xml">
          {t('feed')}
        </a>
      </p>
      <Async state={state}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul className="news-list">
              {list.items.map((n) => {
                const v = versionOf(n, lang);
                return (
                  <li key={n.id}>
                    <h2 lang={v.lang}>
                      <Link to={`/news/${encodeURIComponent(n.id)}?lang=${v.lang}`}>{v.text.title}</Link>
                    </h2>
                    <p>
                      {t('published')}: <time dateTime={n.publishedAt}>{day(n.publishedAt)}</time> ·{' '}
                      <Status n={n} lang={lang} />
                    </p>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Async>
    </>
  );
}

/** One news item in the asked (or the reader's) language, with its status and its other languages. */
export function NewsItemPage({ params }: { params: Params }) {
  const { t, i18n } = useTranslation('news');
  const { search } = useRouter();
  const asked = search.get('lang');
  const lang = (
    asked === 'vi' || asked === 'ja' || asked === 'en' ? asked : (i18n.resolvedLanguage ?? 'en')
  ) as Lang;
  const state = useApi<Item>(`/api/news/${encodeURIComponent(params.id!)}`);
  return (
    <Async state={state}>
      {(n) => {
        const v = versionOf(n, lang);
        return (
          <article lang={v.lang}>
            <PageTitle>
              {v.text.title} <Status n={n} lang={lang} />
            </PageTitle>
            <p>
              {t('published')}: <time dateTime={n.publishedAt}>{day(n.publishedAt)}</time>
            </p>
            {/* The body was sanitised by the server when it was stored (domain/feeds/sanitize.ts). */}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised HTML, see above */}
            <div className="news-body" dangerouslySetInnerHTML={{ __html: v.text.body }} />
            {n.languages.length > 1 && (
              <p lang={i18n.resolvedLanguage}>
                {t('otherLangs')}:{' '}
                {n.languages
                  .filter((l) => l !== v.lang)
                  .map((l, i) => (
                    <span key={l}>
                      {i > 0 && ', '}
                      <Link to={`/news/${encodeURIComponent(n.id)}?lang=${l}`} hrefLang={l}>
                        {t(`lang.${l}`)} ({t(`status.${n.texts[l]!.status}`)})
                      </Link>
                    </span>
                  ))}
              </p>
            )}
            <ul lang={i18n.resolvedLanguage}>
              {n.forumId && (
                <li>
                  <Link to={`/forums/${encodeURIComponent(n.forumId)}`}>{t('forum')}</Link>
                </li>
              )}
              {n.cycleId && (
                <li>
                  <Link to={`/follow-through/cycles/${encodeURIComponent(n.cycleId)}`}>{t('cycle')}</Link>
                </li>
              )}
              {n.projectId && (
                <li>
                  <Link to={`/follow-through/projects/${encodeURIComponent(n.projectId)}`}>
                    {t('project')}
                  </Link>
                </li>
              )}
            </ul>
            <p lang={i18n.resolvedLanguage}>
              <Link to="/news">{t('back')}</Link>
            </p>
          </article>
        );
      }}
    </Async>
  );
}
