import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Product } from '../../../../../src/features/forums/exhibition/schemas.ts';
import type { Lang } from '../../../api/types.ts';
import { pick, Text } from '../texts.tsx';

type ProductT = z.infer<typeof Product>;

/** A product: its name and description (language and translation status shown), marks, photos. */
export function ProductCard({ p, children }: { p: ProductT; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation('exhibition');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const name = pick(p.name, lang)?.text ?? '';
  return (
    <li className="product card" data-product={p.id}>
      <h4>
        <Text value={p.name} />
      </h4>
      {Object.keys(p.description).length > 0 && <Text as="p" value={p.description} />}
      <p className="muted">
        {p.ocopStars !== null && (
          <span className="badge">
            {t('ocop', { n: p.ocopStars })} <span aria-hidden="true">{'★'.repeat(p.ocopStars)}</span>
          </span>
        )}{' '}
        {p.gi && (
          <span className="badge">
            {t('gi')}: <Text value={p.gi} />
          </span>
        )}{' '}
        {p.sector && (
          <span>
            {t('sector')}: <code>{p.sector}</code>
          </span>
        )}
      </p>
      {p.offers.length > 0 && (
        <p>
          {t('illustrates')}: {p.offers.map((o) => o.text).join('; ')}
        </p>
      )}
      {p.photos.length > 0 && (
        <ul className="plain photos" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
          {p.photos.map((ph) => (
            <li key={ph.id}>
              <a href={ph.url}>
                <img
                  src={ph.thumbUrl}
                  alt={t('photoOf', { name })}
                  loading="lazy"
                  style={{ maxWidth: '160px', height: 'auto' }}
                  width={ph.width && ph.height ? Math.min(160, ph.width) : undefined}
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      {children}
    </li>
  );
}
