import { type FormEvent, useState } from 'react';
import { ApiError, api, useApi } from '../../api/client.ts';
import type { Page, User } from '../../api/types.ts';
import { useAuth } from '../../auth.tsx';
import { Async, LocalCsvLink, PageTitle, useProblemText } from '../../components/common.tsx';
import { resolveTyped } from '../../components/LocalityPicker.tsx';
import { ScopePicker } from '../../components/RecordNames.tsx';
import { useLang } from '../../i18n/format.ts';

function UserRow({ u, self, onChanged }: { u: User; self: boolean; onChanged: () => void }) {
  const { t } = useLang('admin');
  const problemText = useProblemText();
  const [error, setError] = useState<string | null>(null);
  const patch = async (body: Partial<Pick<User, 'role' | 'scopes' | 'disabled'>>) => {
    setError(null);
    try {
      // The version this row was read at: a change made meanwhile answers 412 instead of being overwritten.
      await api(`/api/users/${encodeURIComponent(u.id)}`, {
        method: 'PATCH',
        body,
        ifMatch: `"${u.version}"`,
      });
      onChanged();
    } catch (err) {
      setError(
        err instanceof ApiError ? problemText(err.problem.code, err.problem.detail) : t('errors.unknown'),
      );
    }
  };
  return (
    <tr>
      <td>{u.email}</td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${u.id}`}>
          {t('users.role')}
        </label>
        <select
          id={`role-${u.id}`}
          value={u.role}
          onChange={(e) => void patch({ role: e.target.value as User['role'] })}
        >
          <option value="editor">{t('role.editor')}</option>
          <option value="admin">{t('role.admin')}</option>
        </select>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`scopes-${u.id}`}>
          {t('users.scopes')}
        </label>
        <ScopePicker id={`scopes-${u.id}`} value={u.scopes} onChange={(scopes) => void patch({ scopes })} />
      </td>
      <td>
        {self ? (
          <span className="muted">{t('users.self')}</span>
        ) : (
          <button type="button" onClick={() => void patch({ disabled: !u.disabled })}>
            {u.disabled ? t('users.enable') : t('users.disable')}
          </button>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}

export function UsersPage() {
  const { t } = useLang('admin');
  const { user } = useAuth();
  const problemText = useProblemText();
  const list = useApi<Page<User>>(user?.role === 'admin' ? '/api/users?limit=200' : null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<User['role']>('editor');
  const [scopes, setScopes] = useState<string[]>([]);
  const [pending, setPending] = useState('');
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (user?.role !== 'admin') return <p>{t('errors.auth.forbidden')}</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // A scope typed but not chosen yet: taken when it names one record, else the form says why.
    let all = scopes;
    if (pending.trim()) {
      const r = await resolveTyped(pending, 'both');
      if (!('found' in r)) {
        setError(t(r.candidates.length ? 'validation.ambiguousReference' : 'validation.unknownReference'));
        return;
      }
      all = scopes.includes(r.found.value) ? scopes : [...scopes, r.found.value];
    }
    try {
      const { data } = await api<{ user: User; password: string }>('/api/users', {
        method: 'POST',
        body: { email, role, scopes: all },
      });
      setCreated({ email: data.user.email, password: data.password });
      setEmail('');
      setScopes([]);
      setPending('');
      list.reload();
    } catch (err) {
      setError(
        err instanceof ApiError ? problemText(err.problem.code, err.problem.detail) : t('errors.unknown'),
      );
    }
  };
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <Async state={list}>
        {(page) => (
          <div className="table-scroll">
            <LocalCsvLink
              name="accounts.csv"
              label={t('common.downloadCsv')}
              rows={[
                ['email', 'role', 'scopes', 'disabled'],
                ...page.items.map((u) => [u.email, u.role, u.scopes.join(' '), String(!!u.disabled)]),
              ]}
            />
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('signIn.email')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.scopes')}</th>
                  <th scope="col">{t('users.status')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((u) => (
                  <UserRow
                    key={`${u.id}:${u.role}:${u.scopes.join()}:${u.disabled}`}
                    u={u}
                    self={u.id === user.id}
                    onChanged={list.reload}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      <form className="form narrow-form" onSubmit={submit}>
        <h2>{t('users.add')}</h2>
        <div className="field">
          <label htmlFor="nu-email">{t('signIn.email')}</label>
          <input
            id="nu-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="nu-role">{t('users.role')}</label>
          <select id="nu-role" value={role} onChange={(e) => setRole(e.target.value as User['role'])}>
            <option value="editor">{t('role.editor')}</option>
            <option value="admin">{t('role.admin')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="nu-scopes">{t('users.scopes')}</label>
          <ScopePicker
            key={created?.email ?? 'new'}
            id="nu-scopes"
            describedBy="nu-scopes-hint"
            value={scopes}
            onChange={setScopes}
            onPending={setPending}
          />
          <p id="nu-scopes-hint" className="hint">
            {t('users.scopesHint')}
          </p>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{t('users.create')}</button>
      </form>
      {created && (
        <p className="notice" role="status">
          {t('users.created', { email: created.email })} <code>{created.password}</code>
        </p>
      )}
    </>
  );
}
