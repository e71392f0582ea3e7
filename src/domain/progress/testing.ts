/** Small builders of exchange records for tests and examples. */
import type { ExchangeMilestone, ExchangeProject } from './exchange.ts';

export function buildMilestone(over: Partial<ExchangeMilestone> = {}): ExchangeMilestone {
  return {
    id: 'ms-1',
    externalId: null,
    title: { en: 'Pilot farm opened', vi: 'Khai trương trang trại thí điểm', ja: '実証農場の開設' },
    due: '2026-12-31',
    weight: 1,
    status: 'scheduled',
    metOn: null,
    evidence: [],
    reports: {},
    ...over,
  };
}

export function buildProject(over: Partial<ExchangeProject> = {}): ExchangeProject {
  return {
    id: 'prj-1',
    externalId: null,
    cycle: 'cycle-2026',
    priorityField: 'agriculture.high_tech',
    lifecycle: 'implementation',
    title: { en: 'Smart rice farming', vi: 'Canh tác lúa thông minh', ja: 'スマート稲作' },
    description: {},
    parties: [
      { role: 'lead', ref: 'VN-HANOI' },
      { role: 'partner', ref: 'JP-27' },
    ],
    comesFrom: [],
    plannedStart: '2026-04-01',
    plannedEnd: '2027-09-30',
    actualStart: null,
    actualEnd: null,
    weight: 1,
    period: null,
    reportedOn: {},
    published: null,
    milestones: [buildMilestone()],
    ...over,
  };
}
