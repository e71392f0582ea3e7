/**
 * Delegations: invitations from a CSV (every bad row named by line and column), the delegations
 * with their states and the organiser's decisions (If-Match), heads named by address, and the
 * registrations as CSV.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { nextState } from '../../../../../src/domain/forum/delegations.ts';
import type {
  Delegation,
  InvitationsResult,
} from '../../../../../src/features/forums/delegations/schemas.ts';
import { api, useApi } from '../../../api/client.ts';
import { ErrorNote, Loading } from '../../../components/common.tsx';
import { Text } from '../texts.tsx';
import {
  etagOf,
  type Failure,
  FailureNote,
  Field,
  type FieldProblem,
  failureOf,
  useAccountFieldText,
  useFieldText,
} from './forms.tsx';
import { type ForumT, useKept } from './OrganisePage.tsx';

type DelegationT = z.infer<typeof Delegation>;
const DECISIONS = ['approve', 'waitlist', 'decline', 'reopen'] as const;
const base = (forum: ForumT) => `/api/forums/${encodeURIComponent(forum.id)}`;

/** `csv.3.email` → line 3, column email. */
function useCsvProblemText() {
  const { t } = useTranslation('forumOrganiser');
  const text = useFieldText();
  return (e: FieldProblem) => {
    const m = /^csv\.(\d+)(?:\.(\w+))?$/.exec(e.path);
    const where = m
      ? m[2]
        ? t('invite.lineColumn', { line: m[1], column: t(`invite.column.${m[2]}`, { defaultValue: m[2] }) })
        : t('invite.line', { line: m[1] })
      : e.path;
    return `${where}: ${text(e)}`;
  };
}

function InviteForm({ forum }: { forum: ForumT }) {
  const { t } = useTranslation('forumOrganiser');
  const csvText = useCsvProblemText();
  const [csv, setCsv] = useState('party,email,language\n');
  const [days, setDays] = useState('30');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const readFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      const { data } = await api<z.infer<typeof InvitationsResult>>(`${base(forum)}/invitations`, {
        method: 'POST',
        body: { csv, expiresInDays: Number(days) || 30 },
      });
      setDone(data.invited);
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  };
  const rowErrors = (failure?.errors ?? []).filter((x) => x.path.startsWith('csv'));
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="invite-h">
      <h3 id="invite-h">{t('invite.title')}</h3>
      <p className="hint">{t('invite.hint')}</p>
      <div className="field">
        <label htmlFor="invite-file">{t('invite.file')}</label>
        <input
          id="invite-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void readFile(e.target.files?.[0])}
        />
      </div>
      <div className="field">
        <label htmlFor="invite-csv">{t('invite.csv')}</label>
        <textarea
          id="invite-csv"
          className="csv"
          rows={6}
          value={csv}
          spellCheck={false}
          aria-invalid={rowErrors.length ? true : undefined}
          aria-describedby={rowErrors.length ? 'invite-errors' : undefined}
          onChange={(e) => setCsv(e.target.value)}
        />
        {rowErrors.length > 0 && (
          <ul id="invite-errors" className="field-error problems" role="status">
            {rowErrors.map((x) => (
              <li key={`${x.path}:${x.code}`} data-path={x.path}>
                {csvText(x)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <Field
        label={t('invite.expires')}
        errors={(failure?.errors ?? []).filter((x) => x.path === 'expiresInDays')}
      >
        {(p) => (
          <input
            {...p}
            type="number"
            min={1}
            max={90}
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        )}
      </Field>
      {done !== null && (
        <p className="success" role="status">
          {t('invite.sent', { count: done })}
        </p>
      )}
      <FailureNote failure={failure} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('invite.submit')}
        </button>
      </div>
    </form>
  );
}

function HeadForm({ d }: { d: DelegationT }) {
  const { t } = useTranslation('forumOrganiser');
  const accountText = useAccountFieldText();
  const [email, setEmail] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [ok, setOk] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setOk(false);
    try {
      await api('/api/grants', {
        method: 'POST',
        body: { role: 'head', recordType: 'delegation', recordId: d.id, email },
      });
      setOk(true);
      setEmail('');
    } catch (err) {
      setFailure(failureOf(err));
    }
  };
  return (
    <form className="row" onSubmit={submit} noValidate>
      <Field label={t('delegation.headEmail')} errors={failure?.errors ?? []} text={accountText}>
        {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <button type="submit">{t('delegation.makeHead')}</button>
      {ok && (
        <p className="success" role="status">
          {t('roles.given')}
        </p>
      )}
      <FailureNote failure={failure} />
    </form>
  );
}

/** How many members this delegation may bring (the organiser's limit for it; empty: the forum's). */
function MemberLimitForm({ forum, d }: { forum: ForumT; d: DelegationT }) {
  const { t } = useTranslation('forumOrganiser');
  const [limit, setLimit] = useState(String(d.memberLimit));
  const [failure, setFailure] = useState<Failure | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      await api(`${base(forum)}/delegations/${encodeURIComponent(d.id)}`, {
        method: 'PATCH',
        body: { memberLimit: limit.trim() ? Number(limit) : null },
        ifMatch: etagOf(d.version),
      });
    } catch (err) {
      setFailure(failureOf(err));
    }
  };
  return (
    <form className="row" onSubmit={submit} noValidate>
      <Field label={t('delegation.memberLimit')} errors={failure?.errors ?? []}>
        {(p) => (
          <input
            {...p}
            type="number"
            min={1}
            max={200}
            inputMode="numeric"
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
          />
        )}
      </Field>
      <button type="submit">{t('save')}</button>
      <FailureNote failure={failure} />
    </form>
  );
}

function DelegationItem({ forum, d }: { forum: ForumT; d: DelegationT }) {
  const { t } = useTranslation('forumOrganiser');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (action: (typeof DECISIONS)[number]) => {
    setBusy(true);
    setFailure(null);
    try {
      await api(`${base(forum)}/delegations/${encodeURIComponent(d.id)}/state`, {
        method: 'POST',
        body: { action },
        ifMatch: etagOf(d.version),
      });
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  };
  const allowed = DECISIONS.filter((a) => nextState(d.state, a) !== null);
  return (
    <li data-delegation={d.id}>
      <h4>
        <Text value={d.party.name} />{' '}
        <span className={`badge badge-${d.state}`}>{t(`delegationState.${d.state}`)}</span>
      </h4>
      <p className="muted">
        {t('delegation.members', { count: d.members.length, limit: d.memberLimit })} · {d.contactEmail} ·{' '}
        {t(`lang.${d.language}`)}
        {d.headUserId ? '' : ` · ${t('delegation.noHead')}`}
      </p>
      {allowed.length > 0 && (
        <div className="actions">
          {allowed.map((a) => (
            <button key={a} type="button" disabled={busy} onClick={() => void decide(a)}>
              {t(`decision.${a}`)}
            </button>
          ))}
        </div>
      )}
      <FailureNote failure={failure} />
      {d.members.length > 0 && (
        <details>
          <summary>{t('delegation.membersList')}</summary>
          <ul className="members">
            {d.members.map((m) => (
              <li key={m.id}>
                <span lang={/[\u3040-\u30ff\u4e00-\u9fff]/.test(m.name.native ?? '') ? 'ja' : 'vi'}>
                  {m.name.native ?? m.name.latin}
                </span>
                {m.name.latin && m.name.latin !== m.name.native && ` (${m.name.latin})`}
                {Object.keys(m.position).length > 0 && (
                  <>
                    {' – '}
                    <Text value={m.position} />
                  </>
                )}
                {m.languages.length > 0 && ` · ${m.languages.join(', ')}`}
                {(m.dietary || m.accessibility) && (
                  <span className="muted">
                    {' · '}
                    {t('delegation.private')}: {[m.dietary, m.accessibility].filter(Boolean).join('; ')}
                  </span>
                )}
                {m.listed ? '' : ` · ${t('delegation.notListed')}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      <MemberLimitForm forum={forum} d={d} />
      <details>
        <summary>{t('delegation.nameHead')}</summary>
        <HeadForm d={d} />
      </details>
    </li>
  );
}

export function DelegationsTab({ forum }: { forum: ForumT }) {
  const { t } = useTranslation('forumOrganiser');
  const state = useApi<{ items: DelegationT[] }>(`${base(forum)}/delegations`);
  const { data } = useKept(state);
  return (
    <section aria-labelledby="delegations-h">
      <h2 id="delegations-h">{t('tab.delegations')}</h2>
      <p>
        <a href={`${base(forum)}/registrations.csv`} download>
          {t('delegation.csv')}
        </a>
      </p>
      <InviteForm forum={forum} />
      <h3>{t('delegation.title')}</h3>
      {!data ? (
        state.error ? (
          <ErrorNote error={state.error} />
        ) : (
          <Loading />
        )
      ) : data.items.length === 0 ? (
        <p className="muted">{t('delegation.none')}</p>
      ) : (
        <ul className="item-list">
          {data.items.map((d) => (
            <DelegationItem key={d.id} forum={forum} d={d} />
          ))}
        </ul>
      )}
    </section>
  );
}
