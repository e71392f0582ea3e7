import { useState } from 'react';
import { ApiError, api, useApi } from '../../../api/client.ts';
import { useAuth } from '../../../auth.tsx';
import { Async, ErrorNote, PageTitle } from '../../../components/common.tsx';
import { useLang } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { Text } from '../texts.tsx';
import '../i18n.ts';
import './delegation.css';
import { MemberForm } from './MemberForm.tsx';
import {
  agendaPath,
  type DelegationT,
  type ForumT,
  forumPath,
  type MemberT,
  memberName,
  nameLang,
  type ProgrammeT,
} from './types.ts';

function MemberItem({
  m,
  forumId,
  base,
  editable,
  programme,
  zone,
  onChanged,
}: {
  m: MemberT;
  forumId: string;
  base: string;
  editable: boolean;
  programme: ProgrammeT | null;
  zone: string;
  onChanged: () => void;
}) {
  const { t } = useLang('forumDelegation');
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const remove = async () => {
    if (!window.confirm(t('delegation.removeConfirm', { name: memberName(m) }))) return;
    try {
      await api(`${base}/members/${encodeURIComponent(m.id)}`, {
        method: 'DELETE',
        ifMatch: `"${m.version}"`,
      });
      onChanged();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    }
  };
  if (editing)
    return (
      <li className="card">
        <MemberForm
          base={base}
          member={m}
          programme={programme}
          zone={zone}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onChanged();
          }}
        />
      </li>
    );
  return (
    <li className="card member">
      <h3 lang={nameLang(m)}>{memberName(m)}</h3>
      {Object.keys(m.position).length > 0 && (
        <p>
          <Text value={m.position} />
        </p>
      )}
      <p className="muted small">
        {m.languages.map((l) => t(`lang.${l}`, { defaultValue: l })).join(', ')}
        {m.languages.length > 0 && ' · '}
        {m.listed ? t('delegation.listedYes') : t('delegation.listedNo')}
      </p>
      <p className="member-actions">
        <Link to={agendaPath(forumId, m.id)}>
          {t('delegation.agenda')}
          <span className="visually-hidden">: {memberName(m)}</span>
        </Link>
        {editable && (
          <>
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {t('delegation.edit')}
              <span className="visually-hidden">: {memberName(m)}</span>
            </button>
            <button type="button" className="link-button" onClick={() => void remove()}>
              {t('delegation.remove')}
              <span className="visually-hidden">: {memberName(m)}</span>
            </button>
          </>
        )}
      </p>
      {error && <ErrorNote error={error} />}
    </li>
  );
}

/** The head's (or an organiser's) page of one delegation: its state, members, and submitting it. */
export function DelegationPage({ params }: { params: Record<string, string> }) {
  const { t } = useLang('forumDelegation');
  const { user } = useAuth();
  const base = `/api/forums/${encodeURIComponent(params.id)}/delegations/${encodeURIComponent(params.delegationId)}`;
  const state = useApi<DelegationT>(base);
  const forum = useApi<ForumT>(`/api/forums/${encodeURIComponent(params.id)}`);
  const programme = useApi<ProgrammeT>(
    forum.data?.release ? `/api/forums/${encodeURIComponent(params.id)}/programme` : null,
  );
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  if (user?.mustChangePassword)
    return (
      <p className="notice" role="status">
        {t('delegation.mustChange')} <Link to="/account">{t('delegation.account')}</Link>
      </p>
    );
  const act = async (d: DelegationT, action: 'submit' | 'withdraw') => {
    setError(null);
    setSaved(false);
    try {
      await api(`${base}/state`, {
        method: 'POST',
        body: { action },
        ifMatch: state.etag ?? `"${d.version}"`,
      });
      setSaved(true);
      state.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
      state.reload();
    }
  };
  const changed = () => {
    setAdding(false);
    setSaved(true);
    state.reload();
  };
  return (
    <Async state={state}>
      {(d) => {
        const zone = forum.data?.zone ?? 'Asia/Ho_Chi_Minh';
        const editable = d.state !== 'declined' && d.state !== 'withdrawn';
        const full = d.members.length >= d.memberLimit;
        return (
          <article className="delegation">
            {forum.data?.synthetic && <p className="banner">{t('forums:synthetic')}</p>}
            <PageTitle>
              {t('delegation.title', { party: '' })}
              <Text value={d.party.name} />
            </PageTitle>
            <p>
              {forum.data && (
                <Link to={forumPath(d.forumId)}>
                  <Text value={forum.data.title} />
                </Link>
              )}{' '}
              · <Link to="/forums/mine">{t('delegation.back')}</Link>
            </p>
            <dl className="facts">
              <dt>{t('delegation.state')}</dt>
              <dd>
                <span className={`badge badge-delegation-${d.state}`} id="delegation-state">
                  {t(`state.${d.state}`)}
                </span>
              </dd>
              <dt>{t('delegation.members')}</dt>
              <dd>{t('delegation.count', { n: d.members.length, max: d.memberLimit })}</dd>
            </dl>
            {saved && (
              <p className="success" role="status">
                {t('delegation.changed')}
              </p>
            )}
            {error && <ErrorNote error={error} />}
            <h2>{t('delegation.members')}</h2>
            {d.members.length === 0 && <p>{t('delegation.noMembers')}</p>}
            <ul className="plain cards members">
              {d.members.map((m) => (
                <MemberItem
                  key={`${m.id}-${m.version}`}
                  m={m}
                  forumId={d.forumId}
                  base={base}
                  editable={editable}
                  programme={programme.data}
                  zone={zone}
                  onChanged={changed}
                />
              ))}
            </ul>
            {editable && full && <p className="notice">{t('field.member_limit')}</p>}
            {editable &&
              !full &&
              (adding ? (
                <MemberForm
                  base={base}
                  member={null}
                  programme={programme.data}
                  zone={zone}
                  onDone={(ok) => (ok ? changed() : setAdding(false))}
                />
              ) : (
                <p>
                  <button type="button" onClick={() => setAdding(true)}>
                    {t('delegation.add')}
                  </button>
                </p>
              ))}
            {d.state === 'invited' && (
              <section aria-labelledby="submit-h">
                <h2 id="submit-h">{t('delegation.submit')}</h2>
                <p className="hint">{t('delegation.submitHelp')}</p>
                <button type="button" onClick={() => void act(d, 'submit')}>
                  {t('delegation.submit')}
                </button>
              </section>
            )}
            {d.state !== 'declined' && d.state !== 'withdrawn' && (
              <p>
                <button type="button" className="link-button" onClick={() => void act(d, 'withdraw')}>
                  {t('delegation.withdraw')}
                </button>
              </p>
            )}
          </article>
        );
      }}
    </Async>
  );
}
