import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, useApi } from '../../../api/client.ts';
import type { Lang } from '../../../api/types.ts';
import { useAuth } from '../../../auth.tsx';
import { Async, ErrorNote, PageTitle } from '../../../components/common.tsx';
import { ZonedTime } from '../../../components/ZonedTime.tsx';
import { useLang } from '../../../i18n/format.ts';
import { Link, useRouter } from '../../../router.tsx';
import { Text } from '../texts.tsx';
import '../i18n.ts';
import { type AcceptT, delegationPath, type InvitationT } from './types.ts';

/**
 * `/invitations/<secret>`: what the link is for (forum, party, state), and accepting it. A visitor
 * whose address has no account gets one (its one-time password by mail); one whose address has an
 * account is asked to sign in first (the server answers 401); a signed-in caller becomes head.
 */
export function InvitationPage({ params }: { params: Record<string, string> }) {
  const { t, lang } = useLang('forumDelegation');
  const { i18n } = useTranslation();
  const { user } = useAuth();
  const { navigate, path } = useRouter();
  const state = useApi<InvitationT>(`/api/invitations/${encodeURIComponent(params.token)}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<AcceptT | null>(null);
  const [mustSignIn, setMustSignIn] = useState(false);
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await api<AcceptT>(`/api/invitations/${encodeURIComponent(params.token)}/accept`, {
        method: 'POST',
      });
      if (data.account === 'created') setCreated(data);
      else navigate(delegationPath(data.forumId, data.delegationId));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 401) setMustSignIn(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const signIn = (next: string) => `/signin?next=${encodeURIComponent(next)}`;
  return (
    <Async state={state}>
      {(inv) => (
        <article className="invitation">
          <PageTitle tab={t('invitation.title')}>{t('invitation.title')}</PageTitle>
          {inv.language !== lang && (
            <p>
              <button
                type="button"
                className="link-button"
                lang={inv.language}
                onClick={() => void i18n.changeLanguage(inv.language)}
              >
                {t('invitation.showIn', {
                  lang: t(`lang.${inv.language as Lang}`, { lng: inv.language }),
                  lng: inv.language,
                })}
              </button>
            </p>
          )}
          <dl className="facts">
            <dt>{t('invitation.forum')}</dt>
            <dd>
              <Text value={inv.forumTitle} />
            </dd>
            <dt>{t('invitation.party')}</dt>
            <dd>
              <Text value={inv.party.name} /> <span className="muted">({inv.party.id})</span>
            </dd>
            <dt>{t('invitation.address')}</dt>
            <dd>{inv.email}</dd>
            <dt>{t('invitation.expires')}</dt>
            <dd>
              <ZonedTime at={inv.expiresAt} first={lang === 'ja' ? 'Asia/Tokyo' : 'Asia/Ho_Chi_Minh'} />
            </dd>
            <dt>{t('delegation.state')}</dt>
            <dd>
              <span className={`badge badge-invitation-${inv.state}`}>
                {t(`invitation.state.${inv.state}`)}
              </span>
            </dd>
          </dl>
          {created ? (
            <div className="success" role="status">
              <p>{t('invitation.created', { email: inv.email })}</p>
              <p>
                <Link to={signIn(delegationPath(created.forumId, created.delegationId))}>
                  {t('invitation.signIn')}
                </Link>
              </p>
            </div>
          ) : inv.state === 'open' ? (
            <>
              <p>{t('invitation.intro')}</p>
              {mustSignIn && !user ? (
                <p className="notice" role="status">
                  {t('invitation.signInFirst')} <Link to={signIn(path)}>{t('invitation.signIn')}</Link>
                </p>
              ) : (
                <p>
                  <button type="button" onClick={() => void accept()} disabled={busy}>
                    {busy ? t('invitation.accepting') : t('invitation.accept')}
                  </button>
                </p>
              )}
              {error && <ErrorNote error={error} />}
            </>
          ) : inv.state === 'used' ? (
            <p className="notice">
              {t('invitation.usedNote')} <Link to="/forums/mine">{t('invitation.mine')}</Link>
            </p>
          ) : (
            <p className="notice">{t('invitation.expiredNote')}</p>
          )}
        </article>
      )}
    </Async>
  );
}
