/**
 * The organiser's form parts: texts per language with their status (original or translation),
 * problems of the server named at their fields in the reader's language, and the notice of a
 * change someone else made meanwhile (412).
 */
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Texts } from '../../../../../src/features/forums/schemas.ts';
import { ApiError } from '../../../api/client.ts';
import type { Lang } from '../../../api/types.ts';
import { useProblemText } from '../../../components/common.tsx';

export type TextsValue = z.infer<typeof Texts>;
export const LANGS: Lang[] = ['vi', 'ja', 'en'];
export type FieldProblem = { path: string; message: string; code: string };
type Status = 'original' | 'official' | 'unofficial';

/** The ETag of a version the server gave (`"3"`), for If-Match. */
export const etagOf = (version: number) => `"${version}"`;

/** The problems of a failed write named at `path` or below it (`speakerIds` takes `speakerIds.1`). */
export function at(errors: FieldProblem[], ...paths: string[]): FieldProblem[] {
  return errors.filter((e) => paths.some((p) => e.path === p || e.path.startsWith(`${p}.`)));
}

export interface Failure {
  status: number;
  code: string;
  detail?: string;
  errors: FieldProblem[];
}

export function failureOf(err: unknown): Failure {
  if (err instanceof ApiError)
    return {
      status: err.status,
      code: err.problem.code,
      detail: err.problem.detail,
      errors: err.problem.errors ?? [],
    };
  return { status: 0, code: 'unknown', errors: [] };
}

/** Texts with empty languages dropped, and the status of the languages left. */
export function cleanTexts(v: TextsValue): TextsValue {
  const out: TextsValue = {};
  const translation: NonNullable<TextsValue['translation']> = {};
  for (const l of LANGS) {
    const text = v[l]?.trim();
    if (!text) continue;
    out[l] = text;
    const s = v.translation?.[l];
    if (s) translation[l] = s;
  }
  if (Object.keys(translation).length) out.translation = translation;
  return out;
}

export const hasText = (v: TextsValue) => LANGS.some((l) => v[l]?.trim());

/**
 * One field problem in the reader's language, by its code; `other` names the session a clash is
 * with (its title), read from the server's message (`… session <id> at the same time`).
 */
export function useFieldText(sessionTitle?: (id: string) => string | undefined) {
  const { t } = useTranslation('forumOrganiser');
  return (e: FieldProblem) => {
    const otherId = /session (\S+)/.exec(e.message)?.[1];
    const other = (otherId && sessionTitle?.(otherId)) || otherId || '';
    const key = `problem.${e.code.replace(/\./g, '_')}`;
    return t(key, { other, defaultValue: `${t('problem.invalid')} (${e.message})` });
  };
}

/** The problems of one field, read out when they appear (the input points here with aria-describedby). */
export function FieldErrors({
  id,
  errors,
  text,
}: {
  id: string;
  errors: FieldProblem[];
  text: (e: FieldProblem) => string;
}) {
  if (!errors.length) return null;
  return (
    <div id={id} className="field-error" role="status">
      {errors.map((e) => (
        <p key={`${e.path}:${e.code}:${e.message}`} className="field-error" data-path={e.path}>
          {text(e)}
        </p>
      ))}
    </div>
  );
}

/** A labelled field whose input gets its id and its problems' description. */
export function Field({
  label,
  errors = [],
  text,
  hint,
  wide,
  children,
}: {
  label: string;
  errors?: FieldProblem[];
  text?: (e: FieldProblem) => string;
  hint?: string;
  wide?: boolean;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const fallback = useFieldText();
  const describedBy = [hint ? hintId : '', errors.length ? errId : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(errors.length ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldErrors id={errId} errors={errors} text={text ?? fallback} />
    </div>
  );
}

/** A text in each language, each with its status: written in it (original) or a translation. */
export function TextsInput({
  label,
  value,
  onChange,
  errors = [],
  text,
  multiline,
  name,
}: {
  label: string;
  value: TextsValue;
  onChange: (v: TextsValue) => void;
  errors?: FieldProblem[];
  text?: (e: FieldProblem) => string;
  multiline?: boolean;
  /** A stable part of the inputs' ids (tests and labels find them by it). */
  name: string;
}) {
  const { t } = useTranslation('forumOrganiser');
  const fallback = useFieldText();
  const errId = useId();
  const set = (l: Lang, patch: { text?: string; status?: Status }) => {
    const next: TextsValue = { ...value, translation: { ...value.translation } };
    if (patch.text !== undefined) next[l] = patch.text;
    if (patch.status !== undefined) {
      const tr = { ...next.translation };
      if (patch.status === 'original') delete tr[l];
      else tr[l] = patch.status;
      next.translation = tr;
    }
    onChange(next);
  };
  return (
    <fieldset className="group texts-input" aria-describedby={errors.length ? errId : undefined}>
      <legend>{label}</legend>
      {LANGS.map((l) => (
        <div className="row" key={l}>
          <div className="field wide">
            <label htmlFor={`${name}-${l}`}>{t(`lang.${l}`)}</label>
            {multiline ? (
              <textarea
                id={`${name}-${l}`}
                lang={l}
                rows={3}
                maxLength={5000}
                value={value[l] ?? ''}
                aria-invalid={errors.length ? true : undefined}
                onChange={(e) => set(l, { text: e.target.value })}
              />
            ) : (
              <input
                id={`${name}-${l}`}
                lang={l}
                maxLength={5000}
                value={value[l] ?? ''}
                aria-invalid={errors.length ? true : undefined}
                onChange={(e) => set(l, { text: e.target.value })}
              />
            )}
          </div>
          <div className="field narrow status-field">
            <label htmlFor={`${name}-${l}-status`}>{t('textStatus', { lang: t(`lang.${l}`) })}</label>
            <select
              id={`${name}-${l}-status`}
              value={value.translation?.[l] ?? 'original'}
              onChange={(e) => set(l, { status: e.target.value as Status })}
            >
              <option value="original">{t('status.original')}</option>
              <option value="official">{t('status.official')}</option>
              <option value="unofficial">{t('status.unofficial')}</option>
            </select>
          </div>
        </div>
      ))}
      <FieldErrors id={errId} errors={errors} text={text ?? fallback} />
    </fieldset>
  );
}

/**
 * What a failed write says as a whole: a stale If-Match (412) as "someone else changed this;
 * reload", any other problem by its code; field problems are shown at their fields.
 */
export function FailureNote({ failure, onReload }: { failure: Failure | null; onReload?: () => void }) {
  const { t } = useTranslation('forumOrganiser');
  const problemText = useProblemText();
  if (!failure) return null;
  if (failure.status === 412)
    return (
      <div className="error" role="alert">
        <p>{t('stale')}</p>
        {onReload && (
          <button type="button" onClick={onReload}>
            {t('reload')}
          </button>
        )}
      </div>
    );
  return (
    <p className="error" role="alert">
      {failure.code === 'programme.conflict'
        ? t('programmeConflict', { n: failure.errors.length })
        : problemText(failure.code, failure.detail)}
      {failure.errors.length > 0 &&
        failure.code !== 'programme.conflict' &&
        failure.code !== 'validation.invalid' &&
        ` ${t('seeFields')}`}
    </p>
  );
}

/** Problems of a field naming an account by its address: an unknown one is "no account". */
export function useAccountFieldText() {
  const { t } = useTranslation('forumOrganiser');
  const text = useFieldText();
  return (e: FieldProblem) => (e.code === 'unknown_reference' ? t('roles.noAccount') : text(e));
}
