import type { ReactNode } from 'react';
import { SECTORS } from '../../../src/domain/sectors.ts';
import type { Source } from '../../../src/features/shared/schemas.ts';
import type { Lang } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import { type Issue, issueText } from './issues.ts';

export const LANG_ORDER: Lang[] = ['vi', 'ja', 'en'];

/** id of the element holding the message for the field `id`, for aria-describedby. */
export const errId = (id: string) => `${id}-err`;

export function invalidProps(id: string, issue: Issue | undefined, hintId?: string) {
  const describedBy = [issue ? errId(id) : null, hintId ?? null].filter(Boolean).join(' ') || undefined;
  return { id, 'aria-invalid': issue ? true : undefined, 'aria-describedby': describedBy };
}

export function FieldIssue({ id, issue }: { id: string; issue: Issue | undefined }) {
  const { t } = useLang();
  if (!issue) return null;
  return (
    <p id={errId(id)} className="field-error" data-path={issue.path}>
      {issueText(issue, t)}
    </p>
  );
}

export function Field({
  id,
  label,
  issue,
  hint,
  children,
}: {
  id: string;
  label: string;
  issue: Issue | undefined;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldIssue id={id} issue={issue} />
    </div>
  );
}

type Texts = Partial<Record<Lang, string>>;

/** One input per language for a localized text; `path` is its field path (e.g. `title`). */
export function LocalizedInputs({
  idPrefix,
  legend,
  value,
  onChange,
  issueAt,
  path,
  multiline,
}: {
  idPrefix: string;
  legend: string;
  value: Texts;
  onChange: (lang: Lang, v: string) => void;
  issueAt: (path: string) => Issue | undefined;
  path: string;
  multiline?: boolean;
}) {
  const { t } = useLang();
  const groupIssue = issueAt(path);
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      <div className="row">
        {LANG_ORDER.map((l) => {
          const id = `${idPrefix}-${l}`;
          const issue = issueAt(`${path}.${l}`);
          const props = { ...invalidProps(id, issue), lang: l, value: value[l] ?? '' };
          return (
            <div className="field" key={l}>
              <label htmlFor={id}>{t(`langName.${l}`)}</label>
              {multiline ? (
                <textarea rows={3} {...props} onChange={(e) => onChange(l, e.target.value)} />
              ) : (
                <input {...props} onChange={(e) => onChange(l, e.target.value)} />
              )}
              <FieldIssue id={id} issue={issue} />
            </div>
          );
        })}
      </div>
      <FieldIssue id={`${idPrefix}-group`} issue={groupIssue} />
    </fieldset>
  );
}

export function SectorChecks({
  legend,
  value,
  onChange,
  issue,
}: {
  legend: string;
  value: string[];
  onChange: (codes: string[]) => void;
  issue: Issue | undefined;
}) {
  const { lang } = useLang();
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      <div className="checks">
        {SECTORS.map((s) => (
          <label key={s.code}>
            <input
              type="checkbox"
              checked={value.includes(s.code)}
              onChange={(e) => toggle(s.code, e.target.checked)}
            />
            {s.label[lang]}
          </label>
        ))}
      </div>
      <FieldIssue id="sectors" issue={issue} />
    </fieldset>
  );
}

export interface SourceDraft {
  url: string;
  note: string;
  /** A source's public summary per language: not edited here, kept as it is. */
  summary?: Source['summary'];
}

export function SourcesEditor({
  value,
  onChange,
  issueAt,
}: {
  value: SourceDraft[];
  onChange: (v: SourceDraft[]) => void;
  issueAt: (path: string) => Issue | undefined;
}) {
  const { t } = useLang();
  const set = (i: number, patch: Partial<SourceDraft>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="group">
      <legend>{t('agreement.sources')}</legend>
      {value.map((s, i) => {
        const urlId = `src-${i}-url`;
        const noteId = `src-${i}-note`;
        const urlIssue = issueAt(`sources.${i}.url`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <div className="row" key={i}>
            <div className="field">
              <label htmlFor={urlId}>{t('edit.sourceUrl')}</label>
              <input
                type="url"
                {...invalidProps(urlId, urlIssue)}
                value={s.url}
                onChange={(e) => set(i, { url: e.target.value })}
              />
              <FieldIssue id={urlId} issue={urlIssue} />
            </div>
            <div className="field">
              <label htmlFor={noteId}>{t('edit.sourceNote')}</label>
              <input id={noteId} value={s.note} onChange={(e) => set(i, { note: e.target.value })} />
            </div>
            <button
              type="button"
              className="secondary"
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              {t('edit.remove')}
            </button>
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...value, { url: '', note: '' }])}>
        {t('edit.addSource')}
      </button>
    </fieldset>
  );
}

/** Drops empty languages: the schemas reject an empty string but accept a missing language. */
export function compactText(v: Texts): Texts {
  const out: Texts = {};
  for (const l of LANG_ORDER) if (v[l]?.trim()) out[l] = v[l];
  return out;
}
