import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { HomePage } from './HomePage.tsx';
import { atlasTexts } from './i18n.ts';

// The map (geometry, d3-geo) and the graph load on demand so the home page stays small.
const MapPage = lazyPage(() => import('./MapPage.tsx'), 'MapPage');
const NetworkPage = lazyPage(() => import('./NetworkPage.tsx'), 'NetworkPage');

export const atlasRoutes: RouteNode[] = [
  { path: '', page: HomePage, title: 'nav.home', ns: [atlasTexts] },
  { path: 'map', page: MapPage, title: 'nav.map', ns: [atlasTexts] },
  { path: 'network', page: NetworkPage, title: 'nav.network', ns: [atlasTexts] },
];
