import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../shared/csv.ts';
import { MAX_INVITATION_ROWS, parseInvitations } from './invitations-csv.ts';

const PARTIES = new Map([
  ['vn-quang-ninh', 'VN-QUANG-NINH'],
  ['jp-25', 'JP-25'],
  ['org-1', 'org-1'],
]);
const known = (code: string) => PARTIES.get(code.toLowerCase()) ?? null;

describe('invitation CSV', () => {
  it('reads good rows, canonical party codes, languages and e-mails', () => {
    const text =
      '\uFEFFparty,email,language\r\nvn-quang-ninh,Head@QN.gov.vn,vi\r\nJP-25,kokusai@pref.shiga.lg.jp,JA\r\n\r\n';
    expect(parseInvitations(text, known)).toEqual({
      rows: [
        { line: 2, party: 'VN-QUANG-NINH', email: 'head@qn.gov.vn', lang: 'vi' },
        { line: 3, party: 'JP-25', email: 'kokusai@pref.shiga.lg.jp', lang: 'ja' },
      ],
      errors: [],
    });
  });

  it('names every bad row, column and reason, and keeps nothing when one is bad', () => {
    const text = [
      'language,party,email',
      'vi,VN-QUANG-NINH,ok@example.vn',
      'xx,XX-NOPE,not-an-email',
      'ja,jp-25,a@b.jp',
      'ja,JP-25,c@d.jp',
    ].join('\n');
    const r = parseInvitations(text, known);
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      { line: 3, column: 'party', code: 'invitation.party_unknown', value: 'XX-NOPE' },
      { line: 3, column: 'email', code: 'invitation.email_invalid', value: 'not-an-email' },
      { line: 3, column: 'language', code: 'invitation.lang_invalid', value: 'xx' },
      { line: 5, column: 'party', code: 'invitation.party_repeated', value: 'JP-25' },
    ]);
  });

  it('refuses a file without the three columns, an unreadable file, and one too long', () => {
    expect(parseInvitations('party,mail\r\nJP-25,a@b.jp\r\n', known).errors[0].code).toBe(
      'invitation.columns',
    );
    expect(parseInvitations('party,email,language\r\n"JP-25,a@b.jp,ja\r\n', known).errors[0].code).toBe(
      'csv.unreadable',
    );
    const long = `party,email,language\r\n${'org-1,a@b.jp,en\r\n'.repeat(MAX_INVITATION_ROWS + 1)}`;
    expect(parseInvitations(long, known).errors[0].code).toBe('invitation.too_many_rows');
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: 4 }), { maxLength: 6 }), (cells) => {
        const text = `party,email,language\r\n${cells.map((c) => csvLine(c)).join('')}`;
        const r = parseInvitations(text, known);
        expect(r.rows.length === 0 || r.errors.length === 0).toBe(true);
      }),
    );
  });
});
