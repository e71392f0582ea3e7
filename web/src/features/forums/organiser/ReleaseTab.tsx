/**
 * Publishing the programme as release N with a note: the server refuses a programme that breaks
 * its rules (each named), and answers what changed and how many people were told by mail.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ReleaseResult } from '../../../../../src/features/forums/editing/schemas.ts';
import { api } from '../../../api/client.ts';
import type { Lang } from '../../../api/types.ts';
import { ErrorNote, Loading } from '../../../components/common.tsx';
import { pick } from '../texts.tsx';
import {
  cleanTexts,
  type Failure,
  FailureNote,
  type FieldProblem,
  failureOf,
  TextsInput,
  type TextsValue,
  useFieldText,
} from './forms.tsx';
import type { ForumT } from './OrganisePage.tsx';
import { Problems, useDraft } from './ProgrammeTab.tsx';
import { Span } from './times.tsx';

type Result = z.infer<typeof ReleaseResult>;
type Change =
  | { type: 'new' | 'cancelled'; sessionId: string }
  | {
      type: 'moved';
      sessionId: string;
      from: { start: string; end: string };
      to: { start: string; end: string };
    }
  | { type: 'room'; sessionId: string; from: string | null; to: string | null }
  | { type: 'changed'; sessionId: string; fields: string[] };

export function ReleaseTab({ forum }: { forum: ForumT }) {
  const { t, i18n } = useTranslation('forumOrganiser');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const { data: draft, error } = useDraft(forum);
  const [note, setNote] = useState<TextsValue>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const titleOf = (id: string) => {
    const s = draft?.sessions.find((x) => x.id === id);
    return s ? pick(s.title, lang)?.text : undefined;
  };
  const text = useFieldText(titleOf);
  const roomOf = (id: string | null) =>
    id === null ? t('none') : (pick(draft?.rooms.find((r) => r.id === id)?.name, lang)?.text ?? id);
  if (!draft) return error ? <ErrorNote error={error} /> : <Loading />;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const { data } = await api<Result>(`/api/forums/${encodeURIComponent(forum.id)}/releases`, {
        method: 'POST',
        body: { note: cleanTexts(note) },
      });
      setResult(data);
      setNote({});
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  };
  const next = (forum.release ?? 0) + 1;
  return (
    <section aria-labelledby="release-h">
      <h2 id="release-h">{t('tab.release')}</h2>
      <p>{forum.release ? t('releaseN', { n: forum.release }) : t('noRelease')}</p>
      <Problems draft={draft} />
      {result && (
        <div className="success release-result" role="status">
          <p>
            <strong>{t('release.published', { n: result.number })}</strong>{' '}
            {t('release.told', { count: result.told })}
          </p>
          {result.changes.length === 0 ? (
            <p>{t('release.noChanges')}</p>
          ) : (
            <ul className="changes">
              {(result.changes as unknown as Change[]).map((c) => (
                <li key={`${c.type}:${c.sessionId}`} data-change={c.type}>
                  <strong>{t(`change.${c.type}`)}</strong>: {titleOf(c.sessionId) ?? c.sessionId}
                  {c.type === 'moved' && (
                    <>
                      {' '}
                      (<Span start={c.from.start} end={c.from.end} zone={forum.zone} /> →{' '}
                      <Span start={c.to.start} end={c.to.end} zone={forum.zone} />)
                    </>
                  )}
                  {c.type === 'room' && ` (${roomOf(c.from)} → ${roomOf(c.to)})`}
                  {c.type === 'changed' &&
                    ` (${c.fields.map((f) => t(`field.${f}`, { defaultValue: f })).join(', ')})`}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate aria-label={t('release.publish', { n: next })}>
        <TextsInput name="release-note" label={t('release.note')} value={note} onChange={setNote} multiline />
        {failure?.code === 'programme.conflict' && (
          <ul className="field-error problems">
            {failure.errors.map((p: FieldProblem) => (
              <li key={`${p.path}:${p.message}`}>{text(p)}</li>
            ))}
          </ul>
        )}
        <FailureNote failure={failure} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('release.publish', { n: next })}
          </button>
        </div>
      </form>
    </section>
  );
}
