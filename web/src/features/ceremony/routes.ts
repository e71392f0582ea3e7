import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { ceremonyTexts } from './i18n.ts';

const CeremonyPage = lazyPage(() => import('./CeremonyPage.tsx'), 'CeremonyPage');

export const ceremonyRoutes: RouteNode = {
  path: 'forums/:id/ceremony',
  page: CeremonyPage,
  title: 'nav.forums',
  ns: [ceremonyTexts],
};
