import type { z } from 'zod';
import type {
  ApiToken as ApiTokenSchema,
  TokenCreate as TokenCreateSchema,
  User as UserRecord,
} from '../../../src/features/accounts/schemas.ts';
import type {
  Agreement,
  AgreementDetail as AgreementDetailSchema,
  AgreementSummary,
} from '../../../src/features/agreements/schemas.ts';
import type {
  LocalityDetail as LocalityDetailSchema,
  OrganizationDetail as OrganizationDetailSchema,
  Stats as StatsSchema,
} from '../../../src/features/atlas/schemas.ts';
import type { AuditEntry as AuditEntrySchema } from '../../../src/features/audit/service.ts';
import type { Locality, LocalitySummary } from '../../../src/features/localities/schemas.ts';
import type { Organization, OrganizationSummary } from '../../../src/features/organizations/schemas.ts';
import type {
  Matches as MatchesSchema,
  MatchReason as MatchReasonSchema,
  Profile,
} from '../../../src/features/profiles/schemas.ts';
import type { CountryCode, LocalizedText, pageOf } from '../../../src/features/shared/schemas.ts';
import type { Job } from '../../../src/platform/jobs/schemas.ts';

// Record and page types are the server's zod response schemas, inferred (type-only imports:
// nothing of the server reaches the bundle). The pages that gather several features answer
// with `src/features/atlas/schemas.ts`.
export type {
  Agreement,
  AgreementSummary,
  Locality,
  LocalitySummary,
  Organization,
  OrganizationSummary,
  Profile,
};
/** `GET /api/matches`: the profile asked about and its ranked partners with their reasons. */
export type Matches = z.infer<typeof MatchesSchema>;
export type MatchReason = z.infer<typeof MatchReasonSchema>;

export type Lang = 'vi' | 'ja' | 'en';
export type { LocalizedText };
export type Country = z.infer<typeof CountryCode>;
export type Party = Agreement['parties'][number];
/** An account as `/api/auth/me`, sign-in and `/api/users` answer it. */
export type User = UserRecord;

/** A page of a cursor list (`pageOf` on the server). */
export type Page<T> = Omit<z.infer<ReturnType<typeof pageOf>>, 'items'> & { items: T[] };

/** `GET /api/agreements/{id}`. */
export type AgreementDetail = z.infer<typeof AgreementDetailSchema>;
/** `GET /api/organizations/{id}`. */
export type OrganizationDetail = z.infer<typeof OrganizationDetailSchema>;
/** `GET /api/localities/{code}`: the newest agreements and first organisations, as summaries; the list endpoints continue them. */
export type LocalityDetail = z.infer<typeof LocalityDetailSchema>;
/** `GET /api/stats`. */
export type Stats = z.infer<typeof StatsSchema>;

/** `GET /api/audit` items. `entityType` is a string: the reference load records `reference`. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
/** `GET /api/tokens` items (the secret comes only in the answer that created the token). */
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type TokenCreate = z.input<typeof TokenCreateSchema>;
/** A background job as `GET /api/admin/jobs/{id}` answers it. */
export type { Job };

export const AGREEMENT_KINDS = [
  'friendship',
  'mou',
  'cooperation_agreement',
  'protocol',
  'joint_statement',
  'letter_of_intent',
  'other',
] as const;
export const AGREEMENT_STATUSES = ['in_force', 'expired', 'renewed', 'planned'] as const;
export const ORGANIZATION_KINDS = ['government', 'company', 'association', 'university', 'other'] as const;
export const LOCALITY_KINDS = ['province', 'city', 'prefecture', 'municipality'] as const;
