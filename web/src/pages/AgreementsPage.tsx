import { type FormEvent, useEffect, useState } from 'react';
import { SECTORS } from '../../../src/domain/sectors.ts';
import { useApi } from '../api/client.ts';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, type Agreement, type Page } from '../api/types.ts';
import { canEdit, useAuth } from '../auth.tsx';
import { AgreementList } from '../components/AgreementList.tsx';
import { Async, CsvLink, PageTitle } from '../components/common.tsx';
import { codeOf, LocalityPicker } from '../components/LocalityPicker.tsx';
import { PAGE_SIZE, Pager } from '../components/Pager.tsx';
import { useLang } from '../i18n/format.ts';
import { Link, useRouter, withQuery } from '../router.tsx';

const FILTERS = ['q', 'country', 'locality', 'field', 'kind', 'status', 'yearFrom', 'yearTo'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function readFilters(search: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Filters;
}

export function AgreementsPage() {
  const { t, lang, num } = useLang();
  const { user } = useAuth();
  const { search, navigate } = useRouter();
  const applied = readFilters(search);
  const [draft, setDraft] = useState<Filters>(applied);
  const searchKey = search.toString();
  // Resync the form when the URL changes (back/forward, a filter link).
  useEffect(() => setDraft(readFilters(new URLSearchParams(searchKey))), [searchKey]);
  const listPath = withQuery('/api/agreements', {
    ...applied,
    limit: PAGE_SIZE,
    cursor: search.get('cursor'),
  });
  const list = useApi<Page<Agreement>>(listPath);

  const apply = (next: Filters) => navigate(withQuery('/agreements', next));
  const set = (k: keyof Filters, v: string, immediate = false) => {
    const next = { ...draft, [k]: v };
    setDraft(next);
    if (immediate) apply(next);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    apply({ ...draft, locality: await codeOf(draft.locality) });
  };

  return (
    <>
      <PageTitle
        actions={
          canEdit(user) && (
            <Link className="button" to="/agreements/new">
              {t('edit.newAgreement')}
            </Link>
          )
        }
      >
        {t('agreements.title')}
      </PageTitle>
      <search>
        <form className="filters" onSubmit={submit}>
          <div className="field wide">
            <label htmlFor="f-q">{t('filters.search')}</label>
            <input
              id="f-q"
              type="search"
              value={draft.q}
              placeholder={t('filters.searchPlaceholder')}
              onChange={(e) => set('q', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="f-country">{t('filters.country')}</label>
            <select
              id="f-country"
              value={draft.country}
              onChange={(e) => set('country', e.target.value, true)}
            >
              <option value="">{t('filters.any')}</option>
              <option value="VN">{t('country.VN')}</option>
              <option value="JP">{t('country.JP')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-locality">{t('filters.locality')}</label>
            <LocalityPicker id="f-locality" value={draft.locality} onChange={(v) => set('locality', v)} />
          </div>
          <div className="field">
            <label htmlFor="f-field">{t('filters.field')}</label>
            <select id="f-field" value={draft.field} onChange={(e) => set('field', e.target.value, true)}>
              <option value="">{t('filters.any')}</option>
              {SECTORS.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label[lang]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-kind">{t('filters.kind')}</label>
            <select id="f-kind" value={draft.kind} onChange={(e) => set('kind', e.target.value, true)}>
              <option value="">{t('filters.any')}</option>
              {AGREEMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`agreementKind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-status">{t('filters.status')}</label>
            <select id="f-status" value={draft.status} onChange={(e) => set('status', e.target.value, true)}>
              <option value="">{t('filters.any')}</option>
              {AGREEMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field narrow">
            <label htmlFor="f-from">{t('filters.yearFrom')}</label>
            <input
              id="f-from"
              inputMode="numeric"
              pattern="[0-9]{4}"
              value={draft.yearFrom}
              onChange={(e) => set('yearFrom', e.target.value)}
            />
          </div>
          <div className="field narrow">
            <label htmlFor="f-to">{t('filters.yearTo')}</label>
            <input
              id="f-to"
              inputMode="numeric"
              pattern="[0-9]{4}"
              value={draft.yearTo}
              onChange={(e) => set('yearTo', e.target.value)}
            />
          </div>
          <div className="field buttons">
            <button type="submit">{t('filters.apply')}</button>
            <Link to="/agreements">{t('filters.clear')}</Link>
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
            <AgreementList items={page.items} />
            <Pager total={page.total} nextCursor={page.nextCursor} shown={page.items.length} />
          </>
        )}
      </Async>
    </>
  );
}
