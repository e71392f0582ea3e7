import { useEffect, useMemo, useState } from 'react';
import { sectorLabel } from '../../../../src/domain/sectors.ts';
import { api, useApi } from '../../api/client.ts';
import type { Locality, LocalizedText, Page } from '../../api/types.ts';
import type { Params } from '../../app/routes.ts';
import { BarList } from '../../components/Charts.tsx';
import { Async, Name, PageTitle } from '../../components/common.tsx';
import type { Pair } from '../../lib/pairs.ts';
import { VnJpMap } from '../../map/VnJpMap.tsx';
import { Link, useRouter, withQuery } from '../../router.tsx';
import { EditorPanel } from './EditorPanel.tsx';
import {
  Coverage,
  HealthBadge,
  Percent,
  ProgressBar,
  Section,
  StateBadge,
  SyntheticNote,
  useFt,
} from './parts.tsx';
import { type Dashboard, type DashboardProject, HEALTHS, projectPath, STATES } from './types.ts';

/** Every locality (for names and the map), walked page by page; a few pages at most. */
function useLocalities(): Locality[] {
  const [list, setList] = useState<Locality[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    void (async () => {
      const out: Locality[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const url = withQuery('/api/localities', { limit: 200, cursor });
        const { data }: { data: Page<Locality> } = await api<Page<Locality>>(url, { signal: ctl.signal });
        out.push(...data.items);
        cursor = data.nextCursor;
        if (!cursor) break;
      }
      setList(out);
    })().catch(() => undefined);
    return () => ctl.abort();
  }, []);
  return list;
}

function ProjectCard({ p }: { p: DashboardProject }) {
  const { t, lang } = useFt();
  return (
    <li className="card" data-project={p.id}>
      <h3>
        <Link to={projectPath(p.id)}>
          <Name value={p.title} />
        </Link>
      </h3>
      <p className="meta">
        <StateBadge state={p.state} /> <HealthBadge health={p.health} />{' '}
        <span>{t(`lifecycle.${p.lifecycle}`)}</span>
        {p.priorityField && <span className="fields">{sectorLabel(p.priorityField.sector, lang)}</span>}
      </p>
      <p>
        <ProgressBar value={p.progress} />
      </p>
      <div className="ft-sides">
        {(['vn', 'jp'] as const).map((s) => (
          <p key={s}>
            <span className="muted">{t(`side.${s}`)}:</span>{' '}
            {p.sides[s] ? <Percent value={p.sides[s]?.progress} /> : t('figure.notReported')}
          </p>
        ))}
      </div>
      <p className="parties muted small">
        {p.parties.map((x) => x.name[lang] ?? x.name.en ?? '').join(' – ')}
      </p>
      <Coverage coverage={p.coverage} rule={p.rule} />
    </li>
  );
}

function DashboardBody({ d, localities }: { d: Dashboard; localities: Locality[] }) {
  const { t, lang, num, date, text } = useFt();
  const { navigate } = useRouter();
  const [shownState, setShownState] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const names = useMemo(() => new Map(localities.map((l) => [l.code, l.name])), [localities]);
  const localityName = (code: string): LocalizedText => names.get(code) ?? { en: code };
  // The map: a line for each pair of a Vietnamese and a Japanese locality that share a project.
  const { pairs, placed } = useMemo(() => {
    const byCode = new Map(localities.map((l) => [l.code, l]));
    const seen = new Map<string, Pair>();
    for (const p of d.projects) {
      const vn = p.parties.filter((x) => x.side === 'vn' && x.locality).map((x) => x.locality as string);
      const jp = p.parties.filter((x) => x.side === 'jp' && x.locality).map((x) => x.locality as string);
      for (const a of vn)
        for (const b of jp) {
          const la = byCode.get(a);
          const lb = byCode.get(b);
          if (la && lb && !seen.has(`${a}|${b}`)) seen.set(`${a}|${b}`, { vn: la, jp: lb, agreements: [] });
        }
    }
    const codes = new Set([...seen.values()].flatMap((p) => [p.vn.code, p.jp.code]));
    // Parents too, so a municipality without coordinates is drawn at its prefecture's.
    for (const c of [...codes]) {
      const parent = byCode.get(c)?.parentCode;
      if (parent) codes.add(parent);
    }
    return { pairs: [...seen.values()], placed: localities.filter((l) => codes.has(l.code)) };
  }, [d.projects, localities]);
  const shown = d.projects.filter((p) => !shownState || p.state === shownState);
  const pair = hover ?? selected;
  return (
    <>
      <SyntheticNote synthetic={d.cycle.synthetic} />
      <p>
        {date(d.cycle.startsOn)} – {date(d.cycle.endsOn)}
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="ft-period">{t('dash.period')}</label>
          <select
            id="ft-period"
            value={d.period.id}
            onChange={(e) => navigate(withQuery(window.location.pathname, { period: e.target.value }))}
          >
            {d.cycle.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {t('dash.periodOption', { id: p.id, from: date(p.startsOn), to: date(p.endsOn) })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Section id="ft-total" title={t('dash.total')}>
        <p className="ft-big">
          <Percent value={d.total.progress} />
        </p>
        <Coverage coverage={d.total.coverage} rule={d.total.rule} />
        <p className="muted small">{t('dash.asOf', { date: date(d.today) })}</p>
        <h3>{t('dash.glance')}</h3>
        <ul className="ft-glance">
          {STATES.map((s) => (
            <li key={s} data-state={s}>
              <strong>{num(d.counts.byState[s] ?? 0)}</strong>
              <StateBadge state={s} />
            </li>
          ))}
        </ul>
        <h3>{t('dash.health')}</h3>
        <ul className="ft-glance">
          {HEALTHS.map((h) => (
            <li key={h} data-health={h}>
              <strong>{num(d.counts.byHealth[h] ?? 0)}</strong>
              <HealthBadge health={h} />
            </li>
          ))}
        </ul>
      </Section>
      <Section id="ft-charts" title={t('dash.charts')}>
        <BarList
          title={t('dash.byFieldProgress')}
          bars={Object.entries(d.byField)
            .map(([code, f]) => ({ key: code, label: sectorLabel(code, lang), value: f.progress ?? 0 }))
            .sort((a, b) => b.value - a.value)}
        />
        <BarList
          title={t('dash.byFieldCount')}
          bars={Object.entries(d.counts.byField)
            .map(([code, n]) => ({
              key: code,
              label: code === '(none)' ? t('dash.noField') : sectorLabel(code, lang),
              value: n,
            }))
            .sort((a, b) => b.value - a.value)}
        />
        <BarList
          title={t('dash.byLifecycle')}
          bars={Object.entries(d.counts.byLifecycle).map(([k, n]) => ({
            key: k,
            label: t(`lifecycle.${k}`),
            value: n,
          }))}
        />
      </Section>
      <Section id="ft-map" title={t('dash.map')}>
        {placed.length > 0 ? (
          <div className="map-wrap">
            <VnJpMap
              localities={placed}
              pairs={pairs}
              selected={selected}
              onSelect={setSelected}
              hover={hover}
              onHover={setHover}
            />
            <p className="muted small" role="status">
              {pair !== null && pairs[pair]
                ? `${text(pairs[pair].vn.name)} – ${text(pairs[pair].jp.name)}`
                : t('dash.mapSummary', { pairs: num(pairs.length) })}
            </p>
          </div>
        ) : (
          <p className="muted">{t('dash.mapEmpty')}</p>
        )}
      </Section>
      <Section id="ft-localities" title={t('dash.localities')}>
        <div className="ft-table-wrap">
          <table className="ft-table">
            <thead>
              <tr>
                <th scope="col">{t('dash.locality')}</th>
                <th scope="col">{t('dash.fields')}</th>
                <th scope="col">{t('dash.projects')}</th>
                <th scope="col">{t('dash.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(d.localities)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([code, l]) => (
                  <tr key={code}>
                    <th scope="row">
                      <Link to={`/localities/${encodeURIComponent(code)}`}>
                        <Name value={localityName(code)} />
                      </Link>
                    </th>
                    <td>
                      {[...l.priorityFields]
                        .sort((a, b) => a.rank - b.rank)
                        .map((f) => sectorLabel(f.sector, lang))
                        .join(' · ') || t('dash.noFields')}
                    </td>
                    <td>{num(l.projects)}</td>
                    <td>
                      <Percent value={d.byLocality[code]?.progress} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section id="ft-projects" title={t('dash.projectsTitle', { n: num(d.projects.length) })}>
        <div className="filters">
          <div className="field">
            <label htmlFor="ft-state">{t('dash.showState')}</label>
            <select id="ft-state" value={shownState} onChange={(e) => setShownState(e.target.value)}>
              <option value="">{t('dash.allStates')}</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`state.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ul className="cards">
          {shown.map((p) => (
            <ProjectCard key={p.id} p={p} />
          ))}
        </ul>
      </Section>
      <EditorPanel cycle={d.cycle} />
    </>
  );
}

/** The public dashboard of one follow-through cycle. */
export function DashboardPage({ params }: { params: Params }) {
  const { t, text } = useFt();
  const { search } = useRouter();
  const period = search.get('period');
  const state = useApi<Dashboard>(withQuery(`/api/cycles/${encodeURIComponent(params.id)}`, { period }));
  const localities = useLocalities();
  return (
    <section>
      <PageTitle>{state.data ? text(state.data.cycle.title) : t('cycles.title')}</PageTitle>
      <Async state={state}>{(d) => <DashboardBody d={d} localities={localities} />}</Async>
    </section>
  );
}
