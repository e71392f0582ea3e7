import { SignedIn } from '../../app/guards.tsx';
import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { OrganizationPage } from '../../pages/OrganizationPage.tsx';
import { OrganizationsPage } from '../../pages/OrganizationsPage.tsx';

const OrganizationEditPage = lazyPage(
  () => import('../../pages/OrganizationEditPage.tsx'),
  'OrganizationEditPage',
);

export const organizationRoutes: RouteNode = {
  path: 'organizations',
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
