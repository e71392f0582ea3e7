import { SignedIn } from '../../app/guards.tsx';
import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { SignInPage } from '../../pages/SignInPage.tsx';

const AccountPage = lazyPage(() => import('../../pages/AccountPage.tsx'), 'AccountPage');

export const accountRoutes: RouteNode[] = [
  { path: 'signin', page: SignInPage, title: 'nav.signIn' },
  {
    path: 'account',
    guard: SignedIn,
    children: [{ path: '', page: AccountPage, title: 'account.title' }],
  },
];
