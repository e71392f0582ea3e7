import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { partnersTexts } from './i18n.ts';
import { profileOwnerPath } from './paths.ts';

const PartnersPage = lazyPage(() => import('./PartnersPage.tsx'), 'PartnersPage');
const ProfileEditPage = lazyPage(() => import('./ProfileEditPage.tsx'), 'ProfileEditPage');

export { profileOwnerPath };

export const profileRoutes: RouteNode[] = [
  { path: 'partners', page: PartnersPage, title: 'nav.partners', ns: [partnersTexts] },
  {
    path: 'profiles/:id/edit',
    page: ProfileEditPage,
    title: 'profile.edit',
    ns: [partnersTexts],
    may: {
      action: 'update',
      record: (p) => `/api/profiles/${encodeURIComponent(p.id)}`,
      owner: (p) => profileOwnerPath(p.id),
    },
  },
];
