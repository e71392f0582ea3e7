import { AdminOnly } from '../../app/guards.tsx';
import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';

const AuditPage = lazyPage(() => import('../../pages/AuditPage.tsx'), 'AuditPage');
const UsersPage = lazyPage(() => import('../../pages/UsersPage.tsx'), 'UsersPage');
const JobsPage = lazyPage(() => import('./JobsPage.tsx'), 'JobsPage');
const OutboxPage = lazyPage(() => import('../../pages/OutboxPage.tsx'), 'OutboxPage');

export const adminRoutes: RouteNode = {
  path: 'admin',
  guard: AdminOnly,
  children: [
    { path: 'audit', page: AuditPage, title: 'nav.audit' },
    { path: 'users', page: UsersPage, title: 'nav.users' },
    { path: 'outbox', page: OutboxPage, title: 'nav.outbox' },
    { path: 'jobs', page: JobsPage, title: 'nav.jobs' },
  ],
};
