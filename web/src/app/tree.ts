import { accountRoutes } from '../features/accounts/routes.ts';
import { adminRoutes } from '../features/admin/routes.ts';
import { agreementRoutes } from '../features/agreements/routes.ts';
import { atlasRoutes } from '../features/atlas/routes.ts';
import { ceremonyRoutes } from '../features/ceremony/routes.ts';
import { followThroughRoutes } from '../features/followthrough/routes.ts';
import { invitationRoutes } from '../features/forums/delegation/routes.ts';
import { forumRoutes } from '../features/forums/routes.ts';
import { localityRoutes } from '../features/localities/routes.ts';
import { newsRoutes } from '../features/news/routes.ts';
import { organizationRoutes } from '../features/organizations/routes.ts';
import { profileRoutes } from '../features/profiles/routes.ts';
import type { RouteNode } from './routes.ts';

/** Every page of the app, grouped by feature (each feature's `routes.ts` declares its own). */
export const ROUTES: RouteNode = {
  path: '',
  children: [
    ...atlasRoutes,
    agreementRoutes,
    localityRoutes,
    organizationRoutes,
    forumRoutes,
    invitationRoutes,
    followThroughRoutes,
    ceremonyRoutes,
    newsRoutes,
    ...profileRoutes,
    ...accountRoutes,
    adminRoutes,
  ],
};
