import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { issueText } from '../forms/issues.ts';
import type { useEditor } from '../forms/useEditor.ts';
import { useLang } from '../i18n/format.ts';
import { Link } from '../router.tsx';
import { useProblemText } from './common.tsx';

type Editor<R> = Pick<
  ReturnType<typeof useEditor<R & { id: string; version: number }, unknown>>,
  | 'creating'
  | 'save'
  | 'remove'
  | 'saving'
  | 'formError'
  | 'conflict'
  | 'reload'
  | 'restored'
  | 'discard'
  | 'issues'
  | 'submitted'
  | 'unplaced'
>;

/** The parts every edit form shares: the save/delete buttons, the error summary, the stale-edit notice. */
export function EditorChrome<R extends { id: string; version: number }>({
  editor,
  cancelTo,
  onSaved,
  onDeleted,
  children,
}: {
  editor: Editor<R>;
  cancelTo: string;
  onSaved: (r: R) => void;
  /** Without it, the form offers no delete (records that cannot be deleted). */
  onDeleted?: () => void;
  children: ReactNode;
}) {
  const { t } = useLang();
  const problemText = useProblemText();
  const [confirming, setConfirming] = useState(false);
  // The stale-edit notice is where the user's eyes and keyboard go: in view and focused.
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!editor.conflict) return;
    conflictRef.current?.scrollIntoView({ block: 'center' });
    conflictRef.current?.focus();
  }, [editor.conflict]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await editor.save();
    if (saved) onSaved(saved as R);
  };
  const showSummary = editor.submitted && editor.issues.length > 0;
  return (
    <form className="form editor" onSubmit={submit} noValidate>
      {editor.conflict && (
        <div className="notice conflict stale-notice" role="alert" tabIndex={-1} ref={conflictRef}>
          <p>{t('edit.conflict')}</p>
          <button type="button" onClick={() => void editor.reload()}>
            {t('edit.reload')}
          </button>
        </div>
      )}
      {editor.restored && !editor.conflict && (
        <div className="notice" role="status">
          <p>{t('edit.restored')}</p>
          <button type="button" className="secondary" onClick={() => void editor.discard()}>
            {t('edit.discard')}
          </button>
        </div>
      )}
      {showSummary && (
        <p className="error" role="alert">
          {t('edit.fixErrors', { n: editor.issues.length })}
        </p>
      )}
      {editor.formError && !editor.conflict && (
        <div className="error" role="alert">
          <p>{problemText(editor.formError.problem.code, editor.formError.problem.detail)}</p>
          {editor.unplaced.length > 0 && (
            <ul>
              {editor.unplaced.map((i) => (
                <li key={`${i.path}:${i.code}`}>{issueText(i, t)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {children}
      <div className="form-actions">
        <button type="submit" disabled={editor.saving || editor.conflict}>
          {editor.saving ? t('edit.saving') : t('edit.save')}
        </button>
        <Link to={cancelTo}>{t('edit.cancel')}</Link>
        {!editor.creating &&
          onDeleted &&
          (confirming ? (
            <>
              <span>{t('edit.confirmDelete')}</span>
              <button
                type="button"
                className="danger"
                onClick={() => void editor.remove().then((ok) => (ok ? onDeleted() : setConfirming(false)))}
              >
                {t('edit.delete')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('edit.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              {t('edit.delete')}
            </button>
          ))}
      </div>
    </form>
  );
}
