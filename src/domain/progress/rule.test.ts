import { describe, expect, it } from 'vitest';
import { scheduleHealth } from './health.ts';
import { rollUp, rollUpBy } from './rollup.ts';
import { PROGRESS_RULE_VERSION, projectProgress, publishedFigure, sideProgress } from './rule.ts';

const ms = [
  { id: 'a', weight: 1 },
  { id: 'b', weight: 3 },
  { id: 'c', weight: 2 },
];

describe('one side', () => {
  it('met counts 100 whatever the progress, unreported counts 0 as no data, cancelled is left out', () => {
    const f = sideProgress('vn', ms, {
      a: { status: 'met', progress: 10 },
      b: { status: 'cancelled', progress: 90 },
    });
    // a = 100 (weight 1), c = 0 no data (weight 2), b left out: 100 / 3
    expect(f.progress).toBeCloseTo(100 / 3, 12);
    expect(f.coverage).toEqual({ milestones: 2, withData: 1 });
    expect(f.milestones.find((m) => m.id === 'c')).toMatchObject({ counted: true, noData: true, value: 0 });
    expect(f.milestones.find((m) => m.id === 'b')).toEqual({ id: 'b', counted: false, reason: 'cancelled' });
    expect(f.rule).toBe(PROGRESS_RULE_VERSION);
  });

  it('is the weighted mean of the reported progress', () => {
    const f = sideProgress('jp', ms, {
      a: { status: 'scheduled', progress: 40 },
      b: { status: 'partiallyMet', progress: 60 },
      c: { status: 'notMet', progress: 10 },
    });
    expect(f.progress).toBeCloseTo((40 + 180 + 20) / 6, 12);
    expect(f.coverage).toEqual({ milestones: 3, withData: 3 });
  });

  it('has no figure when every milestone is cancelled, and names bad input', () => {
    expect(sideProgress('vn', [{ id: 'a', weight: 1, cancelled: true }], {}).progress).toBeNull();
    expect(() => sideProgress('vn', [{ id: 'a', weight: 0 }], {})).toThrow(/weight must be > 0/);
    expect(() => sideProgress('vn', ms, { a: { status: 'scheduled', progress: 101 } })).toThrow(
      /milestone a, side vn: progress must be within 0–100/,
    );
    expect(() => projectProgress([...ms, ms[0]], {})).toThrow(/appears twice/);
  });

  it('ignores report entries for milestones the project does not have', () => {
    const f = sideProgress('vn', ms, { zzz: { status: 'met', progress: 100 } });
    expect(f.progress).toBe(0);
    expect(f.coverage.withData).toBe(0);
  });
});

describe('the project', () => {
  const all = (status: 'scheduled' | 'met', progress: number) => ({
    a: { status, progress },
    b: { status, progress },
    c: { status, progress },
  });

  it('is missing when no side reported', () => {
    expect(projectProgress(ms, {})).toMatchObject({
      state: 'missing',
      progress: null,
      coverage: { milestones: 3, withData: 0 },
    });
  });

  it('is one-sided with that side’s figure', () => {
    const f = projectProgress(ms, { jp: all('scheduled', 30) });
    expect(f).toMatchObject({ state: 'oneSided', progress: 30, coverage: { milestones: 3, withData: 3 } });
    expect(f.sides.vn).toBeUndefined();
  });

  it('is agreed, the mean, with the same statuses and at most 15 points apart', () => {
    const f = projectProgress(ms, { vn: all('scheduled', 30), jp: all('scheduled', 45) });
    expect(f).toMatchObject({ state: 'agreed', progress: 37.5 });
    expect(f.differences).toEqual([]);
  });

  it('is disputed, the lower, beyond 15 points or with another status', () => {
    const far = projectProgress(ms, { vn: all('scheduled', 30), jp: all('scheduled', 45.5) });
    expect(far).toMatchObject({ state: 'disputed', progress: 30 });
    expect(far.differences.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    const status = projectProgress(ms, {
      vn: all('scheduled', 50),
      jp: { ...all('scheduled', 50), b: { status: 'partiallyMet', progress: 50 } },
    });
    expect(status).toMatchObject({ state: 'disputed', progress: 50 });
    expect(status.differences).toEqual([
      { id: 'b', vn: { status: 'scheduled', value: 50 }, jp: { status: 'partiallyMet', value: 50 } },
    ]);
  });

  it('counts a milestone one side did not report as a difference', () => {
    const { a, b } = all('met', 100);
    const f = projectProgress(ms, { vn: all('met', 100), jp: { a, b } });
    expect(f.state).toBe('disputed');
    expect(f.progress).toBeCloseTo(400 / 6, 12);
    expect(f.differences).toEqual([
      { id: 'c', vn: { status: 'met', value: 100 }, jp: { status: null, value: 0 } },
    ]);
    expect(f.coverage).toEqual({ milestones: 3, withData: 2 });
  });

  it('publishes one decimal', () => {
    expect(publishedFigure(100 / 3)).toBe(33.3);
    expect(publishedFigure(null)).toBeNull();
  });
});

describe('roll-up', () => {
  const fig = (state: 'agreed' | 'missing' | 'oneSided', progress: number | null, n = 4) => ({
    state,
    progress,
    coverage: { milestones: n, withData: state === 'missing' ? 0 : n },
  });

  it('is the weighted mean of projects, missing counting 0, cancelled left out', () => {
    const r = rollUp([
      { weight: 2, figure: fig('agreed', 90) },
      { weight: 1, figure: fig('missing', null) },
      { weight: 5, cancelled: true, figure: fig('agreed', 10) },
    ]);
    expect(r.progress).toBe(60);
    expect(r.coverage).toEqual({
      milestones: 8,
      withData: 4,
      projects: 2,
      states: { agreed: 1, disputed: 0, oneSided: 0, missing: 1 },
    });
    expect(r.rule).toBe(PROGRESS_RULE_VERSION);
    expect(rollUp([]).progress).toBeNull();
  });

  it('groups projects, one project in several groups', () => {
    const items = [
      { weight: 1, figure: fig('agreed', 80), localities: ['VN-HANOI', 'JP-27'] },
      { weight: 1, figure: fig('oneSided', 20), localities: ['JP-27'] },
    ];
    const by = rollUpBy(items, (i) => i.localities);
    expect(by.get('VN-HANOI')?.progress).toBe(80);
    expect(by.get('JP-27')?.progress).toBe(50);
  });
});

describe('schedule health', () => {
  const base = { lastReportOn: '2026-12-20', startedOn: '2026-07-01', periodMonths: 6 };

  it('is late when a milestone is past due and not met, whatever the progress', () => {
    const h = scheduleHealth({
      ...base,
      today: '2027-02-01',
      milestones: [
        { id: 'm1', dueOn: '2027-01-31', status: 'partiallyMet' },
        { id: 'm2', dueOn: '2027-01-15', status: 'met' },
        { id: 'm3', dueOn: '2027-01-15', status: 'cancelled' },
      ],
    });
    expect(h).toEqual({
      health: 'late',
      reasons: [{ kind: 'pastDue', milestone: 'm1', dueOn: '2027-01-31' }],
    });
  });

  it('is at risk with a milestone due within 30 days (due today included), on track at 31', () => {
    const at = (today: string) =>
      scheduleHealth({ ...base, today, milestones: [{ id: 'm', dueOn: '2027-03-31', status: 'scheduled' }] })
        .health;
    expect(at('2027-03-31')).toBe('atRisk');
    expect(at('2027-03-01')).toBe('atRisk');
    expect(at('2027-02-28')).toBe('onTrack');
    expect(at('2027-04-01')).toBe('late');
  });

  it('is at risk when the last report is older than one period', () => {
    const h = (today: string, lastReportOn: string | null) =>
      scheduleHealth({ ...base, today, lastReportOn, milestones: [] });
    expect(h('2027-06-20', '2026-12-20').health).toBe('onTrack');
    expect(h('2027-06-21', '2026-12-20')).toEqual({
      health: 'atRisk',
      reasons: [{ kind: 'staleReport', lastReportOn: '2026-12-20', expectedSince: '2026-12-21' }],
    });
    expect(h('2026-12-31', null).health).toBe('onTrack');
    expect(h('2027-01-02', null).health).toBe('atRisk');
  });

  it('refuses impossible dates and periods', () => {
    expect(() => scheduleHealth({ ...base, today: '2027-02-30', milestones: [] })).toThrow(/not a date/);
    expect(() => scheduleHealth({ ...base, today: '2027-02-01', periodMonths: 0, milestones: [] })).toThrow(
      /periodMonths/,
    );
  });
});
