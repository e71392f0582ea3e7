import { lazy, Suspense } from 'react';
import { sectorLabel } from '../../../../src/domain/sectors.ts';
import { can } from '../../api/actions.ts';
import { useApi } from '../../api/client.ts';
import type { OrganizationDetail } from '../../api/types.ts';
import { useAuth } from '../../auth.tsx';
import { AgreementList } from '../../components/AgreementList.tsx';
import {
  Async,
  Badge,
  Loading,
  LocalCsvLink,
  LocalityLink,
  Name,
  PageTitle,
} from '../../components/common.tsx';
import { ForeignText } from '../../components/ForeignText.tsx';
import { textLang, useLang } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';

// The partner profile shares its code with the lazy partners page, so it loads on demand too:
// imported statically, the bundler would split the modules they share (auth, sectors) into
// extra chunks that the home page would then load as well.
const ProfileSection = lazy(() =>
  import('../../components/ProfileView.tsx').then((m) => ({ default: m.ProfileSection })),
);

export function OrganizationPage({ params }: { params: Record<string, string> }) {
  const { t, lang, text } = useLang('organizations');
  const { user } = useAuth();
  const state = useApi<OrganizationDetail>(`/api/organizations/${encodeURIComponent(params.id)}`);
  return (
    <Async state={state}>
      {(o) => (
        <article>
          <PageTitle
            actions={
              can(o, 'update') && (
                <Link className="button" to={`/organizations/${encodeURIComponent(o.id)}/edit`}>
                  {t('common.edit')}
                </Link>
              )
            }
          >
            <Name value={o.name} />
          </PageTitle>
          <dl className="facts">
            <dt>{t('filters.orgKind')}</dt>
            <dd>
              <Badge kind="kind">{t(`orgKind.${o.kind}`)}</Badge>
            </dd>
            <dt>{t('filters.locality')}</dt>
            <dd>{o.locality ? <LocalityLink locality={o.locality} /> : o.localityCode}</dd>
            {o.website && (
              <>
                <dt>{t('organization.website')}</dt>
                <dd>
                  <a href={o.website} rel="noreferrer noopener" target="_blank">
                    {o.website}
                  </a>
                </dd>
              </>
            )}
            <dt>{t('filters.sector')}</dt>
            <dd>{o.sectors.length ? o.sectors.map((s) => sectorLabel(s, lang)).join(' · ') : '—'}</dd>
            {text(o.description) && (
              <>
                <dt>{t('organization.description')}</dt>
                <dd>
                  <ForeignText lang={textLang(o.description, lang)}>{text(o.description)}</ForeignText>
                </dd>
              </>
            )}
          </dl>
          {o.synthetic && <p className="notice">{t('common.syntheticNote')}</p>}
          {user?.role === 'admin' && (
            <p>
              <Link to={`/admin/audit?entityType=organization&entityId=${encodeURIComponent(o.id)}`}>
                {t('audit.history')}
              </Link>
            </p>
          )}
          <Suspense fallback={<Loading />}>
            <ProfileSection id={o.id} name={o.name} owner={o} />
          </Suspense>
          <section>
            <h2>{t('nav.agreements')}</h2>
            <AgreementList items={o.agreements} />
          </section>
          <LocalCsvLink
            name={`organization-${o.id}.csv`}
            label={t('common.downloadCsv')}
            rows={[
              ['id', 'name', 'kind', 'locality', 'website', 'sectors'],
              [o.id, text(o.name), o.kind, o.localityCode, o.website ?? '', o.sectors.join(' ')],
            ]}
          />
        </article>
      )}
    </Async>
  );
}
