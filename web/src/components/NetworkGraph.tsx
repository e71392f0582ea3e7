import { useState } from 'react';
import type { LocalitySummary } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import { distinctLabels } from '../lib/labels.ts';
import { Link } from '../router.tsx';

export interface Edge {
  vn: LocalitySummary;
  jp: LocalitySummary;
  agreements: number;
}

/**
 * A locality and its partners on a circle. Fixed geometry (no force simulation): the graph
 * of one locality has at most a few dozen partners and reads well as a star.
 */
export function EgoGraph({
  center,
  partners,
}: {
  center: LocalitySummary;
  partners: { locality: LocalitySummary; agreements: number }[];
}) {
  const { t, text, num } = useLang();
  const size = 420;
  const c = size / 2;
  const r = size / 2 - 70;
  const maxA = Math.max(1, ...partners.map((p) => p.agreements));
  return (
    <figure className="graph">
      <svg viewBox={`0 0 ${size} ${size}`}>
        <title>{t('network.egoLabel', { name: text(center.name) })}</title>
        {partners.map((p, i) => {
          const a = (2 * Math.PI * i) / partners.length - Math.PI / 2;
          const x = c + r * Math.cos(a);
          const y = c + r * Math.sin(a);
          const anchor = Math.abs(Math.cos(a)) < 0.2 ? 'middle' : Math.cos(a) > 0 ? 'start' : 'end';
          return (
            <g key={p.locality.code}>
              <line
                x1={c}
                y1={c}
                x2={x}
                y2={y}
                className="edge"
                strokeWidth={1 + (3 * p.agreements) / maxA}
              />
              <Link to={`/localities/${encodeURIComponent(p.locality.code)}`}>
                <circle cx={x} cy={y} r={7} className={`node node-${p.locality.country}`} />
                <text
                  x={x + Math.cos(a) * 11}
                  y={y + Math.sin(a) * 11 + 4}
                  textAnchor={anchor}
                  className="node-label"
                >
                  {text(p.locality.name)}
                </text>
                <title>{`${text(p.locality.name)}: ${t('locality.agreementCount', { n: num(p.agreements) })}`}</title>
              </Link>
            </g>
          );
        })}
        <circle cx={c} cy={c} r={11} className={`node node-${center.country} center`} />
        <text x={c} y={c - 16} textAnchor="middle" className="node-label strong">
          {text(center.name)}
        </text>
      </svg>
    </figure>
  );
}

/**
 * The whole country pair as a bipartite graph: Vietnamese localities in the left column,
 * Japanese on the right, sorted by number of partners, one line per partnership.
 */
export function PairGraph({ edges }: { edges: Edge[] }) {
  const { t, text, num } = useLang();
  const [focus, setFocus] = useState<string | null>(null);
  const degree = new Map<string, number>();
  const nodes = new Map<string, LocalitySummary>();
  for (const e of edges) {
    for (const l of [e.vn, e.jp]) {
      nodes.set(l.code, l);
      degree.set(l.code, (degree.get(l.code) ?? 0) + 1);
    }
  }
  const column = (country: string) =>
    [...nodes.values()]
      .filter((l) => l.country === country)
      .sort((a, b) => (degree.get(b.code) ?? 0) - (degree.get(a.code) ?? 0) || a.code.localeCompare(b.code));
  const label = distinctLabels([...nodes.values()], text, t);
  const vn = column('VN');
  const jp = column('JP');
  const rowH = 18;
  const h = Math.max(vn.length, jp.length) * rowH + 40;
  const w = 640;
  const xL = 200;
  const xR = w - 200;
  const y = new Map<string, number>();
  // Centre the shorter column against the longer one.
  const rows = Math.max(vn.length, jp.length);
  for (const col of [vn, jp]) {
    col.forEach((l, i) => {
      y.set(l.code, 30 + i * rowH + ((rows - col.length) * rowH) / 2);
    });
  }
  const lit = (e: Edge) => focus === null || focus === e.vn.code || focus === e.jp.code;
  const node = (l: LocalitySummary, x: number, anchor: 'start' | 'end') => (
    <Link
      key={l.code}
      to={`/localities/${encodeURIComponent(l.code)}`}
      onMouseEnter={() => setFocus(l.code)}
      onMouseLeave={() => setFocus(null)}
      onFocus={() => setFocus(l.code)}
      onBlur={() => setFocus(null)}
    >
      <circle cx={x} cy={y.get(l.code)} r={5} className={`node node-${l.country}`} />
      <text
        x={anchor === 'end' ? x - 9 : x + 9}
        y={(y.get(l.code) ?? 0) + 4}
        textAnchor={anchor}
        className="node-label"
      >
        {label.get(l.code)}
      </text>
    </Link>
  );
  return (
    <figure className="graph">
      <svg viewBox={`0 0 ${w} ${h}`}>
        <title>{t('network.pairLabel', { n: num(edges.length) })}</title>
        <text x={xL} y={14} textAnchor="end" className="node-label strong">
          {t('country.VN')}
        </text>
        <text x={xR} y={14} className="node-label strong">
          {t('country.JP')}
        </text>
        {edges.map((e) => (
          <line
            key={`${e.vn.code}-${e.jp.code}`}
            x1={xL}
            y1={y.get(e.vn.code)}
            x2={xR}
            y2={y.get(e.jp.code)}
            className={lit(e) ? 'edge' : 'edge dim'}
            strokeWidth={Math.min(5, e.agreements)}
          >
            <title>{`${label.get(e.vn.code)} – ${label.get(e.jp.code)}: ${num(e.agreements)}`}</title>
          </line>
        ))}
        {vn.map((l) => node(l, xL, 'end'))}
        {jp.map((l) => node(l, xR, 'start'))}
      </svg>
    </figure>
  );
}
