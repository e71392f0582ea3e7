import type { z } from 'zod';
import type {
  Cycle,
  CycleList,
  Note,
  NoteList,
  Project,
  PublishedFigure,
  Report,
  SavedReport,
} from '../../../../src/features/followthrough/schemas.ts';

// The server's answer schemas (type-only: nothing of the server reaches the bundle).
export type Dashboard = z.infer<typeof Cycle>;
export type Cycles = z.infer<typeof CycleList>;
export type ProjectPageData = z.infer<typeof Project>;
export type Figure = z.infer<typeof PublishedFigure>;
export type ReportT = z.infer<typeof Report>;
export type NoteT = z.infer<typeof Note>;
export type Notes = z.infer<typeof NoteList>;
export type Saved = z.infer<typeof SavedReport>;
export type DashboardProject = Dashboard['projects'][number];
export type Side = 'vn' | 'jp';
export const SIDES: Side[] = ['vn', 'jp'];
export const STATES = ['agreed', 'disputed', 'oneSided', 'missing'] as const;
export const HEALTHS = ['onTrack', 'atRisk', 'late'] as const;
export const MILESTONE_STATUSES = ['scheduled', 'met', 'partiallyMet', 'notMet', 'cancelled'] as const;
export const LIFECYCLES = [
  'pipeline',
  'implementation',
  'finalisation',
  'closed',
  'cancelled',
  'suspended',
] as const;
export const ROLES = ['lead', 'partner', 'funding', 'implementing'] as const;

export const cyclePath = (id: string) => `/follow-through/${encodeURIComponent(id)}`;
export const projectPath = (id: string) => `/follow-through/projects/${encodeURIComponent(id)}`;
