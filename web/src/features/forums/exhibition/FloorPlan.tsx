import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Exhibition } from '../../../../../src/features/forums/exhibition/schemas.ts';
import type { Lang } from '../../../api/types.ts';
import { pick } from '../texts.tsx';

type ExhibitionT = z.infer<typeof Exhibition>;
const CELL = 40;

/**
 * The halls drawn as SVG: one cell of the grid is 40 units, the drawing scales to the page's width
 * (a phone's too). Each booth says its code and exhibitor to a screen reader (`<title>`), and the
 * whole plan has a summary; the list of exhibitors below says the same in text.
 */
export function FloorPlan({ data, highlight }: { data: ExhibitionT; highlight?: string | null }) {
  const { t, i18n } = useTranslation('exhibition');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  return (
    <>
      {data.halls.map((hall) => {
        const booths = data.booths.filter((b) => b.hallId === hall.id);
        const hallName = pick(hall.name, lang)?.text ?? hall.id;
        return (
          <figure key={hall.id} className="floor-plan">
            <figcaption>
              <strong>{hallName}</strong>
            </figcaption>
            <svg
              viewBox={`0 0 ${hall.columns * CELL} ${hall.rows * CELL}`}
              role="img"
              aria-label={t('floorSummary', { hall: hallName, n: booths.length })}
              style={{
                width: '100%',
                height: 'auto',
                maxWidth: `${hall.columns * CELL}px`,
                display: 'block',
              }}
            >
              <rect
                x={0}
                y={0}
                width={hall.columns * CELL}
                height={hall.rows * CELL}
                fill="#f4f4f4"
                stroke="#767676"
              />
              {booths.map((b) => {
                const exhibitor = b.exhibitor ? (pick(b.exhibitor, lang)?.text ?? '') : null;
                const label = exhibitor
                  ? t('boothOf', { code: b.code, exhibitor })
                  : t('boothFree', { code: b.code });
                return (
                  <g key={b.id} data-booth={b.code}>
                    <title>{label}</title>
                    <rect
                      x={b.x * CELL + 2}
                      y={b.y * CELL + 2}
                      width={b.w * CELL - 4}
                      height={b.h * CELL - 4}
                      rx={4}
                      fill={
                        b.delegationId ? (highlight === b.delegationId ? '#ffd166' : '#cfe3f7') : '#ffffff'
                      }
                      stroke="#1a4f80"
                    />
                    <text x={b.x * CELL + 8} y={b.y * CELL + 20} fontSize={13} fill="#1a1a1a">
                      {b.code}
                    </text>
                  </g>
                );
              })}
            </svg>
          </figure>
        );
      })}
    </>
  );
}
