import { SignedIn } from '../../app/guards.tsx';
import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { organizationsTexts } from './i18n.ts';
import { OrganizationPage } from './OrganizationPage.tsx';
import { OrganizationsPage } from './OrganizationsPage.tsx';

const OrganizationEditPage = lazyPage(() => import('./OrganizationEditPage.tsx'), 'OrganizationEditPage');

export const organizationRoutes: RouteNode = {
  path: 'organizations',
  ns: [organizationsTexts],
  children: [
    { path: '', page: OrganizationsPage, title: 'nav.organizations' },
    { path: 'new', page: OrganizationEditPage, title: 'edit.newOrganization', guard: SignedIn },
    { path: ':id', page: OrganizationPage, title: 'nav.organizations' },
    {
      path: ':id/edit',
      page: OrganizationEditPage,
      title: 'edit.editOrganization',
      may: { action: 'update', record: (p) => `/api/organizations/${encodeURIComponent(p.id)}` },
    },
  ],
};
