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
  /** JSON: which title languages are translations ({ "ja": "unofficial" }). */
  title_marks: string;
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
  must_change_password: number;
  disabled: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A role an account holds on one record (migration 0008_grants). */
export interface GrantsTable {
  id: string;
  user_id: string;
  role: string;
  record_type: string;
  record_id: string;
  granted_by: string | null;
  created_at: string;
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
  /** After this time the token opens nothing (0005_hardening; tokens made before it got 90 days). */
  expires_at: string | null;
  /** `read` (GET and HEAD only) or `write` (0005_hardening; tokens made before it: `write`). */
  scope: Generated<string>;
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

/** The version of one scope of data (0009): bumped by every change that touches it. */
export interface ChangeScopesTable {
  scope: string;
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
  /** The language the offers and needs were written in, when known. */
  lang: string | null;
  /** JSON: the offers and needs in other languages ({ "ja": { offers, needs, status } }). */
  translations: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ForumsTable {
  id: string;
  acronym: string;
  title: string; // JSON Texts
  theme: string;
  description: string;
  venue: string;
  host_code: string | null;
  zone: string;
  first_day: string;
  last_day: string;
  languages: string; // JSON ['vi', 'ja', …]
  capacity: number | null;
  state: string;
  synthetic: number;
  historical: number;
  organisers: string; // JSON Texts[] (named organising bodies)
  facts: string; // JSON [{ fact, sources }]
  sources: string; // JSON { id: { url, publisher, date } }
  /** Members a delegation may bring unless its own `member_limit` says otherwise. */
  delegation_size: Generated<number>;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ForumRoomsTable {
  id: string;
  forum_id: string;
  name: string;
  capacity: number | null;
  booths: string;
  sort: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ForumPeopleTable {
  id: string;
  forum_id: string;
  name_native: string | null;
  name_latin: string | null;
  position: string;
  party: string;
  sources: string;
  /** null for a speaker; a member belongs to one delegation. */
  delegation_id: string | null;
  /** Private: seen by organisers, the delegation's head and the person. */
  email: string | null;
  /** The language of the person's mail and agenda. */
  language: string | null;
  name_parts: string | null; // JSON { family: {native?, latin}, given: {native?, latin}, order }
  languages: string | null; // JSON ISO 639-1 codes
  dietary: string | null;
  accessibility: string | null;
  agenda: string | null; // JSON session ids the member chose
  calendar_token_hash: string | null;
  /** The code printed on the badge (random, 80 bits): what the check-in scans. Renewable. */
  badge_code: string | null;
  listed: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ForumDelegationsTable {
  id: string;
  forum_id: string;
  party_type: string; // 'locality' | 'organization'
  party_id: string;
  state: string;
  language: string;
  contact_email: string;
  head_user_id: string | null;
  member_limit: number | null;
  note: Generated<string>;
  waitlisted_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ForumInvitationsTable {
  id: string;
  forum_id: string;
  delegation_id: string;
  email: string;
  language: string;
  token_hash: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ForumSessionsTable {
  id: string;
  forum_id: string;
  slug: string;
  kind: string;
  title: string;
  abstract: string;
  themes: string;
  room_id: string | null;
  start_at: string;
  end_at: string;
  precision: string;
  part_of_day: string | null;
  floor_language: string | null;
  interpretation: string;
  speaker_ids: string;
  capacity: number | null;
  cancelled: number;
  sources: string;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ForumReleasesTable {
  forum_id: string;
  number: number;
  published_at: string;
  published_by: string | null;
  note: string;
  snapshot: string;
  changes: string;
}

/** A background job (src/platform/jobs). */
export interface JobsTable {
  id: string;
  kind: string;
  payload: string; // JSON, checked by the kind's schema when it runs
  unique_key: string | null;
  status: string; // 'queued' | 'running' | 'done' | 'failed' | 'cancelled'
  run_at: string;
  attempts: number;
  max_attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  progress: number | null;
  progress_note: string | null;
  cancel_requested: number;
  result: string | null; // JSON
  error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** One mail, rendered in its recipient's language when the change that caused it was made. */
export interface MailOutboxTable {
  id: string;
  message_id: string;
  to_address: string;
  language: string;
  template: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: string; // 'pending' | 'sending' | 'sent' | 'held' | 'failed'
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** One attempt to hand a mail to the SMTP server: written before, completed after. */
export interface MailDeliveriesTable {
  outbox_id: string;
  attempt: number;
  started_at: string;
  finished_at: string | null;
  outcome: string | null; // null while under way; 'sent' | 'temporary' | 'permanent' | 'unknown'
  response: string | null;
}

/** A stored upload (src/platform/storage); the bytes are under FILES_DIR. */
export interface FilesTable {
  id: string;
  owner_kind: string;
  owner_id: string | null;
  kind: string; // 'image' | 'document'
  mime: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  thumb_mime: string | null;
  thumb_size: number | null;
  original_name: string | null;
  created_by: string | null;
  created_at: string;
}

/** Follow-through (migration 0011_follow_through): a cycle and its reporting periods (JSON). */
export interface FtCyclesTable {
  id: string;
  forum_id: string | null;
  title: string;
  starts_on: string;
  ends_on: string;
  period_months: number;
  periods: string;
  limits: string;
  synthetic: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FtPriorityFieldsTable {
  cycle_id: string;
  locality_code: string;
  sector: string;
  rank: number;
  meaning: string;
  updated_at: string;
}

export interface FtProjectsTable {
  id: string;
  cycle_id: string;
  external_id: string | null;
  priority_locality: string | null;
  priority_sector: string | null;
  title: string;
  description: string;
  lifecycle: string;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  weight: number;
  synthetic: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FtProjectPartiesTable {
  project_id: string;
  position: number;
  role: string;
  locality_code: string | null;
  organization_id: string | null;
  side: string; // 'vn' | 'jp'
}

export interface FtProjectOriginsTable {
  project_id: string;
  position: number;
  kind: string; // 'agreement' | 'meeting' | 'project'
  ref: string;
  outcome: string;
}

export interface FtContactsTable {
  project_id: string;
  side: string;
  email: string;
  language: string;
}

export interface FtMilestonesTable {
  id: string;
  project_id: string;
  external_id: string | null;
  position: number;
  title: string;
  due_on: string;
  weight: number;
  status: string;
  met_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FtEvidenceTable {
  id: string;
  milestone_id: string;
  url: string | null;
  file_id: string | null;
  title: string;
  created_by: string | null;
  created_at: string;
}

export interface FtReportsTable {
  id: string;
  project_id: string;
  period_id: string;
  side: string;
  version: number;
  state: string; // 'draft' | 'submitted'
  text: string;
  milestones: string;
  author_id: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface FtNotesTable {
  id: string;
  project_id: string;
  period_id: string | null;
  side: string;
  text: string;
  author_id: string | null;
  created_at: string;
}

export interface FtRemindersTable {
  key: string;
  outbox_id: string | null;
  created_at: string;
}

export interface MeetingSettingsTable {
  forum_id: string;
  request_limit: number;
  cross_country_only: number;
  max_meetings: number | null;
  seed: number;
  time_limit_s: number;
  version: Generated<number>;
  updated_at: string;
}

export interface MeetingRequestsTable {
  id: string;
  forum_id: string;
  from_delegation_id: string;
  to_delegation_id: string;
  message: string; // JSON { text, lang }
  topics: string; // JSON sector codes
  priority: string; // 'must' | 'would_like'
  state: string; // pending | accepted | declined | cancelled | expired
  answer_reason: string | null;
  required: Generated<number>;
  fixed_slot: string | null;
  created_by: string | null;
  answered_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** The signing ceremony (migration 0014_ceremony_news). */
export interface CeremonyItemsTable {
  id: string;
  forum_id: string;
  session_id: string;
  agreement_id: string;
  kind: string; // 'signing' | 'handover'
  position: number;
  signatories: string; // JSON { vn: [{ name, position }], jp: [...] }
  note: string | null;
  done_on: string | null;
  done_at: string | null;
  /** JSON: the agreement's status, statement, signing date and sources before it was marked done. */
  prior: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A hall of the exhibition: a grid of `columns` × `rows` cells (0013). */
export interface ForumHallsTable {
  id: string;
  forum_id: string;
  name: string; // JSON Texts
  columns: number;
  rows: number;
  sort: number;
  created_at: string;
}

export interface ForumBoothsTable {
  id: string;
  forum_id: string;
  hall_id: string;
  code: string;
  x: number;
  y: number;
  w: number;
  h: number;
  delegation_id: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface NewsItemsTable {
  id: string;
  texts: string; // JSON { vi?: { title, body, status }, ja?: …, en?: … }
  forum_id: string | null;
  cycle_id: string | null;
  project_id: string | null;
  published_at: string;
  author_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MeetingPresenceTable {
  delegation_id: string;
  forum_id: string;
  arrives_at: string | null;
  leaves_at: string | null;
  updated_at: string;
}

export interface MeetingBlocksTable {
  id: string;
  forum_id: string;
  start_at: string;
  slot_minutes: number;
  slots: number;
  tables: number;
  created_at: string;
}

export interface MeetingInterpretersTable {
  id: string;
  forum_id: string;
  name: string;
  email: string | null;
  language: string;
  languages: string; // JSON
  unavailable: string; // JSON [{ from, to }]
  created_at: string;
}

export interface MeetingRunsTable {
  id: string;
  forum_id: string;
  job_id: string;
  kind: string; // 'run' | 'repair'
  problem: string; // JSON kizuna.schedule-problem/1
  keep: string | null; // JSON kept schedule (repairs)
  seed: number;
  time_limit_s: number;
  result: string | null; // JSON kizuna.schedule/1
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface MeetingSchedulesTable {
  forum_id: string;
  stage: string; // 'draft' | 'published'
  run_id: string | null;
  assignments: string; // JSON Assignment[]
  locked: string; // JSON meeting ids
  version: Generated<number>;
  updated_at: string;
  published_at: string | null;
}

export interface MeetingOutcomesTable {
  request_id: string;
  delegation_id: string;
  forum_id: string;
  held: number;
  next_step: string;
  note: string;
  updated_by: string | null;
  updated_at: string;
}

export interface ForumProductsTable {
  id: string;
  forum_id: string;
  delegation_id: string;
  name: string; // JSON Texts
  description: string; // JSON Texts
  sector: string | null;
  origin_code: string | null;
  ocop_stars: number | null;
  gi: string | null; // JSON Texts
  offers: Generated<string>; // JSON number[]
  photos: Generated<string>; // JSON string[] (file ids)
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ForumCheckinsTable {
  person_id: string;
  forum_id: string;
  at: string;
  by_user_id: string | null;
}

export interface AnnualReportsTable {
  id: string;
  cycle_id: string;
  number: number;
  as_of: string;
  published_at: string;
  published_by: string | null;
  snapshot: string;
  sha256: string;
  job_id: string | null;
}

export interface AnnualReportFilesTable {
  report_id: string;
  name: string;
  media_type: string;
  content: string;
  sha256: string;
  created_at: string;
}

export interface DueCalendarsTable {
  project_id: string;
  side: string;
  token_hash: string;
  created_at: string;
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
  grants: GrantsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  search_terms: SearchTermsTable;
  change_scopes: ChangeScopesTable;
  forums: ForumsTable;
  forum_rooms: ForumRoomsTable;
  forum_people: ForumPeopleTable;
  forum_sessions: ForumSessionsTable;
  forum_releases: ForumReleasesTable;
  forum_delegations: ForumDelegationsTable;
  forum_invitations: ForumInvitationsTable;
  forum_halls: ForumHallsTable;
  forum_booths: ForumBoothsTable;
  forum_products: ForumProductsTable;
  forum_checkins: ForumCheckinsTable;
  profiles: ProfilesTable;
  meta: MetaTable;
  jobs: JobsTable;
  mail_outbox: MailOutboxTable;
  mail_deliveries: MailDeliveriesTable;
  files: FilesTable;
  ft_cycles: FtCyclesTable;
  ceremony_items: CeremonyItemsTable;
  news_items: NewsItemsTable;
  annual_reports: AnnualReportsTable;
  annual_report_files: AnnualReportFilesTable;
  due_calendars: DueCalendarsTable;
  ft_priority_fields: FtPriorityFieldsTable;
  ft_projects: FtProjectsTable;
  ft_project_parties: FtProjectPartiesTable;
  ft_project_origins: FtProjectOriginsTable;
  ft_contacts: FtContactsTable;
  ft_milestones: FtMilestonesTable;
  ft_evidence: FtEvidenceTable;
  ft_reports: FtReportsTable;
  ft_notes: FtNotesTable;
  ft_reminders: FtRemindersTable;
  meeting_settings: MeetingSettingsTable;
  meeting_requests: MeetingRequestsTable;
  meeting_presence: MeetingPresenceTable;
  meeting_blocks: MeetingBlocksTable;
  meeting_interpreters: MeetingInterpretersTable;
  meeting_runs: MeetingRunsTable;
  meeting_schedules: MeetingSchedulesTable;
  meeting_outcomes: MeetingOutcomesTable;
}

export type LocalityRow = Selectable<LocalitiesTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type AgreementRow = Selectable<AgreementsTable>;
export type AgreementPartyRow = Selectable<AgreementPartiesTable>;
export type UserRow = Selectable<UsersTable>;
export type GrantRow = Selectable<GrantsTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type AgreementUpdate = Updateable<AgreementsTable>;
export type JobRow = Selectable<JobsTable>;
export type OutboxRow = Selectable<MailOutboxTable>;
export type FileRow = Selectable<FilesTable>;
