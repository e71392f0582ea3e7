import { SignedIn } from '../../app/guards.tsx';
import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { SignInPage } from '../../pages/SignInPage.tsx';
import { AccountLayout } from './AccountLayout.tsx';
import { accountsTexts } from './i18n.ts';

const AccountPage = lazyPage(() => import('../../pages/AccountPage.tsx'), 'AccountPage');
const TokensPage = lazyPage(() => import('./TokensPage.tsx'), 'TokensPage');

export const accountRoutes: RouteNode[] = [
  { path: 'signin', page: SignInPage, title: 'nav.signIn' },
  {
    path: 'account',
    guard: SignedIn,
    ns: [accountsTexts],
    layout: AccountLayout,
    children: [
      { path: '', page: AccountPage, title: 'account.title' },
      { path: 'tokens', page: TokensPage, title: 'nav.tokens' },
    ],
  },
];
