import geo from 'virtual:vn-jp-geo';
import { geoMercator, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import type { Locality } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import type { Pair } from '../lib/pairs.ts';

const W = 800;
const H = 720;

/** Where to draw a locality: its own point, else its parent's (a municipality without coordinates). */
function placeAll(localities: Locality[]): Map<string, [number, number]> {
  const byCode = new Map(localities.map((l) => [l.code, l]));
  const at = new Map<string, [number, number]>();
  for (const l of localities) {
    let cur: Locality | undefined = l;
    while (cur && (cur.lat === null || cur.lon === null))
      cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
    if (cur && cur.lat !== null && cur.lon !== null) at.set(l.code, [cur.lon, cur.lat]);
  }
  return at;
}

export function VnJpMap({
  localities,
  pairs,
  selected,
  onSelect,
  hover,
  onHover,
}: {
  localities: Locality[];
  pairs: Pair[];
  selected: number | null;
  onSelect: (i: number | null) => void;
  hover: number | null;
  onHover: (i: number | null) => void;
}) {
  const { t, text } = useLang();
  const { path, project } = useMemo(() => {
    const projection = geoMercator().fitExtent(
      [
        [12, 12],
        [W - 12, H - 12],
      ],
      geo,
    );
    return { path: geoPath(projection), project: (p: [number, number]) => projection(p) };
  }, []);
  const places = useMemo(() => placeAll(localities), [localities]);
  const active = hover ?? selected;
  const activePair = active === null ? null : pairs[active];
  const xy = (code: string) => {
    const p = places.get(code);
    return p ? project(p) : null;
  };
  // A gentle arc, so lines from one place to several partners stay apart.
  const arc = (p: Pair): string | null => {
    const a = xy(p.vn.code);
    const b = xy(p.jp.code);
    if (!a || !b) return null;
    const mx = (a[0] + b[0]) / 2 - (b[1] - a[1]) * 0.15;
    const my = (a[1] + b[1]) / 2 + (b[0] - a[0]) * 0.15;
    return `M${a[0]},${a[1]} Q${mx},${my} ${b[0]},${b[1]}`;
  };
  const activeArc = activePair ? arc(activePair) : null;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="map" role="img" aria-label={t('map.label')}>
      <rect width={W} height={H} className="sea" />
      {geo.features.map((f) => (
        <path key={String(f.id)} d={path(f) ?? undefined} className="land" />
      ))}
      <g className="links">
        {pairs.map((p, i) => {
          const d = arc(p);
          if (!d) return null;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: the pair list beside the map is the keyboard route
            <g
              key={`${p.vn.code}|${p.jp.code}`}
              className={i === active ? 'link-group active' : 'link-group'}
              data-pair={`${p.vn.code}|${p.jp.code}`}
              onMouseEnter={() => onHover(i)}
              onMouseLeave={() => onHover(null)}
              onClick={() => onSelect(i === selected ? null : i)}
            >
              <path d={d} className={i === active ? 'link active' : 'link'} />
              {/* A wide transparent twin makes a thin line easy to hover or tap. */}
              <path d={d} className="link-hit" />
            </g>
          );
        })}
      </g>
      {/* The chosen line again on top of the others, so it is never hidden under them. */}
      {activeArc && <path d={activeArc} className="link active on-top" />}
      <g className="places">
        {localities.map((l) => {
          const p = xy(l.code);
          if (!p) return null;
          const on = activePair && (activePair.vn.code === l.code || activePair.jp.code === l.code);
          return (
            <circle
              key={l.code}
              cx={p[0]}
              cy={p[1]}
              r={on ? 6 : l.kind === 'municipality' ? 2.5 : 3.5}
              className={`place place-${l.country}${on ? ' active' : ''}`}
              data-locality={l.code}
            >
              <title>{text(l.name)}</title>
            </circle>
          );
        })}
      </g>
    </svg>
  );
}

export function countPlaced(localities: Locality[]): number {
  return placeAll(localities).size;
}
