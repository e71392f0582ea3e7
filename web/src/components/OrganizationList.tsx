import { sectorLabel } from '../../../src/domain/sectors.ts';
import type { OrganizationSummary } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import { Link } from '../router.tsx';
import { Badge, LocalityLink, Name } from './common.tsx';

/** Organisations in a list: full records or the summaries a locality's detail embeds. */
export function OrganizationList({ items }: { items: OrganizationSummary[] }) {
  const { t, lang } = useLang();
  if (items.length === 0) return <p className="muted">{t('organizations.none')}</p>;
  return (
    <ul className="cards">
      {items.map((o) => (
        <li key={o.id} className="card">
          <h3>
            <Link to={`/organizations/${encodeURIComponent(o.id)}`}>
              <Name value={o.name} />
            </Link>
          </h3>
          <p className="meta">
            <Badge kind="kind">{t(`orgKind.${o.kind}`)}</Badge>
            {o.locality && <LocalityLink locality={o.locality} />}
            {o.synthetic && <Badge kind="synthetic">{t('common.synthetic')}</Badge>}
          </p>
          {o.sectors.length > 0 && (
            <p className="fields">{o.sectors.map((s) => sectorLabel(s, lang)).join(' · ')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
