import type { RouteNode } from '../../app/routes.ts';
import { LocalitiesPage } from '../../pages/LocalitiesPage.tsx';
import { LocalityPage } from '../../pages/LocalityPage.tsx';

export const localityRoutes: RouteNode = {
  path: 'localities',
  children: [
    { path: '', page: LocalitiesPage, title: 'nav.localities' },
    { path: ':code', page: LocalityPage, title: 'nav.localities' },
  ],
};
