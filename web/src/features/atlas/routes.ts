import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { HomePage } from '../../pages/HomePage.tsx';

// The map (geometry, d3-geo) and the graph load on demand so the home page stays small.
const MapPage = lazyPage(() => import('../../pages/MapPage.tsx'), 'MapPage');
const NetworkPage = lazyPage(() => import('../../pages/NetworkPage.tsx'), 'NetworkPage');

export const atlasRoutes: RouteNode[] = [
  { path: '', page: HomePage, title: 'nav.home' },
  { path: 'map', page: MapPage, title: 'nav.map' },
  { path: 'network', page: NetworkPage, title: 'nav.network' },
];
