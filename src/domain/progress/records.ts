/**
 * The words of follow-through records (../shared/specs/follow-through.md, "Records") that the
 * exchange CSV and the IATI export share. The lifecycle and the party roles are the IATI
 * standard's (src/domain/iati/codes.ts maps them to its codes).
 */
import type { Lang } from '../sectors.ts';

export const PROJECT_LIFECYCLES = [
  'pipeline',
  'implementation',
  'finalisation',
  'closed',
  'cancelled',
  'suspended',
] as const;
export type ProjectLifecycle = (typeof PROJECT_LIFECYCLES)[number];

export const PARTY_ROLES = ['lead', 'partner', 'funding', 'implementing'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** What a project comes from: an agreement of the atlas, a forum meeting, another project. */
export const ORIGIN_KINDS = ['agreement', 'meeting', 'project'] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];

/** Free text per language; a language without text is absent, never an empty string. */
export type Texts = Partial<Record<Lang, string>>;
