/** Records the follow-through tests share. */
export const CYCLE = {
  id: 'c2026',
  title: { en: 'Follow-through 2026–2027', vi: 'Theo dõi 2026–2027' },
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  periodMonths: 6,
  periods: [
    { id: '2026-H1', startsOn: '2026-01-01', endsOn: '2026-06-30' },
    { id: '2026-H2', startsOn: '2026-07-01', endsOn: '2026-12-31' },
  ],
};
