import type { TFunction } from 'i18next';
import { sectorLabel } from '../../../../src/domain/sectors.ts';
import type { AuditEntry, Lang, LocalizedText } from '../../api/types.ts';
import { pickText } from '../../i18n/format.ts';

/**
 * How an audit entry reads for a person: the record's name rather than its id, each field by
 * its label in the form, and values as the pages show them (names, sector labels, statuses),
 * never raw JSON.
 */

type Snapshot = Record<string, unknown> | null;

const isLocalized = (v: unknown): v is LocalizedText =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).length > 0 &&
  Object.keys(v).every((k) => k === 'vi' || k === 'ja' || k === 'en');

const FIELD_LABELS: Record<string, string> = {
  title: 'edit.title',
  name: 'edit.name',
  kind: 'agreement.kind',
  kindDetail: 'edit.kindDetail',
  fields: 'agreement.fields',
  signedOn: 'agreement.signedOn',
  validUntil: 'agreement.validUntil',
  status: 'agreement.status',
  statusStated: 'audit.fieldStatusStated',
  renewsId: 'agreement.renews',
  supersedesId: 'agreement.supersedes',
  parties: 'agreement.parties',
  sources: 'agreement.sources',
  note: 'agreement.note',
  website: 'organization.website',
  description: 'organization.description',
  localityCode: 'filters.locality',
  sectors: 'filters.sector',
  offers: 'profile.offers',
  needs: 'profile.needs',
  priorities: 'profile.priorities',
  role: 'users.role',
  scopes: 'users.scopes',
  disabled: 'users.status',
  email: 'signIn.email',
  adminCenter: 'locality.adminCenter',
  localities: 'home.localities',
  organizations: 'home.organizations',
  agreements: 'home.agreements',
  profiles: 'audit.fieldProfiles',
  terms: 'audit.fieldTerms',
};

// Internal bookkeeping, not something a person changed.
const HIDDEN = new Set([
  'version',
  'updatedAt',
  'createdAt',
  'id',
  'signedPrecision',
  'synthetic',
  'fieldsReported',
]);

export const fieldLabel = (k: string, t: TFunction) => (FIELD_LABELS[k] ? t(FIELD_LABELS[k]) : k);

/** One value as a page would show it. */
export function showValue(k: string, v: unknown, t: TFunction, lang: Lang): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean')
    return k === 'disabled' ? (v ? t('users.disable') : t('users.enable')) : String(v);
  if (typeof v === 'string') {
    if (k === 'status' || k === 'statusStated') return t(`status.${v}`, { defaultValue: v });
    if (k === 'kind')
      return t(`agreementKind.${v}`, { defaultValue: t(`orgKind.${v}`, { defaultValue: v }) });
    if (k === 'role') return t(`role.${v}`, { defaultValue: v });
    return v;
  }
  if (isLocalized(v))
    return (['vi', 'ja', 'en'] as const)
      .filter((l) => v[l])
      .map((l) => `${t(`langName.${l}`)}: ${v[l]}`)
      .join(' · ');
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    if (k === 'fields' || k === 'sectors' || k === 'priorities')
      return v.map((s) => sectorLabel(String(s), lang)).join(' · ');
    return v
      .map((x) => {
        if (typeof x === 'string') return x;
        const o = x as Record<string, unknown>;
        if (isLocalized(o.name)) return pickText(o.name, lang);
        if ('url' in o || 'note' in o) return [o.note, o.url].filter(Boolean).join(' — ');
        return JSON.stringify(x);
      })
      .join(k === 'offers' || k === 'needs' || k === 'sources' ? '\n' : ' · ');
  }
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([kk, vv]) => `${fieldLabel(kk, t)}: ${showValue(kk, vv, t, lang)}`)
      .join(' · ');
  return String(v);
}

/** The fields an update changed, as [field, before, after]; every field for create/delete. */
export function changes(e: AuditEntry): [string, unknown, unknown][] {
  const before = e.before as Snapshot;
  const after = e.after as Snapshot;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: [string, unknown, unknown][] = [];
  for (const k of keys) {
    if (HIDDEN.has(k)) continue;
    const b = before?.[k];
    const a = after?.[k];
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push([k, b, a]);
  }
  return out;
}

/** The record's name as the entry recorded it (the newest snapshot), else its id. */
export function entityName(e: AuditEntry, t: TFunction, lang: Lang): string {
  if (e.entityType === 'reference') return t('audit.referenceData');
  const s = ((e.after ?? e.before) as Snapshot) ?? {};
  if (isLocalized(s.name)) return pickText(s.name, lang);
  if (typeof s.email === 'string') return s.email;
  const owner = s.owner as { name?: LocalizedText } | undefined;
  if (owner && isLocalized(owner.name)) return pickText(owner.name, lang);
  if (e.entityType === 'agreement') {
    if (isLocalized(s.title)) return pickText(s.title, lang);
    const parties = Array.isArray(s.parties)
      ? (s.parties as { name?: LocalizedText }[]).map((p) => pickText(p.name, lang)).join(' – ')
      : '';
    if (parties)
      return t('agreement.untitled', {
        kind: t(`agreementKind.${String(s.kind)}`, { defaultValue: '' }),
        parties,
      });
  }
  return e.entityId;
}
