import { type ReactNode, useEffect, useRef } from 'react';
import { type ApiError, csvUrl } from '../api/client.ts';
import type { AgreementSummary, LocalitySummary, LocalizedText } from '../api/types.ts';
import { textLang, useLang } from '../i18n/format.ts';
import { csvBody } from '../lib/csv.ts';
import { Link } from '../router.tsx';
import { TranslationTag } from './ForeignText.tsx';

/** A localized name, tagged with the language actually shown so screen readers pronounce it right. */
export function Name({ value }: { value: LocalizedText | null | undefined }) {
  const { lang, text } = useLang();
  const shown = textLang(value, lang);
  return <span lang={shown === lang ? undefined : shown}>{text(value)}</span>;
}

export function LocalityLink({ locality }: { locality: LocalitySummary }) {
  return (
    <Link to={`/localities/${encodeURIComponent(locality.code)}`}>
      <Name value={locality.name} />
    </Link>
  );
}

export function Loading() {
  const { t } = useLang();
  return (
    <p className="muted" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

/** Translates a problem by its stable code; the server's English detail is only a fallback. */
export function useProblemText() {
  const { t } = useLang();
  return (code: string, fallback?: string) =>
    t(`errors.${code}`, { defaultValue: fallback || t('errors.unknown') }) as string;
}

export function ErrorNote({ error }: { error: ApiError }) {
  const problemText = useProblemText();
  return (
    <p className="error" role="alert">
      {problemText(error.problem.code, error.problem.detail)}
    </p>
  );
}

/** Renders loading / error / content for a useApi result. */
export function Async<T>({
  state,
  children,
}: {
  state: { data: T | null; error: ApiError | null; loading: boolean };
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorNote error={state.error} />;
  if (state.data === null) return <Loading />;
  return <>{children(state.data)}</>;
}

export function CsvLink({ listPath, label }: { listPath: string; label?: string }) {
  const { t } = useLang();
  return (
    <a className="csv-link" href={csvUrl(listPath)} download>
      {label ?? t('common.downloadCsv')}
    </a>
  );
}

/** CSV for data that only exists on the page (a chart's counts): built in the browser, formula-safe. */
export function LocalCsvLink({
  name,
  rows,
  label,
}: {
  name: string;
  rows: (string | number)[][];
  label: string;
}) {
  const body = csvBody(rows);
  return (
    <a className="csv-link" href={`data:text/csv;charset=utf-8,${encodeURIComponent(body)}`} download={name}>
      {label}
    </a>
  );
}

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  // The browser tab says which page this is: its own heading ("Quảng Ninh – Shiga"), not only its kind.
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = h1.current?.textContent?.trim();
    if (heading) document.title = `${heading} · Kizuna`;
  });
  return (
    <div className="page-title">
      <h1 ref={h1}>{children}</h1>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}

export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge badge-${kind}`}>{children}</span>;
}

/**
 * An agreement's title; many sources give none, so it falls back to its kind and parties
 * ("Memorandum of understanding: Da Nang – Nagasaki") in the reader's language.
 */
export function AgreementTitle({ a }: { a: Pick<AgreementSummary, 'title' | 'kind' | 'parties'> }) {
  const { t, text, lang } = useLang();
  const parties = a.parties.map((p) => text(p.name)).join(' – ');
  const made = t('agreement.untitled', { kind: t(`agreementKind.${a.kind}`), parties });
  if (a.title[lang])
    return (
      <span>
        {a.title[lang]}
        {a.title.translation?.[lang] && (
          <>
            {' '}
            <TranslationTag status={a.title.translation[lang]} />
          </>
        )}
      </span>
    );
  // A title only in another language: the reader's own description first, the title after it,
  // marked with its language.
  const other = textLang(a.title, lang);
  if (!text(a.title)) return <span>{made}</span>;
  return (
    <span>
      {made}{' '}
      <span className="muted">
        (<span className="lang-tag">{t(`langName.${other}`)}</span>
        <span lang={other}>{text(a.title)}</span>)
      </span>
    </span>
  );
}
