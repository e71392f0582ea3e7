import { lazy, Suspense } from 'react';
import { useApi } from '../api/client.ts';
import type { LocalityDetail } from '../api/types.ts';
import { AgreementList } from '../components/AgreementList.tsx';
import { Async, CsvLink, Loading, LocalityLink, Name, PageTitle } from '../components/common.tsx';
import { EgoGraph } from '../components/NetworkGraph.tsx';
import { OrganizationList } from '../components/OrganizationList.tsx';
import { useLang } from '../i18n/format.ts';
import { Link } from '../router.tsx';

// The partner profile shares its code with the lazy partners page, so it loads on demand too:
// imported statically, the bundler would split the modules they share (auth, sectors) into
// extra chunks that the home page would then load as well.
const ProfileSection = lazy(() =>
  import('../components/ProfileView.tsx').then((m) => ({ default: m.ProfileSection })),
);

export function LocalityPage({ params }: { params: Record<string, string> }) {
  const { t, num } = useLang();
  const code = params.code;
  const state = useApi<LocalityDetail>(`/api/localities/${encodeURIComponent(code)}`);
  return (
    <Async state={state}>
      {(l) => (
        <article>
          <PageTitle>
            <Name value={l.name} />
          </PageTitle>
          <dl className="facts">
            <dt>{t('filters.country')}</dt>
            <dd>{t(`country.${l.country}`)}</dd>
            <dt>{t('filters.localityKind')}</dt>
            <dd>{t(`localityKind.${l.kind}`)}</dd>
            {l.parent && (
              <>
                <dt>{t('locality.parent')}</dt>
                <dd>
                  <LocalityLink locality={l.parent} />
                </dd>
              </>
            )}
            {l.adminCenter && (
              <>
                <dt>{t('locality.adminCenter')}</dt>
                <dd>{l.adminCenter}</dd>
              </>
            )}
            {l.mergedFrom.length > 0 && (
              <>
                <dt>{t('locality.mergedFrom')}</dt>
                <dd lang={l.country === 'VN' ? 'vi' : 'ja'}>{l.mergedFrom.join(', ')}</dd>
              </>
            )}
            {l.children.length > 0 && (
              <>
                <dt>{t('locality.children')}</dt>
                <dd>
                  <ul className="plain inline">
                    {l.children.map((c) => (
                      <li key={c.code}>
                        <LocalityLink locality={c} />
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {l.sources.length > 0 && (
              <>
                <dt>{t('agreement.sources')}</dt>
                <dd>
                  <ul className="plain">
                    {l.sources.map((s) => (
                      <li key={`${s.url}:${s.note}`}>
                        {s.url ? (
                          <a href={s.url} rel="noreferrer noopener" target="_blank">
                            {s.note || s.url}
                          </a>
                        ) : (
                          s.note
                        )}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
          <Suspense fallback={<Loading />}>
            <ProfileSection id={l.code} name={l.name} />
          </Suspense>
          <section aria-labelledby="partners-h">
            <h2 id="partners-h">{t('locality.partners')}</h2>
            {l.partners.length === 0 ? (
              <p className="muted">{t('locality.noPartners')}</p>
            ) : (
              <>
                <ul className="partners">
                  {l.partners.map((p) => (
                    <li key={p.locality.code}>
                      <LocalityLink locality={p.locality} />{' '}
                      <span className="muted">
                        ({t(`country.${p.locality.country}`)} ·{' '}
                        {t('locality.agreementCount', { n: num(p.agreements) })})
                      </span>
                    </li>
                  ))}
                </ul>
                <EgoGraph center={l} partners={l.partners} />
              </>
            )}
          </section>
          <section aria-labelledby="agreements-h">
            <div className="section-head">
              <h2 id="agreements-h">{t('nav.agreements')}</h2>
              <CsvLink listPath={`/api/agreements?locality=${encodeURIComponent(code)}`} />
            </div>
            <AgreementList items={l.agreements} />
            <p>
              <Link to={`/agreements?locality=${encodeURIComponent(code)}`}>
                {t('locality.allAgreements')}
              </Link>
            </p>
          </section>
          <section aria-labelledby="orgs-h">
            <div className="section-head">
              <h2 id="orgs-h">{t('nav.organizations')}</h2>
              <CsvLink listPath={`/api/organizations?locality=${encodeURIComponent(code)}`} />
            </div>
            <OrganizationList items={l.organizations} />
            {l.organizationsTotal > l.organizations.length && (
              <p>
                {t('locality.shown', {
                  shown: num(l.organizations.length),
                  total: num(l.organizationsTotal),
                })}{' '}
                <Link to={`/organizations?locality=${encodeURIComponent(code)}`}>
                  {t('locality.allOrganizations')}
                </Link>
              </p>
            )}
          </section>
        </article>
      )}
    </Async>
  );
}
