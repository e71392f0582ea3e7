import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Exhibition } from '../../../../../src/features/forums/exhibition/schemas.ts';
import type { Forum } from '../../../../../src/features/forums/schemas.ts';
import { useApi } from '../../../api/client.ts';
import { Async, PageTitle } from '../../../components/common.tsx';
import { Link } from '../../../router.tsx';
import '../i18n.ts';
import { Text } from '../texts.tsx';
import { FloorPlan } from './FloorPlan.tsx';
import './i18n.ts';
import { ProductCard } from './ProductCard.tsx';

type ExhibitionT = z.infer<typeof Exhibition>;
type ForumT = z.infer<typeof Forum>;

/** The public exhibition: the floor plan, then each exhibitor with its booths and products. */
export function ExhibitionPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('exhibition');
  const id = encodeURIComponent(params.id ?? '');
  const forum = useApi<ForumT>(`/api/forums/${id}`);
  const state = useApi<ExhibitionT>(`/api/forums/${id}/exhibition`);
  const organiser = forum.data?.actions?.includes('update') ?? false;
  return (
    <article className="exhibition">
      <PageTitle>
        {t('title')}
        {forum.data && (
          <>
            {' · '}
            <Text value={forum.data.title} />
          </>
        )}
      </PageTitle>
      <p>
        <Link to={`/forums/${id}`}>{t('back')}</Link>
        {organiser && (
          <>
            {' · '}
            <Link to={`/forums/${id}/exhibition/floor`}>{t('manageLink')}</Link>
            {' · '}
            <Link to={`/forums/${id}/checkin`}>{t('checkinLink')}</Link>
          </>
        )}
      </p>
      <Async state={state}>
        {(data) => (
          <>
            <h2>{t('floorPlan')}</h2>
            {data.halls.length ? <FloorPlan data={data} /> : <p>{t('noHalls')}</p>}
            <h2>{t('exhibitors')}</h2>
            {data.exhibitors.length === 0 && <p>{t('noExhibitors')}</p>}
            {data.exhibitors.map((e) => (
              <section key={e.delegationId} className="exhibitor" id={`exhibitor-${e.delegationId}`}>
                <h3>
                  <Text value={e.party.name} />
                </h3>
                <p className="muted">
                  {t('booths')}: {e.booths.join(', ')}
                </p>
                {e.products.length === 0 ? (
                  <p>{t('noProducts')}</p>
                ) : (
                  <ul className="plain products" aria-label={t('products')}>
                    {e.products.map((p) => (
                      <ProductCard key={p.id} p={p} />
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </>
        )}
      </Async>
    </article>
  );
}
