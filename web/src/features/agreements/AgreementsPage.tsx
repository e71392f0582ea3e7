import { AGREEMENT_KINDS, AGREEMENT_STATUSES, type Agreement } from '../../api/types.ts';
import { AgreementList } from '../../components/AgreementList.tsx';
import {
  countryOptions,
  enumOptions,
  type Filter,
  ListPage,
  sectorOptions,
} from '../../components/ListPage.tsx';
import { useLang } from '../../i18n/format.ts';

export function AgreementsPage() {
  const { t, lang } = useLang('agreements');
  const filters: Filter[] = [
    {
      key: 'q',
      id: 'f-q',
      kind: 'search',
      label: t('filters.search'),
      placeholder: t('filters.searchPlaceholder'),
    },
    {
      key: 'country',
      id: 'f-country',
      kind: 'select',
      label: t('filters.country'),
      options: countryOptions(t),
    },
    { key: 'locality', id: 'f-locality', kind: 'record', label: t('filters.locality'), source: 'locality' },
    { key: 'field', id: 'f-field', kind: 'select', label: t('filters.field'), options: sectorOptions(lang) },
    {
      key: 'kind',
      id: 'f-kind',
      kind: 'select',
      label: t('filters.kind'),
      options: enumOptions(AGREEMENT_KINDS, t, 'agreementKind'),
    },
    {
      key: 'status',
      id: 'f-status',
      kind: 'select',
      label: t('filters.status'),
      options: enumOptions(AGREEMENT_STATUSES, t, 'status'),
    },
    { key: 'yearFrom', id: 'f-from', kind: 'year', label: t('filters.yearFrom') },
    { key: 'yearTo', id: 'f-to', kind: 'year', label: t('filters.yearTo') },
  ];
  return (
    <ListPage<Agreement>
      title={t('agreements.title')}
      create={{ to: '/agreements/new', label: t('edit.newAgreement') }}
      basePath="/agreements"
      apiPath="/api/agreements"
      filters={filters}
      clear
    >
      {(items) => <AgreementList items={items} />}
    </ListPage>
  );
}
