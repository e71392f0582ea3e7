import { LOCALITY_KINDS, type Locality } from '../../api/types.ts';
import { LocalityLink } from '../../components/common.tsx';
import { countryOptions, enumOptions, type Filter, ListPage } from '../../components/ListPage.tsx';
import { useLang } from '../../i18n/format.ts';

export function LocalitiesPage() {
  const { t } = useLang('localities');
  const filters: Filter[] = [
    { key: 'q', id: 'l-q', kind: 'search', label: t('filters.search') },
    {
      key: 'country',
      id: 'l-country',
      kind: 'select',
      label: t('filters.country'),
      options: countryOptions(t),
    },
    {
      key: 'kind',
      id: 'l-kind',
      kind: 'select',
      label: t('filters.localityKind'),
      options: enumOptions(LOCALITY_KINDS, t, 'localityKind'),
    },
  ];
  return (
    <ListPage<Locality>
      title={t('localities.title')}
      basePath="/localities"
      apiPath="/api/localities"
      filters={filters}
    >
      {(items) => (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('locality.name')}</th>
              <th scope="col">{t('filters.country')}</th>
              <th scope="col">{t('filters.localityKind')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((l) => (
              <tr key={l.code}>
                <td>
                  <LocalityLink locality={l} />
                </td>
                <td>{t(`country.${l.country}`)}</td>
                <td>{t(`localityKind.${l.kind}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListPage>
  );
}
