import { useApi } from '../../api/client.ts';
import { Async, Badge, Name, PageTitle } from '../../components/common.tsx';
import { Link } from '../../router.tsx';
import { useFt } from './parts.tsx';
import { type Cycles, cyclePath } from './types.ts';

/** The follow-through cycles, newest first, each leading to its public dashboard. */
export function CyclesPage() {
  const { t, date } = useFt();
  const state = useApi<Cycles>('/api/cycles');
  return (
    <section>
      <PageTitle>{t('cycles.title')}</PageTitle>
      <p className="lead">{t('cycles.intro')}</p>
      <Async state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('cycles.none')}</p>
          ) : (
            <ul className="cards">
              {items.map((c) => (
                <li key={c.id} className="card">
                  <h2>
                    <Link to={cyclePath(c.id)}>
                      <Name value={c.title} />
                    </Link>
                  </h2>
                  <p>
                    {date(c.startsOn)} – {date(c.endsOn)} · {t('cycles.periods', { n: c.periods.length })}
                  </p>
                  {c.synthetic && <Badge kind="synthetic">{t('synthetic')}</Badge>}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}
