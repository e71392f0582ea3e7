import { useCallback } from 'react';
import { ProfileInput } from '../../../src/features/profiles/schemas.ts';
import type { Profile } from '../api/types.ts';
import { ErrorNote, Loading, PageTitle } from '../components/common.tsx';
import { partnersPath } from '../components/ProfileView.tsx';
import { FieldIssue, invalidProps, SectorChecks } from '../forms/fields.tsx';
import { fromZod, type Issue } from '../forms/issues.ts';
import { useEditor } from '../forms/useEditor.ts';
import { useLang } from '../i18n/format.ts';
import { guessLang } from '../lib/highlight.ts';
import { useRouter } from '../router.tsx';
import { EditorChrome } from './EditorChrome.tsx';

const MAX_PRIORITIES = 5;

interface Draft {
  offers: string[];
  needs: string[];
  priorities: string[];
}

// One empty line each, so there is somewhere to type; blank lines are not sent.
const EMPTY: Draft = { offers: [''], needs: [''], priorities: [] };

const fromRecord = (p: Profile): Draft => ({
  offers: p.offers.length ? [...p.offers] : [''],
  needs: p.needs.length ? [...p.needs] : [''],
  priorities: [...p.priorities],
});

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
  const body = { offers: offers.values, needs: needs.values, priorities: d.priorities };
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
  const { t } = useLang();
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

export function ProfileEditPage({ params }: { params: Record<string, string> }) {
  const { t, text } = useLang();
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
