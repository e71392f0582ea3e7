import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api, useApi } from '../../api/client.ts';
import type { ApiToken, TokenCreate } from '../../api/types.ts';
import { Async, ErrorNote, PageTitle } from '../../components/common.tsx';
import { ZonedTime } from '../../components/ZonedTime.tsx';
import { useLang } from '../../i18n/format.ts';

const stateOf = (tok: ApiToken, now: number): 'active' | 'revoked' | 'expired' =>
  tok.revokedAt ? 'revoked' : tok.expiresAt && Date.parse(tok.expiresAt) <= now ? 'expired' : 'active';

/**
 * The secret of a token just made: shown once, held only in this component's state (never in
 * the read cache, storage or the URL), and forgotten when the user hides it or leaves the page.
 */
function NewSecret({ secret, onHide }: { secret: string; onHide: () => void }) {
  const { t } = useLang('accounts');
  return (
    <section className="notice" aria-labelledby="tok-secret-h" role="status">
      <h2 id="tok-secret-h">{t('tokens.secretTitle')}</h2>
      <p>{t('tokens.secretOnce')}</p>
      <p>
        <code id="tok-secret" className="secret">
          {secret}
        </code>
      </p>
      <button type="button" onClick={onHide}>
        {t('tokens.hide')}
      </button>
    </section>
  );
}

function CreateForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const { t } = useLang('accounts');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [days, setDays] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const nameError = error?.problem.errors?.find((e) => e.path === 'name');
  const daysError = error?.problem.errors?.find((e) => e.path === 'expiresInDays');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const body: TokenCreate = { name, scope, ...(days ? { expiresInDays: Number(days) } : {}) };
    try {
      const { data } = await api<ApiToken & { token: string }>('/api/tokens', { method: 'POST', body });
      setName('');
      setDays('');
      onCreated(data.token);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form narrow-form" onSubmit={submit} noValidate>
      <h2>{t('tokens.create')}</h2>
      <div className="field">
        <label htmlFor="tok-name">{t('tokens.name')}</label>
        <input
          id="tok-name"
          value={name}
          maxLength={100}
          required
          aria-invalid={nameError ? true : undefined}
          aria-describedby="tok-name-hint"
          onChange={(e) => setName(e.target.value)}
        />
        <p id="tok-name-hint" className={nameError ? 'field-error' : 'hint'}>
          {t('tokens.nameHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="tok-scope">{t('tokens.scope')}</label>
        <select id="tok-scope" value={scope} onChange={(e) => setScope(e.target.value as 'read' | 'write')}>
          <option value="read">{t('tokens.scopes.read')}</option>
          <option value="write">{t('tokens.scopes.write')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="tok-days">{t('tokens.days')}</label>
        <input
          id="tok-days"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          value={days}
          aria-invalid={daysError ? true : undefined}
          aria-describedby="tok-days-hint"
          onChange={(e) => setDays(e.target.value)}
        />
        <p id="tok-days-hint" className={daysError ? 'field-error' : 'hint'}>
          {t('tokens.daysHint')}
        </p>
      </div>
      {error && <ErrorNote error={error} />}
      <button type="submit" disabled={busy}>
        {t('tokens.submit')}
      </button>
    </form>
  );
}

function TokenRow({
  tok,
  now,
  onRevoked,
}: {
  tok: ApiToken;
  now: number;
  onRevoked: (name: string) => void;
}) {
  const { t } = useLang('accounts');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const state = stateOf(tok, now);
  const revoke = async () => {
    setError(null);
    try {
      await api(`/api/tokens/${encodeURIComponent(tok.id)}`, { method: 'DELETE' });
      onRevoked(tok.name);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
    setConfirming(false);
  };
  return (
    <tr data-token={tok.id}>
      <td>{tok.name}</td>
      <td>{t(`tokens.scopes.${tok.scope}`)}</td>
      <td>
        <ZonedTime at={tok.createdAt} />
      </td>
      <td>{tok.expiresAt ? <ZonedTime at={tok.expiresAt} /> : '—'}</td>
      <td>{tok.lastUsedAt ? <ZonedTime at={tok.lastUsedAt} /> : t('tokens.never')}</td>
      <td className="token-state">{t(`tokens.states.${state}`)}</td>
      <td>
        {state === 'active' &&
          (confirming ? (
            <>
              <span>{t('tokens.confirmRevoke', { name: tok.name })}</span>{' '}
              <button type="button" className="danger" onClick={() => void revoke()}>
                {t('tokens.revoke')}
              </button>{' '}
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('tokens.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              {t('tokens.revoke')}
            </button>
          ))}
        {error && <ErrorNote error={error} />}
      </td>
    </tr>
  );
}

/** One's own API tokens: the list, a new token (its secret shown once), and revoking one. */
export function TokensPage() {
  const { t } = useLang('accounts');
  const list = useApi<{ items: ApiToken[] }>('/api/tokens');
  const [secret, setSecret] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  // Leaving the page forgets the secret (the component's state goes with it); this clears it
  // also from the closure React may keep for a moment.
  useEffect(() => () => setSecret(null), []);
  const now = Date.now();
  return (
    <>
      <PageTitle>{t('tokens.title')}</PageTitle>
      <p className="lead">{t('tokens.intro')}</p>
      {secret && <NewSecret secret={secret} onHide={() => setSecret(null)} />}
      {revoked && (
        <p className="success" role="status">
          {t('tokens.revoked', { name: revoked })}
        </p>
      )}
      <CreateForm
        onCreated={(s) => {
          setRevoked(null);
          setSecret(s);
        }}
      />
      <h2>{t('tokens.list')}</h2>
      <Async state={list}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('tokens.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('tokens.name')}</th>
                    <th scope="col">{t('tokens.scope')}</th>
                    <th scope="col">{t('tokens.created')}</th>
                    <th scope="col">{t('tokens.expires')}</th>
                    <th scope="col">{t('tokens.lastUsed')}</th>
                    <th scope="col">{t('tokens.state')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('tokens.revoke')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((tok) => (
                    <TokenRow
                      key={tok.id}
                      tok={tok}
                      now={now}
                      onRevoked={(name) => {
                        setSecret(null);
                        setRevoked(name);
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>
    </>
  );
}
