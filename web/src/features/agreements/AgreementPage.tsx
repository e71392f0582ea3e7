import { sectorLabel } from '../../../../src/domain/sectors.ts';
import { detectLanguage } from '../../../../src/domain/text/normalize.ts';
import { can } from '../../api/actions.ts';
import { useApi } from '../../api/client.ts';
import type { AgreementDetail, Party } from '../../api/types.ts';
import { useAuth } from '../../auth.tsx';
import { AgreementTitle, Async, Badge, LocalCsvLink, Name, PageTitle } from '../../components/common.tsx';
import { ForeignText } from '../../components/ForeignText.tsx';
import { SourcesList } from '../../components/SourcesList.tsx';
import { useLang } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';

function PartyLink({ p }: { p: Party }) {
  const { t } = useLang('agreements');
  const to = p.type === 'locality' ? `/localities/${encodeURIComponent(p.code)}` : `/organizations/${p.code}`;
  return (
    <>
      <Link to={to}>
        <Name value={p.name} />
      </Link>{' '}
      <span className="muted">
        ({t(`country.${p.country}`)}, {t(`partyType.${p.type}`)})
      </span>
      {/* "Sakai City (JP-27 Osaka)" is how the import file named the record shown above. */}
      {p.note && !/\(JP-\d{2}\b[^)]*\)\s*$/.test(p.note) && (
        <span className="muted">
          {' — '}
          <ForeignText lang="en" quoted>
            {p.note}
          </ForeignText>
        </span>
      )}
    </>
  );
}

export function AgreementPage({ params }: { params: Record<string, string> }) {
  const { t, lang, date, text } = useLang('agreements');
  const { user } = useAuth();
  const state = useApi<AgreementDetail>(`/api/agreements/${encodeURIComponent(params.id)}`);
  return (
    <Async state={state}>
      {(a) => (
        <article>
          <PageTitle
            tab={
              a.title[lang]
                ? `${a.title[lang]} (${a.parties.map((p) => text(p.name)).join(' – ')})`
                : undefined
            }
            actions={
              can(a, 'update') && (
                <Link className="button" to={`/agreements/${encodeURIComponent(a.id)}/edit`}>
                  {t('common.edit')}
                </Link>
              )
            }
          >
            <AgreementTitle a={a} />
          </PageTitle>
          <dl className="facts">
            <dt>{t('agreement.parties')}</dt>
            <dd>
              <ul className="plain">
                {a.parties.map((p) => (
                  <li key={`${p.type}:${p.code}`}>
                    <PartyLink p={p} />
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('agreement.kind')}</dt>
            <dd>
              {t(`agreementKind.${a.kind}`)}
              {a.kindDetail && (
                <span className="muted">
                  {' — '}
                  <ForeignText lang="en" quoted>
                    {a.kindDetail}
                  </ForeignText>
                </span>
              )}
            </dd>
            <dt>{t('agreement.status')}</dt>
            <dd>
              <Badge kind={a.status}>{t(`status.${a.status}`)}</Badge>{' '}
              <span className="muted">
                ({a.statusStated ? t('agreement.statusStated') : t('agreement.statusDerived')})
              </span>
            </dd>
            <dt>{t('agreement.signedOn')}</dt>
            <dd>
              {a.signedOn ? <time dateTime={a.signedOn}>{date(a.signedOn)}</time> : t('common.unknown')}
            </dd>
            {a.validUntil && (
              <>
                <dt>{t('agreement.validUntil')}</dt>
                <dd>
                  <time dateTime={a.validUntil}>{date(a.validUntil)}</time>
                </dd>
              </>
            )}
            <dt>{t('agreement.fields')}</dt>
            <dd>{a.fields.length ? a.fields.map((f) => sectorLabel(f, lang)).join(' · ') : '—'}</dd>
            {a.renews && (
              <>
                <dt>{t('agreement.renews')}</dt>
                <dd>
                  <Link to={`/agreements/${encodeURIComponent(a.renews.id)}`}>
                    <AgreementTitle a={a.renews} />
                  </Link>{' '}
                  {a.renews.signedOn && <span className="muted">({date(a.renews.signedOn)})</span>}
                </dd>
              </>
            )}
            {a.supersedesId && (
              <>
                <dt>{t('agreement.supersedes')}</dt>
                <dd>
                  <Link to={`/agreements/${encodeURIComponent(a.supersedesId)}`}>{a.supersedesId}</Link>
                </dd>
              </>
            )}
            {a.renewedBy.length > 0 && (
              <>
                <dt>{t('agreement.renewedBy')}</dt>
                <dd>
                  <ul className="plain">
                    {a.renewedBy.map((r) => (
                      <li key={r.id}>
                        <Link to={`/agreements/${encodeURIComponent(r.id)}`}>
                          <AgreementTitle a={r} />
                        </Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {a.note && (
              <>
                <dt>{t('agreement.note')}</dt>
                <dd>
                  <ForeignText lang={detectLanguage(a.note)}>{a.note}</ForeignText>
                </dd>
              </>
            )}
            <dt>{t('agreement.sources')}</dt>
            <dd>
              <SourcesList sources={a.sources} />
            </dd>
          </dl>
          {a.synthetic && <p className="notice">{t('common.syntheticNote')}</p>}
          {user?.role === 'admin' && (
            <p>
              <Link to={`/admin/audit?entityType=agreement&entityId=${encodeURIComponent(a.id)}`}>
                {t('audit.history')}
              </Link>
            </p>
          )}
          <LocalCsvLink
            name={`agreement-${a.id}.csv`}
            label={t('common.downloadCsv')}
            rows={[
              ['id', 'title', 'kind', 'status', 'signedOn', 'validUntil', 'fields', 'parties', 'sources'],
              [
                a.id,
                text(a.title),
                a.kind,
                a.status,
                a.signedOn ?? '',
                a.validUntil ?? '',
                a.fields.join(' '),
                a.parties.map((p) => `${p.code} ${text(p.name)}`).join('; '),
                a.sources.map((s) => s.url).join(' '),
              ],
            ]}
          />
        </article>
      )}
    </Async>
  );
}
