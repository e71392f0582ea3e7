import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types of the Kysely query layer. Booleans are stored as integers 0/1 and timestamps as
 * ISO-8601 text on both engines, so that SQLite and PostgreSQL give byte-identical answers.
 */
export interface LocalitiesTable {
  code: string;
  country: string;
  kind: string;
  parent_code: string | null;
  name_vi: string | null;
  name_ja: string | null;
  name_en: string | null;
  admin_center: string | null;
  admin_center_vi: string | null;
  admin_center_ja: string | null;
  lat: number | null;
  lon: number | null;
  merged_from: string; // JSON array of former unit names (Vietnamese)
  sources: string; // JSON array of { url, note }
  version: number;
  created_at: string;
  updated_at: string;
}

export interface OrganizationsTable {
  id: string;
  kind: string;
  locality_code: string;
  country: string;
  name_vi: string | null;
  name_ja: string | null;
  name_en: string | null;
  sort_name: string;
  website: string | null;
  description: string; // JSON LocalizedText
  synthetic: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface OrganizationSectorsTable {
  organization_id: string;
  code: string;
}

export interface AgreementsTable {
  id: string;
  kind: string;
  kind_detail: string | null;
  title_vi: string | null;
  title_ja: string | null;
  title_en: string | null;
  signed_on: string | null;
  signed_precision: string | null;
  /** signed_on or '' so that keyset pagination never meets NULL ordering differences. */
  signed_sort: string;
  valid_until: string | null;
  status: string;
  /** 1: `status` was stated by a source or an editor; 0: derived from valid_until and renewals. */
  status_stated: number;
  renews_id: string | null;
  supersedes_id: string | null;
  fields_reported: string | null;
  sources: string; // JSON array of { url, note }
  note: string | null;
  synthetic: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AgreementPartiesTable {
  agreement_id: string;
  position: number;
  party_type: string; // 'locality' | 'organization'
  locality_code: string | null;
  organization_id: string | null;
  note: string | null;
}

export interface AgreementFieldsTable {
  agreement_id: string;
  code: string;
}

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  role: string;
  scopes: string; // JSON array of locality codes / organisation ids
  must_change_password: number;
  disabled: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  account_key: string;
  address_key: string;
  at: string;
  success: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

export interface SearchTermsTable {
  entity_type: string;
  term: string;
  entity_id: string;
}

export interface DataVersionTable {
  id: number;
  version: number;
}

export interface ProfilesTable {
  owner_id: string;
  owner_type: string; // 'locality' | 'organization'
  offers: string; // JSON array of texts, any language
  needs: string; // JSON array of texts
  priorities: string; // JSON array of sector codes
  starter: number;
  basis: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  localities: LocalitiesTable;
  organizations: OrganizationsTable;
  organization_sectors: OrganizationSectorsTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  agreement_fields: AgreementFieldsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  search_terms: SearchTermsTable;
  data_version: DataVersionTable;
  profiles: ProfilesTable;
  meta: MetaTable;
}

export type LocalityRow = Selectable<LocalitiesTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type AgreementRow = Selectable<AgreementsTable>;
export type AgreementPartyRow = Selectable<AgreementPartiesTable>;
export type UserRow = Selectable<UsersTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type AgreementUpdate = Updateable<AgreementsTable>;
