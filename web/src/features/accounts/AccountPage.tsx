import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useAuth } from '../../auth.tsx';
import { PageTitle, useProblemText } from '../../components/common.tsx';
import { RecordNames } from '../../components/RecordNames.tsx';
import { useLang } from '../../i18n/format.ts';
import { useRouter } from '../../router.tsx';
import { safeNext } from './SignInPage.tsx';

const MIN_PASSWORD = 12;

export function AccountPage() {
  const { t } = useLang('accounts');
  const { user, refresh } = useAuth();
  const { navigate, search } = useRouter();
  const problemText = useProblemText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  // The account's route group lets only signed-in users here (app/guards.tsx).
  if (!user) return null;
  const tooShort = next.length > 0 && next.length < MIN_PASSWORD;
  const mismatch = confirm.length > 0 && confirm !== next;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next.length < MIN_PASSWORD || next !== confirm) return;
    setError(null);
    try {
      await api('/api/auth/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: next },
      });
      const wasForced = user?.mustChangePassword;
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
      await refresh();
      // Sent here by the sign-in to set a password first: on to the page that was asked for.
      const then = safeNext(search.get('next'));
      if (wasForced && then) navigate(then);
    } catch (err) {
      setError(
        err instanceof ApiError ? problemText(err.problem.code, err.problem.detail) : t('errors.unknown'),
      );
    }
  };
  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      <p>
        {user.email} · {t(`role.${user.role}`)}
        {user.scopes.length > 0 && (
          <>
            {' · '}
            {t('users.scopes')}: <RecordNames codes={user.scopes} />
          </>
        )}
      </p>
      {user.mustChangePassword && (
        <p className="notice" role="status">
          {t('account.mustChange')}
        </p>
      )}
      {done && (
        <p className="success" role="status">
          {t('account.changed')}
        </p>
      )}
      <form className="form narrow-form" onSubmit={submit} noValidate>
        <h2>{t('account.changePassword')}</h2>
        <div className="field">
          <label htmlFor="pw-current">{t('account.current')}</label>
          <input
            id="pw-current"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pw-new">{t('account.new')}</label>
          <input
            id="pw-new"
            type="password"
            autoComplete="new-password"
            aria-invalid={tooShort || undefined}
            aria-describedby="pw-new-hint"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <p id="pw-new-hint" className={tooShort ? 'field-error' : 'hint'}>
            {t('account.minLength', { n: MIN_PASSWORD })}
          </p>
        </div>
        <div className="field">
          <label htmlFor="pw-confirm">{t('account.confirm')}</label>
          <input
            id="pw-confirm"
            type="password"
            autoComplete="new-password"
            aria-invalid={mismatch || undefined}
            aria-describedby={mismatch ? 'pw-confirm-err' : undefined}
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
          {mismatch && (
            <p id="pw-confirm-err" className="field-error">
              {t('account.mismatch')}
            </p>
          )}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{t('account.save')}</button>
      </form>
    </>
  );
}
