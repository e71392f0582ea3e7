import { type ImportContext, resolveParty } from '../agreements/import.ts';
import { AgreementStatus } from '../agreements/schemas.ts';
import type { StatedTerms } from '../agreements/service.ts';
import { parseCsv } from '../shared/csv.ts';
import { PartialDate } from '../shared/schemas.ts';

/**
 * The terms sources state for seed agreements (data/seed/agreements-terms.csv): end dates and
 * statuses, each row identifying its agreement by parties and signing date. Every problem is
 * reported with its line; nothing is half-read.
 */
export function readStatedTerms(text: string, ctx: ImportContext): StatedTerms[] {
  const [header, ...records] = parseCsv(text);
  const col = (r: string[], name: string) => (r[header.fields.indexOf(name)] ?? '').trim();
  const problems: string[] = [];
  const rows: StatedTerms[] = [];
  for (const { line, fields: r } of records) {
    const parties = (['vn_party', 'jp_party'] as const).map((c) => resolveParty(col(r, c), ctx));
    const status = AgreementStatus.safeParse(col(r, 'status'));
    const until = col(r, 'valid_until');
    const signed = col(r, 'signed');
    for (const [i, p] of parties.entries())
      if (typeof p === 'string') problems.push(`line ${line}, ${i ? 'jp_party' : 'vn_party'}: ${p}`);
    if (!status.success)
      problems.push(`line ${line}, status: is not one of ${AgreementStatus.options.join(', ')}`);
    for (const [name, v] of [
      ['valid_until', until],
      ['signed', signed],
    ] as const)
      if (v && !PartialDate.safeParse(v).success) problems.push(`line ${line}, ${name}: is not a date`);
    if (problems.length) continue;
    rows.push({
      line,
      parties: parties.map((p) => (typeof p === 'string' ? { type: 'locality', code: '' } : p)),
      signedOn: signed || null,
      validUntil: until || null,
      status: status.data!,
      source: { url: col(r, 'source_url') || null, note: col(r, 'source_note') || null },
    });
  }
  if (problems.length) throw new Error(`agreement terms do not load:\n${problems.join('\n')}`);
  return rows;
}
