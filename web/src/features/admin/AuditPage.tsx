import { useApi } from '../../api/client.ts';
import type { AuditEntry, Page } from '../../api/types.ts';
import { useAuth } from '../../auth.tsx';
import { Async, LocalCsvLink, PageTitle } from '../../components/common.tsx';
import { PAGE_SIZE, Pager } from '../../components/Pager.tsx';
import { useLang } from '../../i18n/format.ts';
import { Link, useRouter, withQuery } from '../../router.tsx';
import { changes, entityName, fieldLabel, showValue } from './auditFormat.ts';

const ENTITY_TYPES = ['agreement', 'organization', 'locality', 'profile', 'user', 'reference'] as const;

function entityLink(e: AuditEntry): string | null {
  if (e.entityType === 'agreement') return `/agreements/${encodeURIComponent(e.entityId)}`;
  if (e.entityType === 'organization') return `/organizations/${encodeURIComponent(e.entityId)}`;
  if (e.entityType === 'locality') return `/localities/${encodeURIComponent(e.entityId)}`;
  if (e.entityType === 'profile') return `/partners?for=${encodeURIComponent(e.entityId)}`;
  return null;
}

export function AuditPage() {
  const { t, dateTime, num, lang } = useLang('admin');
  const { user } = useAuth();
  const { search, navigate } = useRouter();
  const entityType = search.get('entityType') ?? '';
  const entityId = search.get('entityId') ?? '';
  const listPath = withQuery('/api/audit', {
    entityType,
    entityId,
    limit: PAGE_SIZE,
    cursor: search.get('cursor'),
  });
  const list = useApi<Page<AuditEntry>>(user?.role === 'admin' ? listPath : null);
  if (user?.role !== 'admin') return <p>{t('errors.auth.forbidden')}</p>;
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <search>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="a-type">{t('audit.entityType')}</label>
            <select
              id="a-type"
              value={entityType}
              onChange={(e) => navigate(withQuery('/admin/audit', { entityType: e.target.value, entityId }))}
            >
              <option value="">{t('filters.any')}</option>
              {ENTITY_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`entity.${k}`)}
                </option>
              ))}
            </select>
          </div>
        </form>
      </search>
      {entityId && (
        <p>
          {t('audit.onlyOneRecord')}{' '}
          <Link to={withQuery('/admin/audit', { entityType })}>{t('filters.clear')}</Link>
        </p>
      )}
      <Async state={list}>
        {(page) => (
          <>
            <div className="section-head">
              <p>{t('common.results', { n: num(page.total) })}</p>
              {/* /api/audit has no CSV form (yet): the page's rows are exported from the browser. */}
              <LocalCsvLink
                name="audit.csv"
                label={t('common.downloadCsv')}
                rows={[
                  ['at', 'actor', 'action', 'entityType', 'entityId', 'name', 'changes'],
                  ...page.items.map((e) => [
                    e.at,
                    e.actor?.email ?? '',
                    e.action,
                    e.entityType,
                    e.entityId,
                    entityName(e, t, lang),
                    changes(e)
                      .map(
                        ([k, b, a]) =>
                          `${fieldLabel(k, t)}: ${showValue(k, b, t, lang)} → ${showValue(k, a, t, lang)}`,
                      )
                      .join('\n'),
                  ]),
                ]}
              />
            </div>
            <ul className="cards audit">
              {page.items.map((e) => {
                const link = entityLink(e);
                return (
                  <li key={e.id} className="card audit-entry">
                    <p className="meta">
                      <time dateTime={e.at}>{dateTime(e.at)}</time>
                      <strong>{t(`audit.action.${e.action}`)}</strong>
                      <span>{t(`entity.${e.entityType}`)}</span>
                      {link ? (
                        <Link to={link}>{entityName(e, t, lang)}</Link>
                      ) : (
                        <span>{entityName(e, t, lang)}</span>
                      )}
                      <span>{e.actor?.email ?? t('audit.system')}</span>
                    </p>
                    <details>
                      <summary>{t('audit.changes')}</summary>
                      <table className="table diff">
                        <thead>
                          <tr>
                            <th scope="col">{t('audit.field')}</th>
                            <th scope="col">{t('audit.before')}</th>
                            <th scope="col">{t('audit.after')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {changes(e).map(([k, b, a]) => (
                            <tr key={k}>
                              <th scope="row">{fieldLabel(k, t)}</th>
                              <td>{showValue(k, b, t, lang)}</td>
                              <td>{showValue(k, a, t, lang)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  </li>
                );
              })}
            </ul>
            <Pager total={page.total} nextCursor={page.nextCursor} shown={page.items.length} />
          </>
        )}
      </Async>
    </>
  );
}
