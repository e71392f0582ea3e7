import { SignedIn } from '../../app/guards.tsx';
import { lazyPage } from '../../app/lazy.ts';
import type { RouteNode } from '../../app/routes.ts';
import { AgreementPage } from './AgreementPage.tsx';
import { AgreementsPage } from './AgreementsPage.tsx';
import { agreementsTexts } from './i18n.ts';

const AgreementEditPage = lazyPage(() => import('./AgreementEditPage.tsx'), 'AgreementEditPage');

export const agreementRoutes: RouteNode = {
  path: 'agreements',
  ns: [agreementsTexts],
  children: [
    { path: '', page: AgreementsPage, title: 'nav.agreements' },
    { path: 'new', page: AgreementEditPage, title: 'edit.newAgreement', guard: SignedIn },
    { path: ':id', page: AgreementPage, title: 'nav.agreements' },
    {
      path: ':id/edit',
      page: AgreementEditPage,
      title: 'edit.editAgreement',
      may: { action: 'update', record: (p) => `/api/agreements/${encodeURIComponent(p.id)}` },
    },
  ],
};
