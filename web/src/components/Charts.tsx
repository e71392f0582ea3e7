import { useLang } from '../i18n/format.ts';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

function Bars({ bars, max }: { bars: Bar[]; max: number }) {
  const { num } = useLang();
  return (
    <ul className="bar-list">
      {bars.map((b) => (
        <li key={b.key}>
          <span className="bar-label">{b.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(b.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">{num(b.value)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Horizontal bars: long, translated labels (sector names) read best on their own line. Only
 * the first `top` show at once, so the chart stays short on a phone; the rest fold out.
 */
export function BarList({ bars, title, top = 10 }: { bars: Bar[]; title: string; top?: number }) {
  const { t, num } = useLang();
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <Bars bars={bars.slice(0, top)} max={max} />
      {bars.length > top && (
        <details>
          <summary>{t('home.showAll', { n: num(bars.length) })}</summary>
          <Bars bars={bars.slice(top)} max={max} />
        </details>
      )}
    </figure>
  );
}

/** Columns per year as SVG; a table with the same numbers follows for screen readers. */
export function YearColumns({ data, title }: { data: { year: number; count: number }[]; title: string }) {
  const { t, num } = useLang();
  if (data.length === 0) return null;
  const sorted = [...data].sort((a, b) => a.year - b.year);
  const first = sorted[0].year;
  const last = sorted[sorted.length - 1].year;
  const byYear = new Map(sorted.map((d) => [d.year, d.count]));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const max = Math.max(1, ...sorted.map((d) => d.count));
  const w = 640;
  const h = 200;
  const pad = 24;
  const colW = (w - pad) / years.length;
  const labelEvery = Math.ceil(years.length / 10);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h + 20}`} role="img" aria-label={title} className="year-chart">
        {years.map((y, i) => {
          const c = byYear.get(y) ?? 0;
          const bh = (c / max) * (h - 16);
          return (
            <g key={y}>
              <rect
                x={pad + i * colW + 1}
                y={h - bh}
                width={Math.max(1, colW - 2)}
                height={bh}
                className="col"
              >
                <title>{`${y}: ${num(c)}`}</title>
              </rect>
              {(i % labelEvery === 0 || i === years.length - 1) && (
                <text x={pad + i * colW + colW / 2} y={h + 14} textAnchor="middle" className="axis">
                  {y}
                </text>
              )}
            </g>
          );
        })}
        <text x={0} y={12} className="axis">
          {num(max)}
        </text>
        <line x1={pad} x2={w} y1={h} y2={h} className="axis-line" />
      </svg>
      <details>
        <summary>{t('home.showTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('home.year')}</th>
              <th scope="col">{t('home.count')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((d) => (
              <tr key={d.year}>
                <td>{d.year}</td>
                <td>{num(d.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
