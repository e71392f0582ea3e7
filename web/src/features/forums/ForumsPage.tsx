import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ForumList } from '../../../../src/features/forums/schemas.ts';
import { useApi } from '../../api/client.ts';
import type { Lang } from '../../api/types.ts';
import { useAuth } from '../../auth.tsx';
import { Async, PageTitle } from '../../components/common.tsx';
import { formatPartialDate } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import './i18n.ts';
import { Text } from './texts.tsx';

export function ForumsPage() {
  const { t, i18n } = useTranslation('forums');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const state = useApi<z.infer<typeof ForumList>>('/api/forums');
  const { user } = useAuth();
  return (
    <section>
      <PageTitle>{t('title')}</PageTitle>
      <p className="muted">{t('intro')}</p>
      {user && (
        <p className="page-links">
          <Link to="/forums/mine">{t('myForums')}</Link>
          {user.role === 'admin' && (
            <>
              {' · '}
              <Link to="/forums/new">{t('newForum')}</Link>
            </>
          )}
        </p>
      )}
      <Async state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <ul className="cards">
              {items.map((f) => (
                <li key={f.id} className="card">
                  <h2>
                    <Link to={`/forums/${encodeURIComponent(f.id)}`}>
                      <Text value={f.title} />
                    </Link>
                  </h2>
                  <p>
                    {formatPartialDate(f.firstDay, lang)}
                    {f.lastDay !== f.firstDay && ` – ${formatPartialDate(f.lastDay, lang)}`} ·{' '}
                    {t(`state.${f.state}`)}
                    {f.historical && ` · ${t('historical')}`}
                  </p>
                  {f.synthetic && <p className="badge">{t('synthetic')}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}
