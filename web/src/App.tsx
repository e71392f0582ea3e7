import { type ComponentType, lazy, Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { AuthProvider } from './auth.tsx';
import { Loading } from './components/common.tsx';
import { Layout } from './components/Layout.tsx';
import { useLang } from './i18n/format.ts';
import { AgreementPage } from './pages/AgreementPage.tsx';
import { AgreementsPage } from './pages/AgreementsPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LocalitiesPage } from './pages/LocalitiesPage.tsx';
import { LocalityPage } from './pages/LocalityPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrganizationPage } from './pages/OrganizationPage.tsx';
import { OrganizationsPage } from './pages/OrganizationsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { matchPath, RouterProvider, useRouter } from './router.tsx';

// Reading pages are in the main bundle; the map (geometry, d3-geo), the graph, the forms (zod)
// and admin pages load on demand so the home page stays small.
const MapPage = lazy(() => import('./pages/MapPage.tsx').then((m) => ({ default: m.MapPage })));
const NetworkPage = lazy(() => import('./pages/NetworkPage.tsx').then((m) => ({ default: m.NetworkPage })));
const AgreementEditPage = lazy(() =>
  import('./pages/AgreementEditPage.tsx').then((m) => ({ default: m.AgreementEditPage })),
);
const OrganizationEditPage = lazy(() =>
  import('./pages/OrganizationEditPage.tsx').then((m) => ({ default: m.OrganizationEditPage })),
);
const PartnersPage = lazy(() =>
  import('./pages/PartnersPage.tsx').then((m) => ({ default: m.PartnersPage })),
);
const ProfileEditPage = lazy(() =>
  import('./pages/ProfileEditPage.tsx').then((m) => ({ default: m.ProfileEditPage })),
);
const ForumsPage = lazy(() =>
  import('./features/forums/ForumsPage.tsx').then((m) => ({ default: m.ForumsPage })),
);
const ForumPage = lazy(() =>
  import('./features/forums/ForumPage.tsx').then((m) => ({ default: m.ForumPage })),
);
const AccountPage = lazy(() => import('./pages/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const OutboxPage = lazy(() => import('./pages/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })));

type Params = Record<string, string>;
// Order matters: `/agreements/new` before `/agreements/:id`.
const ROUTES: [string, ComponentType<{ params: Params }>, string][] = [
  ['/', HomePage, 'nav.home'],
  ['/agreements', AgreementsPage, 'nav.agreements'],
  ['/agreements/new', AgreementEditPage, 'edit.newAgreement'],
  ['/agreements/:id/edit', AgreementEditPage, 'edit.editAgreement'],
  ['/agreements/:id', AgreementPage, 'nav.agreements'],
  ['/localities', LocalitiesPage, 'nav.localities'],
  ['/localities/:code', LocalityPage, 'nav.localities'],
  ['/organizations', OrganizationsPage, 'nav.organizations'],
  ['/organizations/new', OrganizationEditPage, 'edit.newOrganization'],
  ['/organizations/:id/edit', OrganizationEditPage, 'edit.editOrganization'],
  ['/organizations/:id', OrganizationPage, 'nav.organizations'],
  ['/forums', ForumsPage, 'nav.forums'],
  ['/forums/:id', ForumPage, 'nav.forums'],
  ['/map', MapPage, 'nav.map'],
  ['/network', NetworkPage, 'nav.network'],
  ['/partners', PartnersPage, 'nav.partners'],
  ['/profiles/:id/edit', ProfileEditPage, 'profile.edit'],
  ['/signin', SignInPage, 'nav.signIn'],
  ['/account', AccountPage, 'account.title'],
  ['/admin/audit', AuditPage, 'nav.audit'],
  ['/admin/users', UsersPage, 'nav.users'],
  ['/admin/outbox', OutboxPage, 'nav.outbox'],
];

function Routes() {
  const { path } = useRouter();
  const { t } = useLang();
  let match: { Page: ComponentType<{ params: Params }>; params: Params; title: string } | null = null;
  for (const [pattern, Page, title] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) {
      match = { Page, params, title };
      break;
    }
  }
  const title = match ? t(match.title) : t('notFound.title');
  // After an in-app navigation, move focus to the new content, as a page load would, so that
  // keyboard and screen-reader users start at the top of what changed.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of path
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  // A layout effect, so that a page's own heading (PageTitle, a plain effect) comes after it.
  useLayoutEffect(() => {
    document.title = `${title} · Kizuna`;
  }, [title]);
  if (!match) return <NotFoundPage />;
  const { Page, params } = match;
  return (
    <Suspense fallback={<Loading />}>
      <Page key={path} params={params} />
    </Suspense>
  );
}

export function App() {
  return (
    <RouterProvider>
      <AuthProvider>
        <Layout>
          <Routes />
        </Layout>
      </AuthProvider>
    </RouterProvider>
  );
}
