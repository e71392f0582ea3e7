import type { ReactNode } from 'react';
import type { Lang } from '../api/types.ts';
import { useAuth } from '../auth.tsx';
import { useLang } from '../i18n/format.ts';
import { LANGS, setLang } from '../i18n/index.ts';
import { Link, useRouter } from '../router.tsx';

// Each language is named in itself, so a reader finds theirs whatever is showing now.
const LANG_NAMES: Record<Lang, string> = { vi: 'Tiếng Việt', ja: '日本語', en: 'English' };

function LanguageSwitch() {
  const { t, lang } = useLang();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('nav.language')}</legend>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === lang}
          className={l === lang ? 'active' : undefined}
          onClick={() => setLang(l)}
        >
          {LANG_NAMES[l]}
        </button>
      ))}
    </fieldset>
  );
}

function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const { path } = useRouter();
  const active = to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
  return (
    <Link to={to} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function Account() {
  const { t } = useLang();
  const { user, logout } = useAuth();
  const { navigate } = useRouter();
  if (!user) return <Link to="/signin">{t('nav.signIn')}</Link>;
  return (
    <span className="account">
      <Link to="/account">{user.email}</Link>
      <button type="button" className="link-button" onClick={() => void logout().then(() => navigate('/'))}>
        {t('nav.signOut')}
      </button>
    </span>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useLang();
  const { user } = useAuth();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="brand-row">
          <Link to="/" className="brand">
            <span aria-hidden="true">絆</span> Kizuna
          </Link>
          <LanguageSwitch />
          <Account />
        </div>
        <nav aria-label={t('nav.main')}>
          <NavLink to="/">{t('nav.home')}</NavLink>
          <NavLink to="/agreements">{t('nav.agreements')}</NavLink>
          <NavLink to="/localities">{t('nav.localities')}</NavLink>
          <NavLink to="/organizations">{t('nav.organizations')}</NavLink>
          <NavLink to="/forums">{t('nav.forums')}</NavLink>
          <NavLink to="/follow-through">{t('nav.followThrough')}</NavLink>
          <NavLink to="/map">{t('nav.map')}</NavLink>
          <NavLink to="/network">{t('nav.network')}</NavLink>
          <NavLink to="/partners">{t('nav.partners')}</NavLink>
          {user?.role === 'admin' && <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>}
          {user?.role === 'admin' && <NavLink to="/admin/users">{t('nav.users')}</NavLink>}
          {user?.role === 'admin' && <NavLink to="/admin/outbox">{t('nav.outbox')}</NavLink>}
          {user?.role === 'admin' && <NavLink to="/admin/jobs">{t('nav.jobs')}</NavLink>}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer.about')}</p>
        <p>
          <a href="/docs">{t('footer.api')}</a> · <a href="/openapi.json">OpenAPI</a>
        </p>
      </footer>
    </>
  );
}
