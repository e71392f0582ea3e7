import type { RouteNode } from '../../app/routes.ts';
import { localitiesTexts } from './i18n.ts';
import { LocalitiesPage } from './LocalitiesPage.tsx';
import { LocalityPage } from './LocalityPage.tsx';

export const localityRoutes: RouteNode = {
  path: 'localities',
  ns: [localitiesTexts],
  children: [
    { path: '', page: LocalitiesPage, title: 'nav.localities' },
    { path: ':code', page: LocalityPage, title: 'nav.localities' },
  ],
};
