import { SignedIn } from '../../app/guards.tsx';
import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { AccountLayout } from './AccountLayout.tsx';
import { accountsTexts } from './i18n.ts';
import { SignInPage } from './SignInPage.tsx';

const AccountPage = lazyPage(() => import('./AccountPage.tsx'), 'AccountPage');
const TokensPage = lazyPage(() => import('./TokensPage.tsx'), 'TokensPage');

export const accountRoutes: RouteNode[] = [
  { path: 'signin', page: SignInPage, title: 'nav.signIn', ns: [accountsTexts] },
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
