import { sectorLabel } from '../../../src/domain/sectors.ts';
import type { AgreementSummary } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import { Link } from '../router.tsx';
import { AgreementTitle, Badge, Name } from './common.tsx';

/** One agreement in a list: a full record or the summary a locality's detail embeds. */
export function AgreementItem({ a }: { a: AgreementSummary }) {
  const { t, lang, date } = useLang();
  return (
    <li className="card agreement-item">
      <h3>
        <Link to={`/agreements/${encodeURIComponent(a.id)}`}>
          <AgreementTitle a={a} />
        </Link>
      </h3>
      <p className="parties">
        {a.parties.map((p, i) => (
          <span key={`${p.type}:${p.code}`}>
            {i > 0 && ' · '}
            <span className={`flag flag-${p.country}`}>{t(`country.${p.country}`)}</span>{' '}
            <Name value={p.name} />
          </span>
        ))}
      </p>
      <p className="meta">
        {a.signedOn && <time dateTime={a.signedOn}>{date(a.signedOn)}</time>}
        <Badge kind="kind">{t(`agreementKind.${a.kind}`)}</Badge>
        <Badge kind={a.status}>{t(`status.${a.status}`)}</Badge>
        {a.synthetic && <Badge kind="synthetic">{t('common.synthetic')}</Badge>}
      </p>
      {a.fields.length > 0 && (
        <p className="fields">{a.fields.map((f) => sectorLabel(f, lang)).join(' · ')}</p>
      )}
    </li>
  );
}

export function AgreementList({ items }: { items: AgreementSummary[] }) {
  const { t } = useLang();
  if (items.length === 0) return <p className="muted">{t('agreements.none')}</p>;
  return (
    <ul className="cards">
      {items.map((a) => (
        <AgreementItem key={a.id} a={a} />
      ))}
    </ul>
  );
}
