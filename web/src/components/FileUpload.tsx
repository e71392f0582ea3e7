import { useId, useRef, useState } from 'react';
import { invalidateAfterWrite } from '../api/cache.ts';
import type { Problem } from '../api/client.ts';
import { useLang } from '../i18n/format.ts';
import { useProblemText } from './common.tsx';

type State =
  | { step: 'idle' }
  | { step: 'sending'; sent: number; total: number }
  | { step: 'done'; name: string }
  | { step: 'failed'; problem: Problem };

/**
 * Sends one file to an upload route (`POST …/files`, src/platform/storage): the file is the
 * raw body and its name goes as `?name=`; the server decides its type from its bytes and
 * answers a problem (too large, a type it refuses) that is shown translated by its code. The
 * progress bar follows the bytes sent (XMLHttpRequest: fetch reports no upload progress).
 */
export function FileUpload<T>({
  url,
  label,
  accept,
  onUploaded,
}: {
  url: string;
  label: string;
  /** What the picker offers (`image/*`, `.pdf`); the server checks the bytes in any case. */
  accept?: string;
  onUploaded?: (stored: T) => void;
}) {
  const { t, num } = useLang();
  const problemText = useProblemText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const send = (file: File) => {
    const xhr = new XMLHttpRequest();
    const target = new URL(url, window.location.origin);
    target.searchParams.set('name', file.name);
    xhr.open('POST', `${target.pathname}${target.search}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (file.type) xhr.setRequestHeader('content-type', file.type);
    xhr.upload.onprogress = (e) => setState({ step: 'sending', sent: e.loaded, total: e.total || file.size });
    xhr.onerror = () => setState({ step: 'failed', problem: { status: 0, code: 'network' } });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status alone says what happened
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        invalidateAfterWrite(url);
        setState({ step: 'done', name: file.name });
        if (input.current) input.current.value = '';
        onUploaded?.(body as T);
      } else {
        const p = (body ?? {}) as Partial<Problem>;
        setState({
          step: 'failed',
          problem: { ...p, status: xhr.status, code: p.code ?? `http.${xhr.status}` },
        });
      }
    };
    setState({ step: 'sending', sent: 0, total: file.size });
    xhr.send(file);
  };
  return (
    <div className="field file-upload">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={input}
        type="file"
        accept={accept}
        disabled={state.step === 'sending'}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) send(file);
        }}
      />
      {state.step === 'sending' && (
        <p aria-live="polite">
          <progress max={state.total} value={state.sent} aria-label={t('upload.sending')} />{' '}
          {t('upload.progress', {
            sent: num(Math.round(state.sent / 1024)),
            total: num(Math.round(state.total / 1024)),
          })}
        </p>
      )}
      {state.step === 'done' && (
        <p className="success" role="status">
          {t('upload.done', { name: state.name })}
        </p>
      )}
      {state.step === 'failed' && (
        <p className="error" role="alert">
          {problemText(state.problem.code, state.problem.detail)}
        </p>
      )}
    </div>
  );
}
