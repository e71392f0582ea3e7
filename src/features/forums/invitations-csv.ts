/**
 * The organiser's invitation list as CSV: `party,email,language` (party: a locality code or an
 * organisation id of the atlas; language: vi, ja or en, the language of the invitation mail).
 * Every row is checked before anything is written: each bad row is named with its line, column
 * and a stable reason code the UI translates, and one bad row refuses the whole file.
 */
import { CsvError, parseCsv } from '../shared/csv.ts';

export type InvitationLang = 'vi' | 'ja' | 'en';

export interface InvitationRow {
  line: number;
  party: string;
  email: string;
  lang: InvitationLang;
}

export type InvitationProblem =
  | 'csv.unreadable'
  | 'invitation.columns'
  | 'invitation.too_many_rows'
  | 'invitation.party_unknown'
  | 'invitation.party_repeated'
  | 'invitation.email_invalid'
  | 'invitation.lang_invalid';

export interface RowError {
  line: number;
  column: 'party' | 'email' | 'language' | null;
  code: InvitationProblem;
  value?: string;
}

export const MAX_INVITATION_ROWS = 5000;

// Deliberately plain: one @, a dot in the domain, no spaces or angle brackets. The mail server
// is the judge of the rest (a bounce marks the outbox row failed with its reason).
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/;

/**
 * @param knownParty tells whether a code names a locality or organisation of the atlas
 *   (returning its canonical code, so `jp-25` and `JP-25` are one party).
 */
export function parseInvitations(
  text: string,
  knownParty: (code: string) => string | null,
): { rows: InvitationRow[]; errors: RowError[] } {
  let records: { line: number; fields: string[] }[];
  try {
    records = parseCsv(text);
  } catch (e) {
    const line = e instanceof CsvError ? e.line : 1;
    return { rows: [], errors: [{ line, column: null, code: 'csv.unreadable' }] };
  }
  const [header, ...body] = records;
  const names = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const at = {
    party: names.indexOf('party'),
    email: names.indexOf('email'),
    language: names.indexOf('language'),
  };
  if (at.party < 0 || at.email < 0 || at.language < 0) {
    return { rows: [], errors: [{ line: header?.line ?? 1, column: null, code: 'invitation.columns' }] };
  }
  if (body.length > MAX_INVITATION_ROWS) {
    return {
      rows: [],
      errors: [{ line: body[MAX_INVITATION_ROWS].line, column: null, code: 'invitation.too_many_rows' }],
    };
  }
  const rows: InvitationRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    if (fields.every((f) => f.trim() === '')) continue;
    const rawParty = (fields[at.party] ?? '').trim();
    const email = (fields[at.email] ?? '').trim();
    const lang = (fields[at.language] ?? '').trim().toLowerCase();
    const before = errors.length;
    const party = knownParty(rawParty);
    if (!party) errors.push({ line, column: 'party', code: 'invitation.party_unknown', value: rawParty });
    else if (seen.has(party))
      errors.push({ line, column: 'party', code: 'invitation.party_repeated', value: rawParty });
    if (!EMAIL.test(email) || email.length > 254) {
      errors.push({ line, column: 'email', code: 'invitation.email_invalid', value: email });
    }
    if (lang !== 'vi' && lang !== 'ja' && lang !== 'en') {
      errors.push({ line, column: 'language', code: 'invitation.lang_invalid', value: lang });
    }
    if (party) seen.set(party, line);
    if (errors.length === before && party)
      rows.push({ line, party, email: email.toLowerCase(), lang: lang as InvitationLang });
  }
  return errors.length ? { rows: [], errors } : { rows, errors };
}
