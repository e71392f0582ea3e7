import { type FormEvent, useEffect, useState } from 'react';
import { SECTORS } from '../../../src/domain/sectors.ts';
import { useApi } from '../api/client.ts';
import { ORGANIZATION_KINDS, type Organization, type Page } from '../api/types.ts';
import { canEdit, useAuth } from '../auth.tsx';
import { Async, CsvLink, PageTitle } from '../components/common.tsx';
import { codeOf, LocalityPicker } from '../components/LocalityPicker.tsx';
import { OrganizationList } from '../components/OrganizationList.tsx';
import { PAGE_SIZE, Pager } from '../components/Pager.tsx';
import { useLang } from '../i18n/format.ts';
import { Link, useRouter, withQuery } from '../router.tsx';

export function OrganizationsPage() {
  const { t, lang, num } = useLang();
  const { user } = useAuth();
  const { search, navigate } = useRouter();
  const f = {
    q: search.get('q') ?? '',
    country: search.get('country') ?? '',
    kind: search.get('kind') ?? '',
    sector: search.get('sector') ?? '',
    locality: search.get('locality') ?? '',
  };
  const [draft, setDraft] = useState(f.q);
  const [locality, setLocality] = useState(f.locality);
  useEffect(() => setDraft(f.q), [f.q]);
  useEffect(() => setLocality(f.locality), [f.locality]);
  const listPath = withQuery('/api/organizations', { ...f, limit: PAGE_SIZE, cursor: search.get('cursor') });
  const list = useApi<Page<Organization>>(listPath);
  const go = (next: Partial<typeof f>) => navigate(withQuery('/organizations', { ...f, ...next }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    go({ q: draft, locality: await codeOf(locality) });
  };
  return (
    <>
      <PageTitle
        actions={
          canEdit(user) && (
            <Link className="button" to="/organizations/new">
              {t('edit.newOrganization')}
            </Link>
          )
        }
      >
        {t('organizations.title')}
      </PageTitle>
      <search>
        <form className="filters" onSubmit={submit}>
          <div className="field wide">
            <label htmlFor="o-q">{t('filters.search')}</label>
            <input id="o-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="o-country">{t('filters.country')}</label>
            <select id="o-country" value={f.country} onChange={(e) => go({ country: e.target.value })}>
              <option value="">{t('filters.any')}</option>
              <option value="VN">{t('country.VN')}</option>
              <option value="JP">{t('country.JP')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="o-kind">{t('filters.orgKind')}</label>
            <select id="o-kind" value={f.kind} onChange={(e) => go({ kind: e.target.value })}>
              <option value="">{t('filters.any')}</option>
              {ORGANIZATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`orgKind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="o-sector">{t('filters.sector')}</label>
            <select id="o-sector" value={f.sector} onChange={(e) => go({ sector: e.target.value })}>
              <option value="">{t('filters.any')}</option>
              {SECTORS.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label[lang]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="o-locality">{t('filters.locality')}</label>
            <LocalityPicker id="o-locality" value={locality} onChange={setLocality} />
          </div>
          <div className="field buttons">
            <button type="submit">{t('filters.apply')}</button>
          </div>
        </form>
      </search>
      <Async state={list}>
        {(page) => (
          <>
            <div className="section-head">
              <p aria-live="polite">{t('common.results', { n: num(page.total) })}</p>
              <CsvLink listPath={listPath} />
            </div>
            <OrganizationList items={page.items} />
            <Pager total={page.total} nextCursor={page.nextCursor} shown={page.items.length} />
          </>
        )}
      </Async>
    </>
  );
}
