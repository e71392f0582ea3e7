import { ORGANIZATION_KINDS, type Organization } from '../../api/types.ts';
import {
  countryOptions,
  enumOptions,
  type Filter,
  ListPage,
  sectorOptions,
} from '../../components/ListPage.tsx';
import { OrganizationList } from '../../components/OrganizationList.tsx';
import { useLang } from '../../i18n/format.ts';

export function OrganizationsPage() {
  const { t, lang } = useLang('organizations');
  const filters: Filter[] = [
    { key: 'q', id: 'o-q', kind: 'search', label: t('filters.search') },
    {
      key: 'country',
      id: 'o-country',
      kind: 'select',
      label: t('filters.country'),
      options: countryOptions(t),
    },
    {
      key: 'kind',
      id: 'o-kind',
      kind: 'select',
      label: t('filters.orgKind'),
      options: enumOptions(ORGANIZATION_KINDS, t, 'orgKind'),
    },
    {
      key: 'sector',
      id: 'o-sector',
      kind: 'select',
      label: t('filters.sector'),
      options: sectorOptions(lang),
    },
    { key: 'locality', id: 'o-locality', kind: 'record', label: t('filters.locality'), source: 'locality' },
  ];
  return (
    <ListPage<Organization>
      title={t('organizations.title')}
      create={{ to: '/organizations/new', label: t('edit.newOrganization') }}
      basePath="/organizations"
      apiPath="/api/organizations"
      filters={filters}
    >
      {(items) => <OrganizationList items={items} />}
    </ListPage>
  );
}
