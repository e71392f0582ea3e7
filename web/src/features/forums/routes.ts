import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { delegationPages } from './delegation/routes.ts';
import { organiserRoutes } from './organiser/routes.ts';

const ForumsPage = lazyPage(() => import('./ForumsPage.tsx'), 'ForumsPage');
const ForumPage = lazyPage(() => import('./ForumPage.tsx'), 'ForumPage');

export const forumRoutes: RouteNode = {
  path: 'forums',
  children: [
    { path: '', page: ForumsPage, title: 'nav.forums' },
    { path: ':id', page: ForumPage, title: 'nav.forums' },
    ...organiserRoutes,
    ...delegationPages,
  ],
};
