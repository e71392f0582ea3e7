import { type ReactNode, useRef } from 'react';
import { can, type WithActions } from '../api/actions.ts';
import { useApi } from '../api/client.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNote, Loading, PageTitle } from '../components/common.tsx';
import { useLang } from '../i18n/format.ts';
import { Link, useRouter } from '../router.tsx';
import type { Guard, MayRule, Params } from './routes.ts';

function SignInFirst() {
  const { t } = useLang();
  const { path } = useRouter();
  return (
    <>
      <PageTitle>{t('guard.signInTitle')}</PageTitle>
      <p>
        <Link to={`/signin?next=${encodeURIComponent(path)}`}>{t('nav.signIn')}</Link>
      </p>
    </>
  );
}

function NotAllowed() {
  const { t } = useLang();
  return (
    <>
      <PageTitle>{t('guard.notAllowedTitle')}</PageTitle>
      <p className="notice" role="status">
        {t('guard.notAllowed')}
      </p>
    </>
  );
}

/** The pages below it are for signed-in accounts; a visitor is offered the sign-in page. */
export const SignedIn: Guard = ({ children }) => {
  const { user, ready } = useAuth();
  if (!ready) return <Loading />;
  if (!user) return <SignInFirst />;
  return <>{children}</>;
};

/** The pages below it are for admins (the server refuses others too). */
export const AdminOnly: Guard = ({ children }) => {
  const { user, ready } = useAuth();
  if (!ready) return <Loading />;
  if (!user) return <SignInFirst />;
  if (user.role !== 'admin') return <NotAllowed />;
  return <>{children}</>;
};

/**
 * The guard of a page about one record (`RouteNode.may`): it reads the record through the shared
 * cache (so the detail page's answer serves) and shows the page only when `actions` lists the
 * action. `owner` is asked when the record does not exist yet (a partner profile not yet written
 * belongs to its locality or organisation, whose `actions` then decide).
 */
export function MayDo({ may, params, children }: { may: MayRule; params: Params; children: ReactNode }) {
  const { user, ready } = useAuth();
  const record = useApi<WithActions>(user ? may.record(params) : null);
  const missing = record.error?.status === 404 && may.owner !== undefined;
  const owner = useApi<WithActions>(user && missing && may.owner ? may.owner(params) : null);
  const state = missing ? owner : record;
  // Once allowed, the page stays while its record is read again (a save resets the cache):
  // the form must not be taken down under the user; the server still checks every write.
  const allowed = useRef<string | null>(null);
  const key = JSON.stringify(params);
  if (state.data && can(state.data, may.action)) allowed.current = key;
  if (allowed.current === key && user) return <>{children}</>;
  if (!ready) return <Loading />;
  if (!user) return <SignInFirst />;
  if (state.error) return <ErrorNote error={state.error} />;
  if (state.data === null) return <Loading />;
  if (!can(state.data, may.action)) return <NotAllowed />;
  return <>{children}</>;
}
