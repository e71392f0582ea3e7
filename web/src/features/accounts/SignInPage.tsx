import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useAuth } from '../../auth.tsx';
import { PageTitle, useProblemText } from '../../components/common.tsx';
import { useLang } from '../../i18n/format.ts';
import { useRouter } from '../../router.tsx';

/** A next page is only ever a path on this site, never a URL elsewhere. */
export function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export function SignInPage() {
  const { t } = useLang('accounts');
  const { login } = useAuth();
  const { navigate, search } = useRouter();
  const problemText = useProblemText();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await login(email, password);
      const next = safeNext(search.get('next'));
      // A new password first; the page asked for comes after it.
      navigate(
        user.mustChangePassword
          ? next
            ? `/account?next=${encodeURIComponent(next)}`
            : '/account'
          : (next ?? '/'),
      );
    } catch (err) {
      setError(
        err instanceof ApiError ? problemText(err.problem.code, err.problem.detail) : t('errors.unknown'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle>{t('signIn.title')}</PageTitle>
      <form className="form narrow-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="si-email">{t('signIn.email')}</label>
          <input
            id="si-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="si-password">{t('signIn.password')}</label>
          <input
            id="si-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </>
  );
}
