/** The forum's setup: used by an admin creating a forum and by its organisers changing it. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Forum } from '../../../../../src/features/forums/schemas.ts';
import type { Lang } from '../../../api/types.ts';
import {
  at,
  cleanTexts,
  type Failure,
  FailureNote,
  Field,
  type FieldProblem,
  LANGS,
  TextsInput,
  type TextsValue,
} from './forms.tsx';

type ForumT = z.infer<typeof Forum>;
const ZONES = ['Asia/Ho_Chi_Minh', 'Asia/Tokyo'];
const STATES = ['draft', 'open', 'closed', 'held', 'archived'] as const;

export interface ForumValues {
  id: string;
  acronym: string;
  title: TextsValue;
  theme: TextsValue;
  venue: TextsValue;
  zone: string;
  firstDay: string;
  lastDay: string;
  languages: Lang[];
  capacity: string;
  delegationSize: string;
  state: ForumT['state'];
}

export const emptyForum: ForumValues = {
  id: '',
  acronym: '',
  title: {},
  theme: {},
  venue: {},
  zone: 'Asia/Ho_Chi_Minh',
  firstDay: '',
  lastDay: '',
  languages: ['vi', 'ja'],
  capacity: '',
  delegationSize: '10',
  state: 'draft',
};

export const valuesOf = (f: ForumT): ForumValues => ({
  id: f.id,
  acronym: f.acronym,
  title: f.title,
  theme: f.theme,
  venue: f.venue,
  zone: f.zone,
  firstDay: f.firstDay,
  lastDay: f.lastDay,
  languages: f.languages,
  capacity: f.capacity === null ? '' : String(f.capacity),
  delegationSize: String(f.delegationSize),
  state: f.state,
});

/** The body the API takes (`ForumCreate` without the id, or `ForumUpdate`). */
export function bodyOf(v: ForumValues) {
  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  return {
    acronym: v.acronym.trim(),
    title: cleanTexts(v.title),
    theme: cleanTexts(v.theme),
    venue: cleanTexts(v.venue),
    zone: v.zone,
    firstDay: v.firstDay,
    lastDay: v.lastDay,
    languages: v.languages,
    capacity: num(v.capacity),
    ...(v.delegationSize.trim() ? { delegationSize: Number(v.delegationSize) } : {}),
  };
}

export function ForumForm({
  initial,
  mode,
  busy,
  failure,
  onSubmit,
  onReload,
  extra,
  submitLabel,
}: {
  initial: ForumValues;
  mode: 'create' | 'edit';
  busy: boolean;
  failure: Failure | null;
  onSubmit: (v: ForumValues) => void;
  onReload?: () => void;
  extra?: ReactNode;
  submitLabel: string;
}) {
  const { t } = useTranslation('forumOrganiser');
  const [v, setV] = useState<ForumValues>(initial);
  const errors: FieldProblem[] = failure?.errors ?? [];
  const prefix = (p: string) => (mode === 'create' ? [`forum.${p}`, p] : [p]);
  const err = (p: string) => at(errors, ...prefix(p));
  const set = <K extends keyof ForumValues>(k: K, value: ForumValues[K]) =>
    setV((o) => ({ ...o, [k]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(v);
  };
  return (
    <form className="form organiser-form" onSubmit={submit} noValidate>
      {mode === 'create' && (
        <Field label={t('forum.id')} hint={t('forum.idHint')} errors={err('id')}>
          {(p) => (
            <input
              {...p}
              name="id"
              value={v.id}
              required
              autoComplete="off"
              onChange={(e) => set('id', e.target.value)}
            />
          )}
        </Field>
      )}
      <Field label={t('forum.acronym')} errors={err('acronym')}>
        {(p) => (
          <input
            {...p}
            name="acronym"
            value={v.acronym}
            required
            onChange={(e) => set('acronym', e.target.value)}
          />
        )}
      </Field>
      <TextsInput
        name="forum-title"
        label={t('forum.title')}
        value={v.title}
        onChange={(x) => set('title', x)}
        errors={err('title')}
      />
      <TextsInput
        name="forum-theme"
        label={t('forum.theme')}
        value={v.theme}
        onChange={(x) => set('theme', x)}
        errors={err('theme')}
      />
      <TextsInput
        name="forum-venue"
        label={t('forum.venue')}
        value={v.venue}
        onChange={(x) => set('venue', x)}
        errors={err('venue')}
      />
      <div className="row">
        <Field label={t('forum.zone')} errors={err('zone')}>
          {(p) => (
            <select {...p} name="zone" value={v.zone} onChange={(e) => set('zone', e.target.value)}>
              {[...new Set([...ZONES, v.zone])].map((z) => (
                <option key={z} value={z}>
                  {t(`zone.${z.replace('/', '_')}`, { defaultValue: z })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('forum.firstDay')} errors={err('firstDay')}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="firstDay"
              value={v.firstDay}
              required
              onChange={(e) => set('firstDay', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('forum.lastDay')} errors={err('lastDay')}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="lastDay"
              value={v.lastDay}
              required
              onChange={(e) => set('lastDay', e.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset className="group">
        <legend>{t('forum.languages')}</legend>
        <div className="checks">
          {LANGS.map((l) => (
            <label key={l}>
              <input
                type="checkbox"
                checked={v.languages.includes(l)}
                onChange={(e) =>
                  set(
                    'languages',
                    e.target.checked ? [...v.languages, l] : v.languages.filter((x) => x !== l),
                  )
                }
              />
              {t(`lang.${l}`)}
            </label>
          ))}
        </div>
        {err('languages').length > 0 && (
          <p className="field-error" role="status">
            {t('problem.languages')}
          </p>
        )}
      </fieldset>
      <div className="row">
        <Field label={t('forum.capacity')} hint={t('forum.capacityHint')} errors={err('capacity')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              name="capacity"
              inputMode="numeric"
              value={v.capacity}
              onChange={(e) => set('capacity', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('forum.delegationSize')} errors={err('delegationSize')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={200}
              name="delegationSize"
              inputMode="numeric"
              value={v.delegationSize}
              onChange={(e) => set('delegationSize', e.target.value)}
            />
          )}
        </Field>
        {mode === 'edit' && (
          <Field label={t('forum.state')} hint={t('forum.stateHint')} errors={err('state')}>
            {(p) => (
              <select
                {...p}
                name="state"
                value={v.state}
                onChange={(e) => set('state', e.target.value as ForumValues['state'])}
              >
                {STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`state.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {extra}
      <FailureNote failure={failure} onReload={onReload} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
