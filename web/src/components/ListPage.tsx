import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { SECTORS } from '../../../src/domain/sectors.ts';
import { useApi } from '../api/client.ts';
import type { Lang, Page } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import { Link, useRouter, withQuery } from '../router.tsx';
import { Async, CsvLink, PageTitle } from './common.tsx';
import { codeOf, LocalityPicker, type PickerSource } from './LocalityPicker.tsx';
import { PAGE_SIZE, Pager } from './Pager.tsx';

export interface Option {
  value: string;
  label: string;
}

/**
 * One filter of a list. Choices (`select`, `check`) apply at once; typed ones (`search`,
 * `year`, `record`) when the form is sent; a typed record name is resolved to its code first.
 */
export type Filter = { key: string; id: string; label: string } & (
  | { kind: 'search'; placeholder?: string }
  | { kind: 'select'; options: Option[] }
  | { kind: 'year' }
  | { kind: 'record'; source?: PickerSource; hint?: string }
  | { kind: 'check' }
);

type Values = Record<string, string>;

const read = (search: URLSearchParams, filters: Filter[]): Values =>
  Object.fromEntries(filters.map((f) => [f.key, search.get(f.key) ?? '']));

/**
 * Filters kept in the URL (so a filtered list can be linked, reloaded and walked with
 * back/forward): what is applied, the form's draft, and the ways to change them.
 */
export function useUrlFilters(basePath: string, filters: Filter[]) {
  const { search, navigate } = useRouter();
  const applied = read(search, filters);
  const [draft, setDraft] = useState<Values>(applied);
  const searchKey = search.toString();
  // Resync the form when the URL changes (back/forward, a filter link).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL is the trigger
  useEffect(() => setDraft(read(new URLSearchParams(searchKey), filters)), [searchKey]);
  const apply = (next: Values) => navigate(withQuery(basePath, next));
  const set = (key: string, value: string, immediate = false) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (immediate) apply(next);
  };
  const submit = async () => {
    const next = { ...draft };
    for (const f of filters)
      if (f.kind === 'record' && next[f.key]) next[f.key] = await codeOf(next[f.key], f.source);
    apply(next);
  };
  return { applied, draft, set, submit };
}

function FilterField({
  f,
  value,
  set,
}: {
  f: Filter;
  value: string;
  set: (v: string, immediate?: boolean) => void;
}) {
  const { t } = useLang();
  const label = <label htmlFor={f.id}>{f.label}</label>;
  switch (f.kind) {
    case 'search':
      return (
        <div className="field wide">
          {label}
          <input
            id={f.id}
            type="search"
            value={value}
            placeholder={f.placeholder}
            onChange={(e) => set(e.target.value)}
          />
        </div>
      );
    case 'select':
      return (
        <div className="field">
          {label}
          <select id={f.id} value={value} onChange={(e) => set(e.target.value, true)}>
            <option value="">{t('filters.any')}</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
    case 'year':
      return (
        <div className="field narrow">
          {label}
          <input
            id={f.id}
            inputMode="numeric"
            pattern="[0-9]{4}"
            value={value}
            onChange={(e) => set(e.target.value)}
          />
        </div>
      );
    case 'record':
      return (
        <div className={f.source === 'both' ? 'field wide' : 'field'}>
          {label}
          <LocalityPicker
            id={f.id}
            source={f.source}
            value={value}
            onChange={(v) => set(v)}
            describedBy={f.hint ? `${f.id}-hint` : undefined}
          />
          {f.hint && (
            <p id={`${f.id}-hint`} className="hint">
              {f.hint}
            </p>
          )}
        </div>
      );
    case 'check':
      return (
        <div className="field check">
          <input
            id={f.id}
            type="checkbox"
            checked={!!value}
            onChange={(e) => set(e.target.checked ? '1' : '', true)}
          />
          {label}
        </div>
      );
  }
}

/** The filter form of a list page, inside a `<search>` landmark. */
export function FilterBar({
  filters,
  state,
  submitLabel,
  clearTo,
  className = 'filters',
}: {
  filters: Filter[];
  state: ReturnType<typeof useUrlFilters>;
  submitLabel?: string;
  /** A link that clears every filter. */
  clearTo?: string;
  className?: string;
}) {
  const { t } = useLang();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void state.submit();
  };
  return (
    <search>
      <form className={className} onSubmit={onSubmit}>
        {filters.map((f) => (
          <FilterField
            key={f.key}
            f={f}
            value={state.draft[f.key] ?? ''}
            set={(v, immediate) => state.set(f.key, v, immediate)}
          />
        ))}
        <div className="field buttons">
          <button type="submit">{submitLabel ?? t('filters.apply')}</button>
          {clearTo && <Link to={clearTo}>{t('filters.clear')}</Link>}
        </div>
      </form>
    </search>
  );
}

/**
 * A list page: its title, filters kept in the URL, the server's page of results with their
 * count, a CSV link for the whole filtered list, and the pager.
 */
export function ListPage<T>({
  title,
  actions,
  basePath,
  apiPath,
  filters,
  clear = false,
  csv = true,
  children,
}: {
  title: ReactNode;
  actions?: ReactNode;
  /** The page's own path (`/agreements`), where filters are applied. */
  basePath: string;
  /** The list endpoint (`/api/agreements`). */
  apiPath: string;
  filters: Filter[];
  clear?: boolean;
  /** Whether the list endpoint also answers `format=csv`. */
  csv?: boolean;
  children: (items: T[]) => ReactNode;
}) {
  const { t, num } = useLang();
  const { search } = useRouter();
  const state = useUrlFilters(basePath, filters);
  const listPath = withQuery(apiPath, { ...state.applied, limit: PAGE_SIZE, cursor: search.get('cursor') });
  const list = useApi<Page<T>>(listPath);
  return (
    <>
      <PageTitle actions={actions}>{title}</PageTitle>
      <FilterBar filters={filters} state={state} clearTo={clear ? basePath : undefined} />
      <Async state={list}>
        {(page) => (
          <>
            <div className="section-head">
              <p aria-live="polite">{t('common.results', { n: num(page.total) })}</p>
              {csv && <CsvLink listPath={listPath} />}
            </div>
            {children(page.items)}
            <Pager total={page.total} nextCursor={page.nextCursor} shown={page.items.length} />
          </>
        )}
      </Async>
    </>
  );
}

/** Options shared by several lists. */
export function countryOptions(t: (k: string) => string): Option[] {
  return [
    { value: 'VN', label: t('country.VN') },
    { value: 'JP', label: t('country.JP') },
  ];
}

export function sectorOptions(lang: Lang): Option[] {
  return SECTORS.map((s) => ({ value: s.code, label: s.label[lang] }));
}

export function enumOptions(values: readonly string[], t: (k: string) => string, prefix: string): Option[] {
  return values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
}
