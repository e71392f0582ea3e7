import { type FormEvent, useState } from 'react';
import { localDate } from '../../../../../src/domain/calendar/zones.ts';
import { ApiError, api } from '../../../api/client.ts';
import type { Lang } from '../../../api/types.ts';
import { ErrorNote } from '../../../components/common.tsx';
import { formatPartialDate, useLang } from '../../../i18n/format.ts';
import { Text } from '../texts.tsx';
import { SessionTime } from './SessionTime.tsx';
import type { MemberInputT, MemberT, ProgrammeT } from './types.ts';

const LANGS: Lang[] = ['vi', 'ja', 'en'];
/** Every registered member attends these (as the server's agenda and calendar feed decide). */
const EVERYONE = new Set(['plenary', 'ceremony']);

interface Draft {
  familyNative: string;
  familyLatin: string;
  givenNative: string;
  givenLatin: string;
  order: 'family-first' | 'given-first';
  position: string;
  languages: string[];
  language: Lang;
  email: string;
  dietary: string;
  accessibility: string;
  listed: boolean;
  agenda: string[];
}

function draftOf(m: MemberT | null, lang: Lang): Draft {
  const n = m?.nameParts;
  return {
    familyNative: n?.family.native ?? '',
    familyLatin: n?.family.latin ?? '',
    givenNative: n?.given.native ?? '',
    givenLatin: n?.given.latin ?? '',
    order: n?.order ?? 'family-first',
    position: m?.position[lang] ?? '',
    languages: m?.languages ?? [],
    language: m?.language ?? lang,
    email: m?.email ?? '',
    dietary: m?.dietary ?? '',
    accessibility: m?.accessibility ?? '',
    listed: m?.listed ?? false,
    agenda: m?.agenda ?? [],
  };
}

function bodyOf(d: Draft, lang: Lang, before: MemberT | null): MemberInputT {
  const part = (native: string, latin: string) => ({
    ...(native.trim() ? { native: native.trim() } : {}),
    latin: latin.trim(),
  });
  return {
    name: {
      family: part(d.familyNative, d.familyLatin),
      given: part(d.givenNative, d.givenLatin),
      order: d.order,
    },
    // The position is written in the reader's language; its other languages are kept.
    position: { ...(before?.position ?? {}), [lang]: d.position.trim() || undefined },
    languages: d.languages,
    language: d.language,
    email: d.email.trim() || null,
    dietary: d.dietary.trim() || null,
    accessibility: d.accessibility.trim() || null,
    listed: d.listed,
    agenda: d.agenda,
  };
}

/** Adds a member (member null) or changes one (If-Match its version). */
export function MemberForm({
  base,
  member,
  programme,
  zone,
  onDone,
}: {
  base: string;
  member: MemberT | null;
  programme: ProgrammeT | null;
  zone: string;
  onDone: (saved: boolean) => void;
}) {
  const { t, lang } = useLang('forumDelegation');
  const [d, setD] = useState<Draft>(() => draftOf(member, lang));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = member ? `m-${member.id.replace(/[^A-Za-z0-9_-]/g, '_')}` : 'm-new';
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const fieldError = (path: string) => {
    const e = error?.problem.errors?.find((x) => x.path === path || x.path.startsWith(`${path}.`));
    if (!e) return null;
    return t(`field.${e.code}`, { defaultValue: e.message });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = bodyOf(d, lang, member);
      if (member)
        await api(`${base}/members/${encodeURIComponent(member.id)}`, {
          method: 'PATCH',
          body,
          ifMatch: `"${member.version}"`,
        });
      else await api(`${base}/members`, { method: 'POST', body });
      onDone(true);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const text = (
    key: keyof Draft,
    label: string,
    opts: { required?: boolean; type?: string; wide?: boolean; lang?: string } = {},
  ) => {
    const path =
      key === 'familyNative'
        ? 'name.family.native'
        : key === 'familyLatin'
          ? 'name.family.latin'
          : key === 'givenNative'
            ? 'name.given.native'
            : key === 'givenLatin'
              ? 'name.given.latin'
              : key;
    const err = fieldError(path);
    return (
      <div className={`field${opts.wide ? ' wide' : ''}`}>
        <label htmlFor={`${id}-${key}`}>
          {label}
          {opts.required && <span className="muted"> ({t('member.required')})</span>}
        </label>
        <input
          id={`${id}-${key}`}
          name={key}
          type={opts.type ?? 'text'}
          value={d[key] as string}
          required={opts.required}
          maxLength={key === 'dietary' || key === 'accessibility' ? 500 : 100}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${id}-${key}-err` : undefined}
          onChange={(e) => set(key, e.target.value as never)}
        />
        {err && (
          <p id={`${id}-${key}-err`} className="field-error">
            {err}
          </p>
        )}
      </div>
    );
  };
  const choosable = (programme?.sessions ?? []).filter((s) => s.kind !== 'break' && !s.cancelled);
  return (
    <form className="form member-form" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{member ? t('delegation.edit') : t('delegation.add')}</h3>
      <fieldset>
        <legend>{t('member.legendName')}</legend>
        {text('familyNative', `${t('member.family')} (${t('member.native')})`)}
        {text('familyLatin', `${t('member.family')} (${t('member.latin')})`, { required: true })}
        {text('givenNative', `${t('member.given')} (${t('member.native')})`)}
        {text('givenLatin', `${t('member.given')} (${t('member.latin')})`, { required: true })}
        <div className="field">
          <label htmlFor={`${id}-order`}>{t('member.order')}</label>
          <select
            id={`${id}-order`}
            value={d.order}
            onChange={(e) => set('order', e.target.value as Draft['order'])}
          >
            <option value="family-first">{t('member.familyFirst')}</option>
            <option value="given-first">{t('member.givenFirst')}</option>
          </select>
        </div>
      </fieldset>
      {text('position', t('member.position', { lang: t(`lang.${lang}`) }), { wide: true })}
      <fieldset className="checks">
        <legend>{t('member.languages')}</legend>
        {LANGS.map((l) => (
          <label key={l}>
            <input
              type="checkbox"
              checked={d.languages.includes(l)}
              onChange={(e) =>
                set('languages', e.target.checked ? [...d.languages, l] : d.languages.filter((x) => x !== l))
              }
            />{' '}
            {t(`lang.${l}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('member.language')}</label>
        <select
          id={`${id}-language`}
          value={d.language}
          onChange={(e) => set('language', e.target.value as Lang)}
        >
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`lang.${l}`)}
            </option>
          ))}
        </select>
      </div>
      {text('email', t('member.email'), { type: 'email' })}
      {text('dietary', t('member.dietary'), { wide: true })}
      {text('accessibility', t('member.accessibility'), { wide: true })}
      <p className="hint">{t('delegation.private')}</p>
      <div className="field checks">
        <label>
          <input type="checkbox" checked={d.listed} onChange={(e) => set('listed', e.target.checked)} />{' '}
          {t('member.listed')}
        </label>
      </div>
      <fieldset className="checks agenda-choice">
        <legend>{t('member.agenda')}</legend>
        {programme ? (
          <>
            <p className="hint">{t('member.agendaHelp')}</p>
            {choosable.map((s) => {
              const always = EVERYONE.has(s.kind);
              return (
                <label key={s.id}>
                  <input
                    type="checkbox"
                    name="agenda"
                    value={s.id}
                    checked={always || d.agenda.includes(s.id)}
                    disabled={always}
                    onChange={(e) =>
                      set(
                        'agenda',
                        e.target.checked ? [...d.agenda, s.id] : d.agenda.filter((x) => x !== s.id),
                      )
                    }
                  />{' '}
                  <span className="muted">
                    {formatPartialDate(localDate(new Date(s.start), zone), lang)}{' '}
                    <SessionTime s={s} zone={zone} />
                  </span>{' '}
                  <Text value={s.title} />
                </label>
              );
            })}
          </>
        ) : (
          <p className="hint">{t('member.noProgramme')}</p>
        )}
        {fieldError('agenda') && <p className="field-error">{fieldError('agenda')}</p>}
      </fieldset>
      {error && <ErrorNote error={error} />}
      {fieldError('members') && (
        <p className="error" role="alert">
          {fieldError('members')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('member.save')}
        </button>
        <button type="button" className="link-button" onClick={() => onDone(false)}>
          {t('member.cancel')}
        </button>
      </div>
    </form>
  );
}
