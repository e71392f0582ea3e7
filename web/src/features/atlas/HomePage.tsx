import { sectorLabel } from '../../../../src/domain/sectors.ts';
import { useApi } from '../../api/client.ts';
import type { Stats } from '../../api/types.ts';
import { AgreementList } from '../../components/AgreementList.tsx';
import { BarList, YearColumns } from '../../components/Charts.tsx';
import { Async, CsvLink, LocalCsvLink } from '../../components/common.tsx';
import { useLang } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';

export function HomePage() {
  const { t, lang, num } = useLang('atlas');
  const stats = useApi<Stats>('/api/stats');
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </section>
      <Async state={stats}>
        {(s) => (
          <>
            <ul className="counts" aria-label={t('home.countsLabel')}>
              <li>
                <Link to="/agreements">
                  <strong>{num(s.agreements)}</strong> <span>{t('home.agreements')}</span>
                </Link>
              </li>
              <li>
                <Link to="/localities">
                  <strong>{num(s.localities)}</strong> <span>{t('home.localities')}</span>
                </Link>
              </li>
              <li>
                <Link to="/organizations">
                  <strong>{num(s.organizations)}</strong> <span>{t('home.organizations')}</span>
                </Link>
              </li>
            </ul>
            <div className="grid-2">
              <section>
                <h2>{t('home.byField')}</h2>
                <BarList
                  title={t('home.byFieldCaption')}
                  bars={[...s.byField]
                    .sort((a, b) => b.count - a.count)
                    .map((f) => ({ key: f.code, label: sectorLabel(f.code, lang), value: f.count }))}
                />
                <LocalCsvLink
                  name="agreements-by-field.csv"
                  label={t('common.downloadCsv')}
                  rows={[
                    ['field', 'label', 'count'],
                    ...s.byField.map((f) => [f.code, sectorLabel(f.code, lang), f.count]),
                  ]}
                />
              </section>
              <section>
                <h2>{t('home.byYear')}</h2>
                <YearColumns title={t('home.byYearCaption')} data={s.byYear} />
                <LocalCsvLink
                  name="agreements-by-year.csv"
                  label={t('common.downloadCsv')}
                  rows={[['year', 'count'], ...s.byYear.map((y) => [y.year, y.count])]}
                />
              </section>
            </div>
            <section>
              <div className="section-head">
                <h2>{t('home.recent')}</h2>
                <CsvLink listPath="/api/agreements" label={t('home.allCsv')} />
              </div>
              <AgreementList items={s.recent} />
              <p>
                <Link to="/agreements">{t('home.allAgreements')}</Link> ·{' '}
                <Link to="/map">{t('home.seeMap')}</Link>
              </p>
            </section>
          </>
        )}
      </Async>
    </>
  );
}
