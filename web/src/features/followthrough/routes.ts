import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { followThroughTexts } from './i18n.ts';

const CyclesPage = lazyPage(() => import('./CyclesPage.tsx'), 'CyclesPage');
const DashboardPage = lazyPage(() => import('./DashboardPage.tsx'), 'DashboardPage');
const ProjectPage = lazyPage(() => import('./ProjectPage.tsx'), 'ProjectPage');

export const followThroughRoutes: RouteNode = {
  path: 'follow-through',
  ns: [followThroughTexts],
  children: [
    { path: '', page: CyclesPage, title: 'nav.followThrough' },
    { path: 'projects/:id', page: ProjectPage, title: 'nav.followThrough' },
    { path: ':id', page: DashboardPage, title: 'nav.followThrough' },
  ],
};
