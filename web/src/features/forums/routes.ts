import { SignedIn } from '../../app/guards.tsx';
import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { delegationPages } from './delegation/routes.ts';
import { organiserRoutes } from './organiser/routes.ts';

const ForumsPage = lazyPage(() => import('./ForumsPage.tsx'), 'ForumsPage');
const ForumPage = lazyPage(() => import('./ForumPage.tsx'), 'ForumPage');
const ExhibitionPage = lazyPage(() => import('./exhibition/ExhibitionPage.tsx'), 'ExhibitionPage');
const FloorEditPage = lazyPage(() => import('./exhibition/FloorEditPage.tsx'), 'FloorEditPage');
const ProductsPage = lazyPage(() => import('./exhibition/ProductsPage.tsx'), 'ProductsPage');
const CheckinPage = lazyPage(() => import('./exhibition/CheckinPage.tsx'), 'CheckinPage');
const organises = {
  action: 'update',
  record: (p: Record<string, string>) => `/api/forums/${encodeURIComponent(p.id ?? '')}`,
};

export const forumRoutes: RouteNode = {
  path: 'forums',
  children: [
    { path: '', page: ForumsPage, title: 'nav.forums' },
    { path: ':id', page: ForumPage, title: 'nav.forums' },
    ...organiserRoutes,
    ...delegationPages,
    { path: ':id/exhibition', page: ExhibitionPage, title: 'nav.forums' },
    { path: ':id/exhibition/floor', page: FloorEditPage, title: 'nav.forums', may: organises },
    {
      path: ':id/exhibition/delegations/:delegationId',
      page: ProductsPage,
      title: 'nav.forums',
      guard: SignedIn,
    },
    { path: ':id/checkin', page: CheckinPage, title: 'nav.forums', may: organises },
  ],
};
