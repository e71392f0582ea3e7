import { type FormEvent, useEffect, useState } from 'react';
import { useApi } from '../api/client.ts';
import { LOCALITY_KINDS, type Locality, type Page } from '../api/types.ts';
import { Async, CsvLink, LocalityLink, PageTitle } from '../components/common.tsx';
import { PAGE_SIZE, Pager } from '../components/Pager.tsx';
import { useLang } from '../i18n/format.ts';
import { useRouter, withQuery } from '../router.tsx';

export function LocalitiesPage() {
  const { t, num } = useLang();
  const { search, navigate } = useRouter();
  const country = search.get('country') ?? '';
  const kind = search.get('kind') ?? '';
  const q = search.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const listPath = withQuery('/api/localities', {
    country,
    kind,
    q,
    limit: PAGE_SIZE,
    cursor: search.get('cursor'),
  });
  const list = useApi<Page<Locality>>(listPath);
  const go = (next: Record<string, string>) =>
    navigate(withQuery('/localities', { country, kind, q, ...next }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: draft });
  };
  return (
    <>
      <PageTitle>{t('localities.title')}</PageTitle>
      <search>
        <form className="filters" onSubmit={submit}>
          <div className="field wide">
            <label htmlFor="l-q">{t('filters.search')}</label>
            <input id="l-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="l-country">{t('filters.country')}</label>
            <select id="l-country" value={country} onChange={(e) => go({ country: e.target.value })}>
              <option value="">{t('filters.any')}</option>
              <option value="VN">{t('country.VN')}</option>
              <option value="JP">{t('country.JP')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="l-kind">{t('filters.localityKind')}</label>
            <select id="l-kind" value={kind} onChange={(e) => go({ kind: e.target.value })}>
              <option value="">{t('filters.any')}</option>
              {LOCALITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`localityKind.${k}`)}
                </option>
              ))}
            </select>
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
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('locality.name')}</th>
                  <th scope="col">{t('filters.country')}</th>
                  <th scope="col">{t('filters.localityKind')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((l) => (
                  <tr key={l.code}>
                    <td>
                      <LocalityLink locality={l} />
                    </td>
                    <td>{t(`country.${l.country}`)}</td>
                    <td>{t(`localityKind.${l.kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager total={page.total} nextCursor={page.nextCursor} shown={page.items.length} />
          </>
        )}
      </Async>
    </>
  );
}
