import { AdminOnly } from '../../app/guards.tsx';
import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { adminTexts } from './i18n.ts';

const AuditPage = lazyPage(() => import('./AuditPage.tsx'), 'AuditPage');
const UsersPage = lazyPage(() => import('./UsersPage.tsx'), 'UsersPage');
const JobsPage = lazyPage(() => import('./JobsPage.tsx'), 'JobsPage');
const OutboxPage = lazyPage(() => import('./OutboxPage.tsx'), 'OutboxPage');

export const adminRoutes: RouteNode = {
  path: 'admin',
  guard: AdminOnly,
  ns: [adminTexts],
  children: [
    { path: 'audit', page: AuditPage, title: 'nav.audit' },
    { path: 'users', page: UsersPage, title: 'nav.users' },
    { path: 'outbox', page: OutboxPage, title: 'nav.outbox' },
    { path: 'jobs', page: JobsPage, title: 'nav.jobs' },
  ],
};
