import type { ReactNode } from 'react';
import { Badge } from '../../components/common.tsx';
import { useLang } from '../../i18n/format.ts';
import './followthrough.css';

export const useFt = () => useLang('followthrough');

/** A published figure: "45.5 %", or "no figure" when there is none. */
export function Percent({ value }: { value: number | null | undefined }) {
  const { t, lang } = useFt();
  if (value === null || value === undefined) return <span className="muted">{t('figure.none')}</span>;
  return <>{new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)} %</>;
}

/** A bar for a figure, with the number beside it (the bar alone says nothing to a screen reader). */
export function ProgressBar({ value }: { value: number | null | undefined }) {
  return (
    <span className="ft-progress">
      <span className="ft-track" aria-hidden="true">
        <span className="ft-fill" style={{ width: `${Math.max(0, Math.min(100, value ?? 0))}%` }} />
      </span>
      <span className="ft-value">
        <Percent value={value} />
      </span>
    </span>
  );
}

/** "3 of 4 milestones with data · rule progress/1": every published figure says both. */
export function Coverage({
  coverage,
  rule,
}: {
  coverage: { milestones: number; withData: number };
  rule: string;
}) {
  const { t, num } = useFt();
  return (
    <span className="muted small ft-coverage">
      {t('figure.coverage', { withData: num(coverage.withData), milestones: num(coverage.milestones) })} ·{' '}
      {t('figure.rule', { rule })}
    </span>
  );
}

export function StateBadge({ state }: { state: string }) {
  const { t } = useFt();
  return <Badge kind={`ft-${state}`}>{t(`state.${state}`)}</Badge>;
}

export function HealthBadge({ health }: { health: string }) {
  const { t } = useFt();
  return <Badge kind={`ft-${health}`}>{t(`health.${health}`)}</Badge>;
}

export function SyntheticNote({ synthetic }: { synthetic: boolean }) {
  const { t } = useFt();
  if (!synthetic) return null;
  return (
    <p>
      <Badge kind="synthetic">{t('synthetic')}</Badge>
    </p>
  );
}

export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="ft-section">
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}
