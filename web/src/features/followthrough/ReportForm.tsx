import { type FormEvent, useId, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { ErrorNote, Name } from '../../components/common.tsx';
import { Percent, StateBadge, useFt } from './parts.tsx';
import { MILESTONE_STATUSES, type ProjectPageData, type Saved, type Side } from './types.ts';

interface Line {
  status: string;
  progress: string;
  comment: string;
}

/** The side's latest version for the period (a draft or the last submitted), to start from. */
function startingLines(p: ProjectPageData, side: Side, period: string, lang: string): Record<string, Line> {
  const mine = p.reports
    .filter((r) => r.side === side && r.period === period)
    .sort((a, b) => b.version - a.version || (a.state === 'draft' ? -1 : 1))[0];
  const out: Record<string, Line> = {};
  for (const m of p.milestones) {
    const l = mine?.milestones.find((x) => x.milestone === m.id);
    out[m.id] = {
      status: l?.status ?? m.status,
      progress: l ? String(l.progress) : '0',
      comment: l?.comment[lang] ?? '',
    };
  }
  return out;
}

/**
 * One side's report for a period: per milestone its status, progress and a comment (in the
 * editor's language, marked original). Saving a draft replaces the side's draft; submitting
 * after a submitted report makes a new version (a correction); the old ones stay readable.
 */
export function ReportForm({
  p,
  sides,
  saved,
  onSaved,
}: {
  p: ProjectPageData;
  sides: Side[];
  /** The last answer, kept by the page: the form is drawn again when the project is read again. */
  saved: Saved | null;
  onSaved: (saved: Saved | null) => void;
}) {
  const { t, lang } = useFt();
  const id = useId();
  const periods = p.cycle.periods;
  const today = new Date().toISOString().slice(0, 10);
  const [side, setSide] = useState<Side>(sides[0]);
  const [period, setPeriod] = useState(
    [...periods].reverse().find((x) => x.startsOn <= today)?.id ?? periods[0]?.id ?? '',
  );
  const [lines, setLines] = useState(() => startingLines(p, sides[0], period, lang));
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const restart = (s: Side, per: string) => {
    setSide(s);
    setPeriod(per);
    setLines(startingLines(p, s, per, lang));
  };
  const set = (m: string, k: keyof Line, v: string) => setLines({ ...lines, [m]: { ...lines[m], [k]: v } });
  const send = async (state: 'draft' | 'submitted') => {
    setError(null);
    onSaved(null);
    try {
      const { data } = await api<Saved>(`/api/projects/${encodeURIComponent(p.id)}/reports`, {
        method: 'POST',
        body: {
          period,
          side,
          state,
          text: text ? { [lang]: { text, status: 'original' } } : {},
          milestones: p.milestones
            .filter((m) => m.status !== 'cancelled')
            .map((m) => ({
              milestone: m.id,
              status: lines[m.id].status,
              progress: lines[m.id].status === 'met' ? 100 : Number(lines[m.id].progress) || 0,
              comment: lines[m.id].comment ? { [lang]: lines[m.id].comment } : {},
            })),
        },
      });
      onSaved(data);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send('submitted');
  };
  return (
    <form className="form" onSubmit={submit} aria-describedby={`${id}-help`}>
      <p id={`${id}-help`} className="muted small">
        {t('report.help')}
      </p>
      {sides.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-side`}>{t('report.side')}</label>
          <select id={`${id}-side`} value={side} onChange={(e) => restart(e.target.value as Side, period)}>
            {sides.map((s) => (
              <option key={s} value={s}>
                {t(`side.${s}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {sides.length === 1 && <p>{t('report.asSide', { side: t(`side.${side}`) })}</p>}
      <div className="field">
        <label htmlFor={`${id}-period`}>{t('report.period')}</label>
        <select id={`${id}-period`} value={period} onChange={(e) => restart(side, e.target.value)}>
          {periods.map((x) => (
            <option key={x.id} value={x.id}>
              {x.id}
            </option>
          ))}
        </select>
      </div>
      <ul className="ft-milestone-lines">
        {p.milestones
          .filter((m) => m.status !== 'cancelled')
          .map((m, i) => (
            <li key={m.id}>
              <fieldset data-line={m.id}>
                <legend>
                  <Name value={m.title} />
                </legend>
                <div className="field">
                  <label htmlFor={`${id}-st${i}`}>{t('report.status')}</label>
                  <select
                    id={`${id}-st${i}`}
                    name={`status-${m.id}`}
                    value={lines[m.id].status}
                    onChange={(e) => set(m.id, 'status', e.target.value)}
                  >
                    {MILESTONE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`status.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field narrow">
                  <label htmlFor={`${id}-pr${i}`}>{t('report.progress')}</label>
                  <input
                    id={`${id}-pr${i}`}
                    name={`progress-${m.id}`}
                    type="number"
                    min="0"
                    max="100"
                    step="1"
                    inputMode="numeric"
                    value={lines[m.id].status === 'met' ? '100' : lines[m.id].progress}
                    disabled={lines[m.id].status === 'met'}
                    onChange={(e) => set(m.id, 'progress', e.target.value)}
                  />
                </div>
                <div className="field wide">
                  <label htmlFor={`${id}-c${i}`}>{t('report.comment')}</label>
                  <input
                    id={`${id}-c${i}`}
                    lang={lang}
                    value={lines[m.id].comment}
                    onChange={(e) => set(m.id, 'comment', e.target.value)}
                  />
                </div>
              </fieldset>
            </li>
          ))}
      </ul>
      <div className="field wide">
        <label htmlFor={`${id}-text`}>{t('report.text')}</label>
        <textarea id={`${id}-text`} lang={lang} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field buttons">
        <button type="button" className="secondary" onClick={() => void send('draft')}>
          {t('report.saveDraft')}
        </button>
        <button type="submit">{t('report.submit')}</button>
      </div>
      {error && <ErrorNote error={error} />}
      {saved && (
        <p role="status" data-saved-state={saved.figure.state}>
          {saved.report.state === 'draft' ? t('report.draftSaved') : t('report.submitted')}{' '}
          {t('report.joint')} <StateBadge state={saved.figure.state} />{' '}
          <Percent value={saved.figure.progress} />
        </p>
      )}
    </form>
  );
}
