import type { LocalizedText } from '../shared/schemas.ts';
import type { Agreement } from './schemas.ts';

const name = (n: LocalizedText) => n.en ?? n.vi ?? n.ja ?? '';

/** The title in English, else Vietnamese or Japanese; an agreement without one is described by its document type and parties. */
const titleOf = (a: Agreement) =>
  name(a.title) || `${a.kindDetail ?? a.kind}: ${a.parties.map((p) => name(p.name)).join(' – ')}`;

/** Columns of an agreements export; the names in each language get their own column. */
export const agreementColumns: { header: string; value: (a: Agreement) => unknown }[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'parties', value: (a) => a.parties.map((p) => p.code) },
  { header: 'parties_en', value: (a) => a.parties.map((p) => name(p.name)) },
  { header: 'parties_vi', value: (a) => a.parties.map((p) => p.name.vi ?? '') },
  { header: 'parties_ja', value: (a) => a.parties.map((p) => p.name.ja ?? '') },
  { header: 'title', value: titleOf },
  { header: 'title_vi', value: (a) => a.title.vi ?? '' },
  { header: 'title_ja', value: (a) => a.title.ja ?? '' },
  { header: 'title_en', value: (a) => a.title.en ?? '' },
  { header: 'kind', value: (a) => a.kind },
  { header: 'kind_detail', value: (a) => a.kindDetail },
  { header: 'fields', value: (a) => a.fields },
  { header: 'fields_reported', value: (a) => a.fieldsReported },
  { header: 'signed', value: (a) => a.signedOn },
  { header: 'valid_until', value: (a) => a.validUntil },
  { header: 'status', value: (a) => a.status },
  { header: 'status_stated', value: (a) => a.statusStated ?? '' },
  { header: 'renews', value: (a) => a.renewsId },
  { header: 'source_url', value: (a) => a.sources.map((s) => s.url ?? '').join(' ') },
  { header: 'source_note', value: (a) => a.sources.map((s) => s.note ?? '').join(' | ') },
  { header: 'note', value: (a) => a.note },
  { header: 'synthetic', value: (a) => (a.synthetic ? 'yes' : 'no') },
];
