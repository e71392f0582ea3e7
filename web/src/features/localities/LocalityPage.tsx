import { lazy, type ReactNode, Suspense } from 'react';
import { useApi } from '../../api/client.ts';
import type { LocalityDetail } from '../../api/types.ts';
import { AgreementList } from '../../components/AgreementList.tsx';
import {
  Async,
  CsvLink,
  ErrorNote,
  Loading,
  LocalityLink,
  Name,
  PageTitle,
} from '../../components/common.tsx';
import { EgoGraph } from '../../components/NetworkGraph.tsx';
import { OrganizationList } from '../../components/OrganizationList.tsx';
import { SourcesList } from '../../components/SourcesList.tsx';
import { useLang } from '../../i18n/format.ts';
import { type More, useMore } from '../../lib/more.ts';
import { Link } from '../../router.tsx';

// The partner profile shares its code with the lazy partners page, so it loads on demand too:
// imported statically, the bundler would split the modules they share (auth, sectors) into
// extra chunks that the home page would then load as well.
const ProfileSection = lazy(() =>
  import('../../components/ProfileView.tsx').then((m) => ({ default: m.ProfileSection })),
);

/** "Showing 10 of 240" and a button that appends the next page from the list endpoint. */
function ShowMore({ shown, total, rest }: { shown: number; total: number; rest: More<unknown> }) {
  const { t, num } = useLang('localities');
  if (total <= shown && !rest.error) return null;
  return (
    <div className="show-more">
      <p aria-live="polite">{t('locality.shown', { shown: num(shown), total: num(total) })}</p>
      {rest.error && <ErrorNote error={rest.error} />}
      {rest.cursor && (
        <button type="button" className="secondary" onClick={rest.more} disabled={rest.loading}>
          {rest.loading ? t('common.loading') : t('common.showMore')}
        </button>
      )}
    </div>
  );
}

/** The first page the locality detail carries, then the rest from the list endpoint on demand. */
function Paged<T>(props: {
  listPath: string;
  first: T[];
  cursor: string | null;
  total: number;
  List: (p: { items: T[] }) => ReactNode;
}) {
  const rest = useMore<T>(props.listPath, props.cursor);
  const items = [...props.first, ...rest.items];
  return (
    <>
      <props.List items={items} />
      <ShowMore shown={items.length} total={props.total} rest={rest} />
    </>
  );
}

export function LocalityPage({ params }: { params: Record<string, string> }) {
  const { t, num, text } = useLang('localities');
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
            {text(l.adminCenterName) && (
              <>
                <dt>{t('locality.adminCenter')}</dt>
                <dd>
                  <Name value={l.adminCenterName} />
                </dd>
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
                  <SourcesList sources={l.sources} />
                </dd>
              </>
            )}
          </dl>
          <Suspense fallback={<Loading />}>
            <ProfileSection id={l.code} name={l.name} owner={l} />
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
            <Paged
              key={code}
              listPath={`/api/agreements?locality=${encodeURIComponent(code)}`}
              first={l.agreements}
              cursor={l.agreementsNextCursor}
              total={l.agreementsTotal}
              List={AgreementList}
            />
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
            <Paged
              key={code}
              listPath={`/api/organizations?locality=${encodeURIComponent(code)}`}
              first={l.organizations}
              cursor={l.organizationsNextCursor}
              total={l.organizationsTotal}
              List={OrganizationList}
            />
            {l.organizationsTotal > l.organizations.length && (
              <p>
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
