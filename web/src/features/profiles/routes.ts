import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';

const PartnersPage = lazyPage(() => import('../../pages/PartnersPage.tsx'), 'PartnersPage');
const ProfileEditPage = lazyPage(() => import('../../pages/ProfileEditPage.tsx'), 'ProfileEditPage');

/** A profile's id is its locality's code or its organisation's id. */
export const profileOwnerPath = (id: string) =>
  /^(VN|JP)-/.test(id)
    ? `/api/localities/${encodeURIComponent(id)}`
    : `/api/organizations/${encodeURIComponent(id)}`;

export const profileRoutes: RouteNode[] = [
  { path: 'partners', page: PartnersPage, title: 'nav.partners' },
  {
    path: 'profiles/:id/edit',
    page: ProfileEditPage,
    title: 'profile.edit',
    may: {
      action: 'update',
      record: (p) => `/api/profiles/${encodeURIComponent(p.id)}`,
      owner: (p) => profileOwnerPath(p.id),
    },
  },
];
