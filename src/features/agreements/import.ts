import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { SECTOR_CODES } from '../../domain/sectors.ts';
import { placeDirectory } from '../lookups/places.ts';
import { CsvError, parseCsv } from '../shared/csv.ts';
import { AgreementCreate } from './schemas.ts';

/** The columns of an agreements CSV, as in data/seed/agreements-seed.csv. */
export const AGREEMENT_CSV_COLUMNS = [
  'vn_party',
  'jp_party',
  'kind',
  'fields',
  'signed',
  'source_url',
  'source_note',
] as const;

export interface RowProblem {
  line: number;
  column: string;
  reason: string;
}

export interface ImportRow {
  line: number;
  /** From the optional `id` column: keeps a record's id when a correction changes what the id is made of. */
  id?: string;
  input: AgreementCreate;
  fieldsReported: string | null;
  partyNotes: (string | null)[];
}

/** What the rows may name: localities and organisations by code, id or English name, and field phrases. */
export interface ImportContext {
  localities: { code: string; parentCode: string | null; nameEn: string | null }[];
  organizations: { id: string; localityCode: string; nameEn: string | null }[];
  fieldPhrases: Map<string, string[]>;
}

/** The kind of document, from the words the source used for it. */
export function agreementKindOf(text: string): AgreementCreate['kind'] {
  const t = text.toLowerCase();
  if (/joint statement/.test(t)) return 'joint_statement';
  if (/protocol/.test(t)) return 'protocol';
  if (/^(friendship|sister|official friendship|citizen exchange|friendly)/.test(t)) return 'friendship';
  if (/memorandum|\bmou\b/.test(t)) return 'mou';
  if (/letter of intent/.test(t)) return 'letter_of_intent';
  if (/agreement|arrangement|agreed minutes|record of discussions/.test(t)) return 'cooperation_agreement';
  return 'other';
}

/**
 * A party as the CSV names it: a code (VN-HANOI, JP-27, JP-27-SAKAI), an organisation id, or an
 * English name with its prefecture, "Sakai City (JP-27 Osaka)". Returns the reference and, when
 * the CSV named it in words, those words as the party's note.
 */
export function resolveParty(
  text: string,
  ctx: ImportContext,
): { type: 'locality' | 'organization'; code: string; note: string | null } | string {
  const raw = text.trim();
  if (!raw) return 'is empty';
  const byCode = ctx.localities.find((l) => l.code === raw);
  if (byCode) return { type: 'locality', code: byCode.code, note: null };
  const byId = ctx.organizations.find((o) => o.id === raw);
  if (byId) return { type: 'organization', code: byId.id, note: null };
  const m = /^(.*?)\s*\((?:.*?;\s*)?(JP-\d{2})\b[^)]*\)\s*$/.exec(raw);
  if (!m) return `"${raw}" is neither a locality code, an organisation id, nor "Name (JP-nn Prefecture)"`;
  const [, name, prefecture] = m;
  const norm = (s: string | null) =>
    (s ?? '')
      .toLowerCase()
      .replace(/\s*\(.*\)$/, '')
      .replace(/\s+(city|town|village)$/, '');
  const org = ctx.organizations.find(
    (o) =>
      o.nameEn === name && (o.localityCode === prefecture || o.localityCode.startsWith(`${prefecture}-`)),
  );
  if (org) return { type: 'organization', code: org.id, note: raw };
  const city = ctx.localities.find((l) => l.parentCode === prefecture && norm(l.nameEn) === norm(name));
  if (city) return { type: 'locality', code: city.code, note: raw };
  const pref = ctx.localities.find((l) => l.code === prefecture);
  if (pref && norm(pref.nameEn) === norm(name)) return { type: 'locality', code: pref.code, note: raw };
  return `no locality or organisation named "${name}" in ${prefecture}`;
}

function fieldsOf(text: string, ctx: ImportContext): string[] | string {
  const codes: string[] = [];
  for (const phrase of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    if ((SECTOR_CODES as readonly string[]).includes(phrase)) codes.push(phrase);
    else {
      const mapped = ctx.fieldPhrases.get(phrase.toLowerCase());
      if (!mapped)
        return `"${phrase}" is neither a sector code nor a known field phrase (data/seed/fields.csv)`;
      codes.push(...mapped);
    }
  }
  return [...new Set(codes)];
}

type Resolved = ReturnType<typeof resolveParty>;

/** The country of a resolved party: a locality's code, or its organisation's locality, says it. */
function countryOf(p: Resolved, ctx: ImportContext): 'VN' | 'JP' | null {
  if (typeof p === 'string') return null;
  const code =
    p.type === 'locality' ? p.code : (ctx.organizations.find((o) => o.id === p.code)?.localityCode ?? '');
  return code.startsWith('VN-') ? 'VN' : code.startsWith('JP-') ? 'JP' : null;
}

/**
 * `vn_party` must be Vietnamese and `jp_party` Japanese: a row with its columns swapped would
 * otherwise get another stable id and make a second copy of the same agreement.
 */
function wrongCountries(line: number, [vn, jp]: Resolved[], ctx: ImportContext): RowProblem[] {
  const [vnCountry, jpCountry] = [countryOf(vn, ctx), countryOf(jp, ctx)];
  const swapped = vnCountry === 'JP' && jpCountry === 'VN' ? ' (the two party columns look swapped)' : '';
  const problems: RowProblem[] = [];
  if (vnCountry && vnCountry !== 'VN')
    problems.push({ line, column: 'vn_party', reason: `is not Vietnamese${swapped}` });
  if (jpCountry && jpCountry !== 'JP')
    problems.push({ line, column: 'jp_party', reason: `is not Japanese${swapped}` });
  return problems;
}

/** Checks every row; returns either all rows ready to insert, or every problem found. */
export function checkAgreementCsv(
  text: string,
  ctx: ImportContext,
): { rows: ImportRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  let records: { line: number; fields: string[] }[];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // The rows before the unreadable one are still checked, so that every problem is reported at once.
    problems.push({ line: err.line, column: '(row)', reason: err.reason });
    records = err.rows;
  }
  const header = records.shift();
  const missing = AGREEMENT_CSV_COLUMNS.filter((c) => !header?.fields.includes(c));
  if (!header || missing.length) {
    return {
      rows: [],
      problems: [
        { line: 1, column: missing.join(', ') || '(header)', reason: 'missing column(s) in the header row' },
        ...problems,
      ],
    };
  }
  const col = (r: string[], name: string) => (r[header.fields.indexOf(name)] ?? '').trim();
  const rows: ImportRow[] = [];
  for (const { line, fields: r } of records) {
    if (r.length !== header.fields.length) {
      problems.push({
        line,
        column: '(row)',
        reason: `has ${r.length} fields, the header has ${header.fields.length}`,
      });
      continue;
    }
    const rowProblems: RowProblem[] = [];
    const parties = (['vn_party', 'jp_party'] as const).map((c) => {
      const p = resolveParty(col(r, c), ctx);
      if (typeof p === 'string') rowProblems.push({ line, column: c, reason: p });
      return p;
    });
    rowProblems.push(...wrongCountries(line, parties, ctx));
    const fields = fieldsOf(col(r, 'fields'), ctx);
    if (typeof fields === 'string') rowProblems.push({ line, column: 'fields', reason: fields });
    const kindText = col(r, 'kind');
    if (!kindText) rowProblems.push({ line, column: 'kind', reason: 'is empty' });
    const url = col(r, 'source_url');
    const note = col(r, 'source_note');
    const candidate = {
      kind: agreementKindOf(kindText),
      kindDetail: kindText || null,
      fields: typeof fields === 'string' ? [] : fields,
      signedOn: col(r, 'signed') || null,
      // Derived from the end date and renewals; a file states neither.
      status: null,
      parties: parties.filter((p) => typeof p !== 'string').map((p) => ({ type: p.type, code: p.code })),
      sources: url || note ? [{ url: url || null, note: note || null }] : [],
    };
    const parsed = AgreementCreate.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column =
          issue.path[0] === 'signedOn'
            ? 'signed'
            : issue.path[0] === 'sources'
              ? 'source_url'
              : String(issue.path[0] ?? '(row)');
        if (column === 'parties' && rowProblems.length) continue; // already named per party
        rowProblems.push({ line, column, reason: issue.message });
      }
    }
    if (rowProblems.length || !parsed.success) {
      problems.push(...rowProblems);
      continue;
    }
    const id = header.fields.includes('id') ? col(r, 'id') : '';
    if (id && !/^agr-[\w-]{1,96}$/.test(id)) {
      problems.push({ line, column: 'id', reason: 'must look like agr-… (letters, digits, - and _)' });
      continue;
    }
    rows.push({
      line,
      ...(id ? { id } : {}),
      input: parsed.data,
      fieldsReported: col(r, 'fields') || null,
      partyNotes: parties.map((p) => (typeof p === 'string' ? null : p.note)),
    });
  }
  if (records.length === 0 && !problems.length)
    problems.push({ line: 2, column: '(file)', reason: 'has no data rows' });
  return { rows, problems };
}

export async function importContext(
  db: Kysely<Database>,
  fieldPhrases: Map<string, string[]>,
): Promise<ImportContext> {
  return {
    ...(await placeDirectory(db)),
    fieldPhrases,
  };
}

/** A stable id from what identifies an agreement, so importing the same row twice adds nothing. */
export function agreementIdFor(row: ImportRow): string {
  if (row.id) return row.id;
  const key = [
    ...row.input.parties.map((p) => `${p.type}:${p.code}`),
    row.input.kindDetail ?? row.input.kind,
    row.input.signedOn ?? '',
  ].join('|');
  return `agr-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}
