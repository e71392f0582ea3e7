import { AdminOnly } from '../../../app/guards.tsx';
import { lazyPage } from '../../../app/lazy.ts';
import type { RouteNode } from '../../../app/routes.ts';
import { organiserTexts } from './i18n.ts';

const NewForumPage = lazyPage(() => import('./NewForumPage.tsx'), 'NewForumPage');
const OrganisePage = lazyPage(() => import('./OrganisePage.tsx'), 'OrganisePage');

/** The organiser's pages, below `/forums`: an admin's new forum, and a forum's "Organise". */
export const organiserRoutes: RouteNode[] = [
  { path: 'new', page: NewForumPage, title: 'nav.forums', guard: AdminOnly, ns: [organiserTexts] },
  {
    path: ':id/organise',
    page: OrganisePage,
    title: 'nav.forums',
    ns: [organiserTexts],
    may: { action: 'update', record: (p) => `/api/forums/${encodeURIComponent(p.id)}` },
  },
];
