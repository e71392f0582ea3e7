/** Who organises the forum (and interprets at it); an organiser gives these roles by address. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../../../api/client.ts';
import { ErrorNote, Loading } from '../../../components/common.tsx';
import { type Failure, FailureNote, Field, failureOf, useAccountFieldText } from './forms.tsx';
import { type ForumT, useKept } from './OrganisePage.tsx';

interface Holder {
  id: string;
  role: string;
  userId: string;
  email: string;
  createdAt: string;
}

export function RolesTab({ forum }: { forum: ForumT }) {
  const { t } = useTranslation('forumOrganiser');
  const accountText = useAccountFieldText();
  const path = `/api/grants?recordType=forum&recordId=${encodeURIComponent(forum.id)}`;
  const state = useApi<{ items: Holder[] }>(path);
  const { data } = useKept(state);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('organiser');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [ok, setOk] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setOk(false);
    try {
      await api('/api/grants', {
        method: 'POST',
        body: { role, recordType: 'forum', recordId: forum.id, email },
      });
      setOk(true);
      setEmail('');
      state.reload();
    } catch (err) {
      setFailure(failureOf(err));
    }
  };
  return (
    <section aria-labelledby="roles-h">
      <h2 id="roles-h">{t('tab.roles')}</h2>
      {!data ? (
        state.error ? (
          <ErrorNote error={state.error} />
        ) : (
          <Loading />
        )
      ) : (
        <ul className="item-list">
          {data.items.map((h) => (
            <li key={h.id}>
              {h.email} · {t(`role.${h.role}`, { defaultValue: h.role })}
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={submit} noValidate aria-labelledby="give-h">
        <h3 id="give-h">{t('roles.give')}</h3>
        <div className="row">
          <Field
            label={t('roles.email')}
            errors={(failure?.errors ?? []).filter((x) => x.path !== 'role')}
            text={accountText}
          >
            {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label={t('roles.role')} errors={(failure?.errors ?? []).filter((x) => x.path === 'role')}>
            {(p) => (
              <select {...p} value={role} onChange={(e) => setRole(e.target.value)}>
                <option value="organiser">{t('role.organiser')}</option>
                <option value="interpreter">{t('role.interpreter')}</option>
              </select>
            )}
          </Field>
        </div>
        {ok && (
          <p className="success" role="status">
            {t('roles.given')}
          </p>
        )}
        <FailureNote failure={failure} />
        <div className="form-actions">
          <button type="submit">{t('roles.submit')}</button>
        </div>
      </form>
    </section>
  );
}
