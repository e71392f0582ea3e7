import { useCallback } from 'react';
import {
  AgreementCreate,
  AgreementKind,
  AgreementStatus,
  AgreementUpdate,
} from '../../../../src/features/agreements/schemas.ts';
import { can } from '../../api/actions.ts';
import type { Agreement, Lang } from '../../api/types.ts';
import { ErrorNote, Loading, PageTitle } from '../../components/common.tsx';
import { EditorChrome } from '../../components/EditorChrome.tsx';
import { LocalityPicker } from '../../components/LocalityPicker.tsx';
import {
  compactText,
  Field,
  FieldIssue,
  invalidProps,
  LocalizedInputs,
  SectorChecks,
  type SourceDraft,
  SourcesEditor,
} from '../../forms/fields.tsx';
import { fromZod } from '../../forms/issues.ts';
import { useEditor } from '../../forms/useEditor.ts';
import { useLang } from '../../i18n/format.ts';
import { useRouter } from '../../router.tsx';

type Mark = 'official' | 'unofficial';

interface Draft {
  title: Partial<Record<Lang, string>>;
  /** Which title languages are translations (none: every language is an original). */
  titleMarks: Partial<Record<Lang, Mark>>;
  kind: string;
  kindDetail: string;
  fields: string[];
  signedOn: string;
  validUntil: string;
  status: string;
  renewsId: string;
  supersedesId: string;
  parties: { type: 'locality' | 'organization'; code: string }[];
  sources: SourceDraft[];
  note: string;
}

const EMPTY: Draft = {
  title: {},
  titleMarks: {},
  kind: 'friendship',
  kindDetail: '',
  fields: [],
  signedOn: '',
  validUntil: '',
  // Empty: derived from the end date and renewals.
  status: '',
  renewsId: '',
  supersedesId: '',
  parties: [
    { type: 'locality', code: '' },
    { type: 'locality', code: '' },
  ],
  sources: [],
  note: '',
};

const fromRecord = (a: Agreement): Draft => ({
  title: { vi: a.title.vi, ja: a.title.ja, en: a.title.en },
  titleMarks: { ...a.title.translation },
  kind: a.kind,
  kindDetail: a.kindDetail ?? '',
  fields: [...a.fields],
  signedOn: a.signedOn ?? '',
  validUntil: a.validUntil ?? '',
  status: a.statusStated ?? '',
  renewsId: a.renewsId ?? '',
  supersedesId: a.supersedesId ?? '',
  parties: a.parties.map((p) => ({ type: p.type, code: p.code })),
  sources: a.sources.map((s) => ({ url: s.url ?? '', note: s.note ?? '', summary: s.summary })),
  note: a.note ?? '',
});

// AgreementUpdate gives these fields defaults, which a PATCH without them would write.
const ALWAYS_SEND = ['kindDetail', 'fields', 'renewsId', 'supersedesId'] as const;

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The title with the marks of the languages it has (none when every language is an original). */
function withMarks(title: Partial<Record<Lang, string>>, marks: Draft['titleMarks']) {
  const translation = Object.fromEntries(
    (Object.entries(marks) as [Lang, Mark | undefined][]).filter(([l, m]) => m && title[l]),
  );
  return Object.keys(translation).length ? { ...title, translation } : title;
}

function validate(d: Draft, creating: boolean) {
  const body = {
    title: withMarks(compactText(d.title), d.titleMarks),
    kind: d.kind,
    kindDetail: orNull(d.kindDetail),
    fields: d.fields,
    signedOn: orNull(d.signedOn),
    validUntil: orNull(d.validUntil),
    status: d.status || null,
    renewsId: orNull(d.renewsId),
    supersedesId: orNull(d.supersedesId),
    parties: d.parties.map((p) => ({ type: p.type, code: p.code.trim() })),
    sources: d.sources
      .filter((s) => s.url.trim() || s.note.trim())
      .map((s) => ({
        url: orNull(s.url),
        note: orNull(s.note),
        ...(s.summary ? { summary: s.summary } : {}),
      })),
    note: orNull(d.note),
  };
  const result = (creating ? AgreementCreate : AgreementUpdate).safeParse(body);
  return { body, issues: result.success ? [] : fromZod(result.error.issues) };
}

export function AgreementEditPage({ params }: { params: Record<string, string> }) {
  const { t } = useLang('agreements');
  const { navigate } = useRouter();
  const ed = useEditor<Agreement, Draft>({
    id: params.id,
    apiBase: '/api/agreements',
    empty: EMPTY,
    fromRecord: useCallback(fromRecord, []),
    validate: useCallback(validate, []),
    alwaysSend: ALWAYS_SEND,
  });
  if (ed.loadError) return <ErrorNote error={ed.loadError} />;
  if (ed.loading) return <Loading />;
  const d = ed.draft;
  const set = <K extends keyof Draft>(key: K, value: Draft[K], path: string = key) =>
    ed.update(path, (x) => ({ ...x, [key]: value }));
  // From the draft at the time of the change: a picker settles a typed name after the user has
  // moved on to the next party, and must not undo what was typed there meanwhile.
  const setParty = (i: number, patch: Partial<Draft['parties'][number]>) =>
    ed.update(`parties.${i}`, (x) => ({
      ...x,
      parties: x.parties.map((p, j) => (j === i ? { ...p, ...patch } : p)),
    }));
  const detail = params.id ? `/agreements/${encodeURIComponent(params.id)}` : '/agreements';
  return (
    <>
      <PageTitle>{ed.creating ? t('edit.newAgreement') : t('edit.editAgreement')}</PageTitle>
      <EditorChrome
        editor={ed}
        cancelTo={detail}
        onSaved={(a) => navigate(`/agreements/${encodeURIComponent(a.id)}`)}
        onDeleted={can(ed.record, 'delete') ? () => navigate('/agreements') : undefined}
      >
        <LocalizedInputs
          idPrefix="title"
          legend={t('edit.title')}
          value={d.title}
          path="title"
          issueAt={ed.issueAt}
          onChange={(l, v) => set('title', { ...d.title, [l]: v }, `title.${l}`)}
        />
        <fieldset className="group">
          <legend>{t('edit.titleStatus')}</legend>
          <div className="row">
            {(['vi', 'ja', 'en'] as const).map((l) => (
              <div className="field" key={l}>
                <label htmlFor={`title-mark-${l}`}>{t(`langName.${l}`)}</label>
                <select
                  id={`title-mark-${l}`}
                  value={d.titleMarks[l] ?? ''}
                  disabled={!d.title[l]?.trim()}
                  onChange={(e) =>
                    set(
                      'titleMarks',
                      { ...d.titleMarks, [l]: (e.target.value || undefined) as Mark | undefined },
                      'title',
                    )
                  }
                >
                  <option value="">{t('text.originalText')}</option>
                  <option value="unofficial">{t('text.translation.unofficial')}</option>
                  <option value="official">{t('text.translation.official')}</option>
                </select>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="row">
          <Field id="kind" label={t('agreement.kind')} issue={ed.issueAt('kind')}>
            <select
              {...invalidProps('kind', ed.issueAt('kind'))}
              value={d.kind}
              onChange={(e) => set('kind', e.target.value)}
            >
              {AgreementKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`agreementKind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="kindDetail" label={t('edit.kindDetail')} issue={ed.issueAt('kindDetail')}>
            <input
              {...invalidProps('kindDetail', ed.issueAt('kindDetail'))}
              value={d.kindDetail}
              onChange={(e) => set('kindDetail', e.target.value)}
            />
          </Field>
          <Field
            id="status"
            label={t('agreement.status')}
            issue={ed.issueAt('status')}
            hint={t('edit.statusHint')}
          >
            <select
              id="status"
              aria-describedby="status-hint"
              value={d.status}
              onChange={(e) => set('status', e.target.value)}
            >
              <option value="">{t('edit.statusDerived')}</option>
              {AgreementStatus.options.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="row">
          <Field
            id="signedOn"
            label={t('agreement.signedOn')}
            issue={ed.issueAt('signedOn')}
            hint={t('edit.dateHint')}
          >
            <input
              {...invalidProps('signedOn', ed.issueAt('signedOn'), 'signedOn-hint')}
              value={d.signedOn}
              placeholder="2009-02"
              onChange={(e) => set('signedOn', e.target.value)}
            />
          </Field>
          <Field id="validUntil" label={t('agreement.validUntil')} issue={ed.issueAt('validUntil')}>
            <input
              {...invalidProps('validUntil', ed.issueAt('validUntil'))}
              value={d.validUntil}
              onChange={(e) => set('validUntil', e.target.value)}
            />
          </Field>
          <Field id="renewsId" label={t('edit.renewsId')} issue={ed.issueAt('renewsId')}>
            <input
              {...invalidProps('renewsId', ed.issueAt('renewsId'))}
              value={d.renewsId}
              onChange={(e) => set('renewsId', e.target.value)}
            />
          </Field>
          <Field id="supersedesId" label={t('edit.supersedesId')} issue={ed.issueAt('supersedesId')}>
            <input
              {...invalidProps('supersedesId', ed.issueAt('supersedesId'))}
              value={d.supersedesId}
              onChange={(e) => set('supersedesId', e.target.value)}
            />
          </Field>
        </div>
        <fieldset className="group">
          <legend>{t('agreement.parties')}</legend>
          {d.parties.map((p, i) => {
            const id = `party-${i}-code`;
            const issue = ed.issueAt(`parties.${i}.code`);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a party row is identified by its position
              <div className="row" key={i}>
                <div className="field">
                  <label htmlFor={`party-${i}-type`}>{t('edit.partyType')}</label>
                  <select
                    id={`party-${i}-type`}
                    value={p.type}
                    onChange={(e) =>
                      setParty(i, { type: e.target.value as 'locality' | 'organization', code: '' })
                    }
                  >
                    <option value="locality">{t('partyType.locality')}</option>
                    <option value="organization">{t('partyType.organization')}</option>
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={id}>{t('edit.partyCode')}</label>
                  <LocalityPicker
                    id={id}
                    source={p.type}
                    value={p.code}
                    invalid={!!issue}
                    describedBy={issue ? `${id}-err` : undefined}
                    onChange={(code) => setParty(i, { code })}
                  />
                  <FieldIssue id={id} issue={issue} />
                </div>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    set(
                      'parties',
                      d.parties.filter((_, j) => j !== i),
                      'parties',
                    )
                  }
                >
                  {t('edit.remove')}
                </button>
              </div>
            );
          })}
          <FieldIssue id="parties" issue={ed.issueAt('parties')} />
          <button
            type="button"
            className="secondary"
            onClick={() => set('parties', [...d.parties, { type: 'locality', code: '' }], 'parties')}
          >
            {t('edit.addParty')}
          </button>
        </fieldset>
        <SectorChecks
          legend={t('agreement.fields')}
          value={d.fields}
          issue={ed.issueAt('fields')}
          onChange={(v) => set('fields', v)}
        />
        <SourcesEditor value={d.sources} issueAt={ed.issueAt} onChange={(v) => set('sources', v)} />
        <Field id="note" label={t('agreement.note')} issue={ed.issueAt('note')}>
          <textarea
            {...invalidProps('note', ed.issueAt('note'))}
            rows={3}
            value={d.note}
            onChange={(e) => set('note', e.target.value)}
          />
        </Field>
      </EditorChrome>
    </>
  );
}
