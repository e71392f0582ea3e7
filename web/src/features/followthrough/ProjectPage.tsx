import { type FormEvent, useId, useState } from 'react';
import { sectorLabel } from '../../../../src/domain/sectors.ts';
import { ApiError, api, useApi } from '../../api/client.ts';
import type { Params } from '../../app/routes.ts';
import { Async, Badge, ErrorNote, Name, PageTitle } from '../../components/common.tsx';
import { FileUpload } from '../../components/FileUpload.tsx';
import { ZonedTime } from '../../components/ZonedTime.tsx';
import { Link } from '../../router.tsx';
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
import { ReportForm } from './ReportForm.tsx';
import {
  cyclePath,
  type Figure,
  type Notes,
  type ProjectPageData,
  projectPath,
  type ReportT,
  type Saved,
  SIDES,
  type Side,
} from './types.ts';

type Milestone = ProjectPageData['milestones'][number];

/** meeting → agreement → project → milestones → reports: where the project comes from and where it stands. */
function PathOf({ p }: { p: ProjectPageData }) {
  const { t, num, text } = useFt();
  const order = { meeting: 0, agreement: 1, project: 2 } as const;
  const origins = [...p.origins].sort((a, b) => order[a.kind] - order[b.kind]);
  const submitted = p.reports.filter((r) => r.state === 'submitted').length;
  return (
    <ol className="ft-path">
      {origins.map((o) => (
        <li key={`${o.kind}:${o.ref}`}>
          <span className="muted">{t(`origin.${o.kind}`)}:</span>{' '}
          {o.kind === 'agreement' ? (
            o.agreement ? (
              <Link to={`/agreements/${encodeURIComponent(o.agreement.id)}`}>
                <Name value={o.agreement.title} />
              </Link>
            ) : (
              o.ref
            )
          ) : o.kind === 'project' ? (
            <Link to={projectPath(o.ref)}>{o.project ? <Name value={o.project.title} /> : o.ref}</Link>
          ) : (
            <Link to={`/forums/${encodeURIComponent(o.ref.split('/')[0])}`}>{o.ref}</Link>
          )}
          {text(o.outcome) && (
            <>
              {' '}
              — <Name value={o.outcome} />
            </>
          )}
        </li>
      ))}
      <li aria-current="page">
        <span className="muted">{t('origin.this')}:</span> <Name value={p.title} />
      </li>
      <li>
        <a href="#ft-milestones">{t('path.milestones', { n: num(p.milestones.length) })}</a>
      </li>
      <li>
        <a href="#ft-reports">{t('path.reports', { n: num(submitted) })}</a>
      </li>
    </ol>
  );
}

function SideValue({ v }: { v: { status: string | null; value: number | null } }) {
  const { t } = useFt();
  if (!v.status) return <span className="muted">{t('figure.noData')}</span>;
  return (
    <>
      {t(`status.${v.status}`)} · <Percent value={v.value} />
    </>
  );
}

/** One period's joint figure, both sides' figures beside it, and where they differ. */
function FigureView({ f, milestones }: { f: Figure; milestones: Milestone[] }) {
  const { t, num } = useFt();
  const title = (id: string) => milestones.find((m) => m.id === id)?.title;
  return (
    <div className="card" data-period={f.period} data-state={f.state}>
      <h3>{t('figure.period', { period: f.period })}</h3>
      <p className="meta">
        <StateBadge state={f.state} /> <ProgressBar value={f.progress} />
      </p>
      <Coverage coverage={f.coverage} rule={f.rule} />
      <div className="ft-sides">
        {SIDES.map((s) => {
          const side = f.sides[s];
          return (
            <p key={s} data-side={s}>
              <span className="muted">{t(`side.${s}`)}:</span>{' '}
              {side ? (
                <>
                  <Percent value={side.progress} /> ({t('report.version', { n: num(side.version) })})
                </>
              ) : (
                t('figure.notReported')
              )}
            </p>
          );
        })}
      </div>
      {f.disputes.length > 0 && (
        <div className="ft-dispute">
          <h4>{t('figure.disputes', { n: num(f.disputes.length) })}</h4>
          <div className="ft-table-wrap">
            <table className="ft-table">
              <thead>
                <tr>
                  <th scope="col">{t('milestone.title')}</th>
                  <th scope="col">{t('side.vn')}</th>
                  <th scope="col">{t('side.jp')}</th>
                  <th scope="col">{t('figure.gap')}</th>
                </tr>
              </thead>
              <tbody>
                {f.disputes.map((d) => (
                  <tr key={d.milestone} data-dispute={d.milestone}>
                    <th scope="row">
                      <Name value={title(d.milestone)} />
                    </th>
                    <td>
                      <SideValue v={d.vn} />
                    </td>
                    <td>
                      <SideValue v={d.jp} />
                    </td>
                    <td>
                      {d.gap === null
                        ? '—'
                        : t('figure.points', { n: d.gap > 0 ? `+${d.gap}` : String(d.gap) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}

function EvidenceForms({ m, reload }: { m: Milestone; reload: () => void }) {
  const { t, lang } = useFt();
  const id = useId();
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/milestones/${encodeURIComponent(m.id)}/evidence`, {
        method: 'POST',
        body: { url, title: label ? { [lang]: label } : {} },
      });
      setUrl('');
      setLabel('');
      reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <details>
      <summary>{t('evidence.add')}</summary>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-u`}>{t('evidence.url')}</label>
          <input id={`${id}-u`} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-l`}>{t('evidence.label')}</label>
          <input id={`${id}-l`} lang={lang} value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field buttons">
          <button type="submit">{t('evidence.addLink')}</button>
        </div>
        {error && <ErrorNote error={error} />}
      </form>
      <FileUpload
        url={`/api/milestones/${encodeURIComponent(m.id)}/files`}
        label={t('evidence.file')}
        accept=".pdf,image/*"
        onUploaded={() => reload()}
      />
    </details>
  );
}

function MilestoneForm({ projectId, reload }: { projectId: string; reload: () => void }) {
  const { t, lang } = useFt();
  const id = useId();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [weight, setWeight] = useState('1');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/projects/${encodeURIComponent(projectId)}/milestones`, {
        method: 'POST',
        body: { title: { [lang]: title }, dueOn, weight: Number(weight) },
      });
      setTitle('');
      setDueOn('');
      reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('milestone.add')}</h3>
      <div className="field wide">
        <label htmlFor={`${id}-t`}>{t('milestone.title')}</label>
        <input id={`${id}-t`} lang={lang} required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-d`}>{t('milestone.due')}</label>
        <input id={`${id}-d`} type="date" required value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      </div>
      <div className="field narrow">
        <label htmlFor={`${id}-w`}>{t('milestone.weight')}</label>
        <input
          id={`${id}-w`}
          type="number"
          min="0.1"
          step="0.1"
          required
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
        />
      </div>
      <div className="field buttons">
        <button type="submit">{t('milestone.addButton')}</button>
      </div>
      {error && <ErrorNote error={error} />}
    </form>
  );
}

function Milestones({ p, reload }: { p: ProjectPageData; reload: () => void }) {
  const { t, num, date, text } = useFt();
  return (
    <>
      <ul className="cards">
        {p.milestones.map((m) => (
          <li key={m.id} className="card" data-milestone={m.id}>
            <h3>
              <Name value={m.title} />
            </h3>
            <p className="meta">
              <span>{t('milestone.dueOn', { date: date(m.dueOn) })}</span>
              <span>{t('milestone.weightIs', { n: num(m.weight) })}</span>
              <Badge kind={`ms-${m.status}`}>{t(`status.${m.status}`)}</Badge>
              {m.metOn && <span>{t('milestone.metOn', { date: date(m.metOn) })}</span>}
            </p>
            {m.evidence.length > 0 && (
              <ul>
                {m.evidence.map((e) => (
                  <li key={e.id}>
                    <a href={e.url ?? '#'} rel="noopener noreferrer" target="_blank">
                      {text(e.title) || (e.file ? t('evidence.document') : e.url)}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {p.actions?.update && <EvidenceForms m={m} reload={reload} />}
          </li>
        ))}
      </ul>
      {p.milestones.length === 0 && <p className="muted">{t('milestone.none')}</p>}
      {p.actions?.update && <MilestoneForm projectId={p.id} reload={reload} />}
    </>
  );
}

/** Every version of each side's reports, newest first; a correction is a new version, the old stay readable. */
function Reports({ p }: { p: ProjectPageData }) {
  const { t, num } = useFt();
  const title = (id: string) => p.milestones.find((m) => m.id === id)?.title;
  const sorted = [...p.reports].sort(
    (a, b) => b.period.localeCompare(a.period) || a.side.localeCompare(b.side) || b.version - a.version,
  );
  if (sorted.length === 0) return <p className="muted">{t('report.none')}</p>;
  return (
    <ul className="cards">
      {sorted.map((r: ReportT) => (
        <li key={r.id} className="card" data-report={`${r.period}:${r.side}:${r.version}`}>
          <details>
            <summary>
              {t('report.summary', {
                period: r.period,
                side: t(`side.${r.side}`),
                n: num(r.version),
              })}{' '}
              {r.state === 'draft' ? (
                <Badge kind="draft">{t('report.draft')}</Badge>
              ) : (
                r.submittedAt && (
                  <>
                    {t('report.submittedAt')} <ZonedTime at={r.submittedAt} />
                  </>
                )
              )}
              {r.version > 1 && r.state === 'submitted' && <> · {t('report.correction')}</>}
            </summary>
            <ul>
              {r.milestones.map((l) => (
                <li key={l.milestone}>
                  <Name value={title(l.milestone)} />: {t(`status.${l.status}`)} ·{' '}
                  <Percent value={l.progress} />
                  {Object.entries(l.comment).map(([lang, c]) =>
                    c ? (
                      <span key={lang}>
                        {' '}
                        — <span lang={lang}>{c}</span>
                      </span>
                    ) : null,
                  )}
                </li>
              ))}
            </ul>
            {Object.entries(r.text).map(([lang, x]) => (
              <div key={lang}>
                <p className="muted small">
                  {t('textStatus.lang', { lang: t(`lang.${lang}`), status: t(`textStatus.${x.status}`) })}
                </p>
                {/* Sanitised by the server (sanitizeHtml, no images) before it was stored. */}
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised report text */}
                <div lang={lang} dangerouslySetInnerHTML={{ __html: x.text }} />
              </div>
            ))}
          </details>
        </li>
      ))}
    </ul>
  );
}

function NotesPanel({ p, sides }: { p: ProjectPageData; sides: Side[] }) {
  const { t, lang } = useFt();
  const id = useId();
  const state = useApi<Notes>(`/api/projects/${encodeURIComponent(p.id)}/notes`);
  const [text, setText] = useState('');
  const [side, setSide] = useState<Side>(sides[0] ?? 'vn');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/projects/${encodeURIComponent(p.id)}/notes`, {
        method: 'POST',
        body: { side, text: { [lang]: text } },
      });
      setText('');
      state.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <>
      <Async state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('note.none')}</p>
          ) : (
            <ul className="cards">
              {items.map((n) => (
                <li key={n.id} className="card" data-note-side={n.side}>
                  <p className="muted small">
                    {t(`side.${n.side}`)} · <ZonedTime at={n.createdAt} />
                  </p>
                  {Object.entries(n.text).map(([l, x]) => (
                    <p key={l} lang={l}>
                      {x}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
      {sides.length > 0 && (
        <form className="form" onSubmit={submit}>
          {sides.length > 1 && (
            <div className="field">
              <label htmlFor={`${id}-side`}>{t('note.side')}</label>
              <select id={`${id}-side`} value={side} onChange={(e) => setSide(e.target.value as Side)}>
                {sides.map((s) => (
                  <option key={s} value={s}>
                    {t(`side.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field wide">
            <label htmlFor={`${id}-t`}>{t('note.write')}</label>
            <textarea
              id={`${id}-t`}
              lang={lang}
              required
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="field buttons">
            <button type="submit">{t('note.send')}</button>
          </div>
          {error && <ErrorNote error={error} />}
        </form>
      )}
    </>
  );
}

function ProjectBody({
  p,
  reload,
  saved,
  setSaved,
}: {
  p: ProjectPageData;
  reload: () => void;
  saved: Saved | null;
  setSaved: (s: Saved | null) => void;
}) {
  const { t, lang, date, text } = useFt();
  const latest = [...p.figures].reverse().find((f) => f.state !== 'missing') ?? p.figures.at(-1);
  const editor = p.actions && (p.actions.update || p.actions.reportAs.length > 0);
  return (
    <>
      <SyntheticNote synthetic={p.synthetic} />
      <p>
        <Link to={cyclePath(p.cycle.id)}>
          <Name value={p.cycle.title} />
        </Link>
      </p>
      {text(p.description) && (
        <p>
          <Name value={p.description} />
        </p>
      )}
      <p className="meta">
        <span>{t(`lifecycle.${p.lifecycle}`)}</span> <HealthBadge health={p.health.health} />
        {p.priorityField && <span className="fields">{sectorLabel(p.priorityField.sector, lang)}</span>}
        {(p.plannedStart || p.plannedEnd) && (
          <span>{t('project.planned', { from: date(p.plannedStart), to: date(p.plannedEnd) })}</span>
        )}
      </p>
      {latest && (
        <p>
          {t('project.latest')} <StateBadge state={latest.state} /> <ProgressBar value={latest.progress} />
        </p>
      )}
      <Section id="ft-parties" title={t('project.parties')}>
        <ul>
          {p.parties.map((x) => (
            <li key={`${x.role}:${x.locality ?? x.organization}`}>
              <span className={`flag flag-${x.side === 'vn' ? 'VN' : 'JP'}`}>{x.side.toUpperCase()}</span>{' '}
              {x.locality ? (
                <Link to={`/localities/${encodeURIComponent(x.locality)}`}>
                  <Name value={x.name} />
                </Link>
              ) : (
                <Link to={`/organizations/${encodeURIComponent(x.organization ?? '')}`}>
                  <Name value={x.name} />
                </Link>
              )}{' '}
              · {t(`role.${x.role}`)}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="ft-path" title={t('project.path')}>
        <PathOf p={p} />
      </Section>
      <Section id="ft-figures" title={t('project.figures')}>
        {p.figures.length === 0 ? (
          <p className="muted">{t('figure.noPeriod')}</p>
        ) : (
          <div className="cards">
            {[...p.figures].reverse().map((f) => (
              <FigureView key={f.period} f={f} milestones={p.milestones} />
            ))}
          </div>
        )}
      </Section>
      <Section id="ft-milestones" title={t('project.milestones')}>
        <Milestones p={p} reload={reload} />
      </Section>
      {p.actions && p.actions.reportAs.length > 0 && (
        <Section id="ft-report-form" title={t('report.formTitle')}>
          <ReportForm p={p} sides={p.actions.reportAs} saved={saved} onSaved={setSaved} />
        </Section>
      )}
      <Section id="ft-reports" title={t('project.reports')}>
        <Reports p={p} />
      </Section>
      {editor && (
        <Section id="ft-notes" title={t('project.notes')}>
          <NotesPanel p={p} sides={p.actions?.reportAs ?? []} />
        </Section>
      )}
    </>
  );
}

/** A project's public page; its editors also find their forms here. */
export function ProjectPage({ params }: { params: Params }) {
  const { t, text } = useFt();
  const state = useApi<ProjectPageData>(`/api/projects/${encodeURIComponent(params.id)}`);
  const [saved, setSaved] = useState<Saved | null>(null);
  return (
    <section>
      <PageTitle>{state.data ? text(state.data.title) : t('project.title')}</PageTitle>
      <Async state={state}>
        {(p) => <ProjectBody p={p} reload={state.reload} saved={saved} setSaved={setSaved} />}
      </Async>
    </section>
  );
}
