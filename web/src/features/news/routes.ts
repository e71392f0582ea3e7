import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { newsTexts } from './i18n.ts';

const NewsListPage = lazyPage(() => import('./NewsPages.tsx'), 'NewsListPage');
const NewsItemPage = lazyPage(() => import('./NewsPages.tsx'), 'NewsItemPage');

export const newsRoutes: RouteNode = {
  path: 'news',
  ns: [newsTexts],
  children: [
    { path: '', page: NewsListPage, title: 'nav.news' },
    { path: ':id', page: NewsItemPage, title: 'nav.news' },
  ],
};
