import { useCallback } from 'react';
import { ProfileInput } from '../../../../src/features/profiles/schemas.ts';
import type { Profile } from '../../api/types.ts';
import { ErrorNote, Loading, PageTitle } from '../../components/common.tsx';
import { EditorChrome } from '../../components/EditorChrome.tsx';
import { partnersPath } from '../../components/ProfileView.tsx';
import { FieldIssue, invalidProps, SectorChecks } from '../../forms/fields.tsx';
import { fromZod, type Issue } from '../../forms/issues.ts';
import { useEditor } from '../../forms/useEditor.ts';
import { useLang } from '../../i18n/format.ts';
import { guessLang } from '../../lib/highlight.ts';
import { useRouter } from '../../router.tsx';

const MAX_PRIORITIES = 5;

const LANGS = ['vi', 'ja', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** Another language's version: the items one per line, and whether it is an official translation. */
interface TranslationDraft {
  offers: string;
  needs: string;
  status: 'official' | 'unofficial';
}

interface Draft {
  offers: string[];
  needs: string[];
  priorities: string[];
  /** The language the offers and needs are written in ('' : not said). */
  lang: Lang | '';
  translations: Record<Lang, TranslationDraft>;
}

const emptyTranslations = (): Record<Lang, TranslationDraft> => ({
  vi: { offers: '', needs: '', status: 'unofficial' },
  ja: { offers: '', needs: '', status: 'unofficial' },
  en: { offers: '', needs: '', status: 'unofficial' },
});

// One empty line each, so there is somewhere to type; blank lines are not sent.
const EMPTY: Draft = {
  offers: [''],
  needs: [''],
  priorities: [],
  lang: '',
  translations: emptyTranslations(),
};

const fromRecord = (p: Profile): Draft => {
  const translations = emptyTranslations();
  for (const l of LANGS) {
    const tr = p.translations?.[l];
    if (tr) translations[l] = { offers: tr.offers.join('\n'), needs: tr.needs.join('\n'), status: tr.status };
  }
  return {
    offers: p.offers.length ? [...p.offers] : [''],
    needs: p.needs.length ? [...p.needs] : [''],
    priorities: [...p.priorities],
    lang: p.lang ?? '',
    translations,
  };
};

/**
 * A version that no longer follows the original item for item (an offer or need was added or
 * removed since): it is not sent, and the form says so, rather than the save being refused.
 */
const stale = (d: Draft, l: Lang) => {
  const tr = d.translations[l];
  if (!tr.offers.trim() && !tr.needs.trim()) return false;
  return (
    lines(tr.offers).length !== filled(d.offers).values.length ||
    lines(tr.needs).length !== filled(d.needs).values.length
  );
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The lines worth sending, and for each the index of its line in the draft. */
function filled(lines: string[]) {
  const kept = lines.map((s, i) => [s, i] as const).filter(([s]) => s.trim() !== '');
  return { values: kept.map(([s]) => s), at: kept.map(([, i]) => i) };
}

/**
 * Validates with the shared `ProfileInput` schema. Blank lines are left out of the body, so an
 * issue about `needs.1` of the body is moved to the draft line it came from.
 */
function validate(d: Draft) {
  const offers = filled(d.offers);
  const needs = filled(d.needs);
  const translations = Object.fromEntries(
    LANGS.filter(
      (l) =>
        l !== d.lang && !stale(d, l) && (d.translations[l].offers.trim() || d.translations[l].needs.trim()),
    ).map((l) => [
      l,
      {
        offers: lines(d.translations[l].offers),
        needs: lines(d.translations[l].needs),
        status: d.translations[l].status,
      },
    ]),
  );
  const body = {
    offers: offers.values,
    needs: needs.values,
    priorities: d.priorities,
    lang: d.lang || null,
    translations,
  };
  const result = ProfileInput.safeParse(body);
  const issues = result.success ? [] : fromZod(result.error.issues);
  const lineOf = { offers: offers.at, needs: needs.at } as Record<string, number[]>;
  return {
    body,
    issues: issues.map((i): Issue => {
      const [list, n] = i.path.split('.');
      return n !== undefined && lineOf[list] ? { ...i, path: `${list}.${lineOf[list][Number(n)]}` } : i;
    }),
  };
}

function Lines({
  list,
  lines,
  onChange,
  issueAt,
}: {
  list: 'offers' | 'needs';
  lines: string[];
  onChange: (lines: string[], path: string) => void;
  issueAt: (path: string) => Issue | undefined;
}) {
  const { t } = useLang('partners');
  const one = list === 'offers' ? 'offer' : 'need';
  const hintId = `${list}-hint`;
  return (
    <fieldset className="group profile-lines">
      <legend>{t(`profile.${list}`)}</legend>
      <p id={hintId} className="hint">
        {t(`profile.${list}Hint`)}
      </p>
      {lines.map((value, i) => {
        const id = `${one}-${i}`;
        const issue = issueAt(`${list}.${i}`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position
          <div className="row" key={i}>
            <div className="field">
              <label htmlFor={id}>{t(`profile.${one}N`, { n: i + 1 })}</label>
              <textarea
                rows={2}
                {...invalidProps(id, issue, hintId)}
                lang={value.trim() ? guessLang(value) : undefined}
                value={value}
                onChange={(e) =>
                  onChange(
                    lines.map((s, j) => (j === i ? e.target.value : s)),
                    `${list}.${i}`,
                  )
                }
              />
              <FieldIssue id={id} issue={issue} />
            </div>
            <button
              type="button"
              className="secondary"
              aria-label={t(`profile.remove${one === 'offer' ? 'Offer' : 'Need'}`, { n: i + 1 })}
              onClick={() =>
                onChange(
                  lines.filter((_, j) => j !== i),
                  list,
                )
              }
            >
              {t('edit.remove')}
            </button>
          </div>
        );
      })}
      <p>
        <button type="button" className="secondary" onClick={() => onChange([...lines, ''], list)}>
          {t(`profile.add${one === 'offer' ? 'Offer' : 'Need'}`)}
        </button>
      </p>
      <FieldIssue id={`${list}-group`} issue={issueAt(list)} />
    </fieldset>
  );
}

/**
 * The profile in the other languages, inviting them: for each language but the original, the
 * offers and needs one per line in the same order, and whether the version is official.
 */
function Translations({
  draft,
  onLang,
  onChange,
  issueAt,
}: {
  draft: Draft;
  onLang: (lang: Lang | '') => void;
  onChange: (lang: Lang, value: TranslationDraft, path: string) => void;
  issueAt: (path: string) => Issue | undefined;
}) {
  const { t } = useLang('partners');
  return (
    <fieldset className="group profile-translations">
      <legend>{t('profile.translations')}</legend>
      <div className="field">
        <label htmlFor="profile-lang">{t('profile.lang')}</label>
        <select id="profile-lang" value={draft.lang} onChange={(e) => onLang(e.target.value as Lang | '')}>
          <option value="">—</option>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`langName.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <p id="translations-hint" className="hint">
        {t('profile.translationHint')}
      </p>
      {LANGS.filter((l) => l !== draft.lang).map((l) => {
        const tr = draft.translations[l];
        return (
          <fieldset key={l} className="group" lang={l}>
            <legend>{t('profile.translationOf', { lang: t(`langName.${l}`) })}</legend>
            {stale(draft, l) && (
              <p className="notice" role="status">
                {t('profile.translationStale')}
              </p>
            )}
            {(['offers', 'needs'] as const).map((side) => {
              const id = `tr-${l}-${side}`;
              const issue = issueAt(`translations.${l}.${side}`);
              return (
                <div className="field" key={side}>
                  <label htmlFor={id}>{t(`profile.${side}`)}</label>
                  <textarea
                    rows={3}
                    {...invalidProps(id, issue, 'translations-hint')}
                    value={tr[side]}
                    onChange={(e) =>
                      onChange(l, { ...tr, [side]: e.target.value }, `translations.${l}.${side}`)
                    }
                  />
                  <FieldIssue id={id} issue={issue} />
                </div>
              );
            })}
            <div className="field">
              <label htmlFor={`tr-${l}-status`}>{t('profile.translationStatus')}</label>
              <select
                id={`tr-${l}-status`}
                value={tr.status}
                onChange={(e) =>
                  onChange(
                    l,
                    { ...tr, status: e.target.value as TranslationDraft['status'] },
                    `translations.${l}`,
                  )
                }
              >
                <option value="unofficial">{t('text.translation.unofficial')}</option>
                <option value="official">{t('text.translation.official')}</option>
              </select>
            </div>
          </fieldset>
        );
      })}
    </fieldset>
  );
}

export function ProfileEditPage({ params }: { params: Record<string, string> }) {
  const { t, text } = useLang('partners');
  const { navigate } = useRouter();
  const id = params.id;
  const ed = useEditor<Profile, Draft>({
    id,
    apiBase: '/api/profiles',
    empty: EMPTY,
    fromRecord: useCallback(fromRecord, []),
    validate: useCallback(validate, []),
    put: true,
  });
  if (ed.loadError) return <ErrorNote error={ed.loadError} />;
  if (ed.loading) return <Loading />;
  const d = ed.draft;
  const set = <K extends keyof Draft>(key: K, value: Draft[K], path: string) =>
    ed.update(path, (x) => ({ ...x, [key]: value }));
  const owner = ed.record?.owner;
  return (
    <>
      <PageTitle>{ed.record ? t('profile.edit') : t('profile.create')}</PageTitle>
      <p className="lead">{owner ? t('profile.editOf', { name: text(owner.name) }) : <code>{id}</code>}</p>
      {ed.record?.starter && <p className="notice">{t('profile.starterEdit')}</p>}
      <EditorChrome<Profile>
        editor={ed}
        cancelTo={partnersPath(id)}
        onSaved={(p) => navigate(partnersPath(p.id))}
      >
        <Lines list="offers" lines={d.offers} issueAt={ed.issueAt} onChange={(v, p) => set('offers', v, p)} />
        <Lines list="needs" lines={d.needs} issueAt={ed.issueAt} onChange={(v, p) => set('needs', v, p)} />
        <Translations
          draft={d}
          issueAt={ed.issueAt}
          onLang={(l) => set('lang', l, 'lang')}
          onChange={(l, v, p) => set('translations', { ...d.translations, [l]: v }, p)}
        />
        <SectorChecks
          legend={t('profile.prioritiesLegend', { n: MAX_PRIORITIES })}
          value={d.priorities}
          issue={ed.issueAt('priorities')}
          onChange={(v) => set('priorities', v, 'priorities')}
        />
      </EditorChrome>
    </>
  );
}
