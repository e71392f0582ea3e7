import { SignedIn } from '../../../app/guards.tsx';
import { lazyPage } from '../../../app/lazy.ts';
import type { RouteNode } from '../../../app/routes.ts';
import { delegationTexts } from './i18n.ts';

const InvitationPage = lazyPage(() => import('./InvitationPage.tsx'), 'InvitationPage');
const DelegationPage = lazyPage(() => import('./DelegationPage.tsx'), 'DelegationPage');
const MyForumsPage = lazyPage(() => import('./MyForumsPage.tsx'), 'MyForumsPage');
const AgendaPage = lazyPage(() => import('./AgendaPage.tsx'), 'AgendaPage');

/** Under `/forums`: the head's pages (signed in) and a member's agenda (signed in, or with its secret). */
export const delegationPages: RouteNode[] = [
  { path: 'mine', page: MyForumsPage, title: 'nav.forums', guard: SignedIn, ns: [delegationTexts] },
  {
    path: ':id/delegations/:delegationId',
    page: DelegationPage,
    title: 'nav.forums',
    guard: SignedIn,
    ns: [delegationTexts],
  },
  { path: ':id/agenda/:personId', page: AgendaPage, title: 'nav.forums', ns: [delegationTexts] },
];

/** `/invitations/<secret>`: the address the invitation mail links to. */
export const invitationRoutes: RouteNode = {
  path: 'invitations/:token',
  page: InvitationPage,
  title: 'nav.forums',
  ns: [delegationTexts],
};
