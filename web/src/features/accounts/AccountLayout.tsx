import type { ReactNode } from 'react';
import { useLang } from '../../i18n/format.ts';
import { Link, useRouter } from '../../router.tsx';

const TABS = [
  ['/account', 'tabs.password'],
  ['/account/tokens', 'tabs.tokens'],
] as const;

/** The pages of one's own account, with a row of links between them. */
export function AccountLayout({ children }: { children: ReactNode }) {
  const { t } = useLang('accounts');
  const { path } = useRouter();
  return (
    <>
      <nav className="tabs" aria-label={t('tabs.label')}>
        {TABS.map(([to, label]) => (
          <Link key={to} to={to} aria-current={path === to ? 'page' : undefined}>
            {t(label)}
          </Link>
        ))}
      </nav>
      {children}
    </>
  );
}
