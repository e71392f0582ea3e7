import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { fieldPhrases } from '../seed/reference.ts';
import { checkAgreementCsv, importContext } from './import.ts';
import { getAgreement, importAgreementRows } from './service.ts';

const HEADER = 'vn_party,jp_party,kind,fields,signed,source_url,source_note';
const csv = (...rows: string[]) => `${HEADER}\r\n${rows.join('\r\n')}\r\n`;

describe.each(ENGINES)('the agreements CSV import on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  const check = async (text: string) => checkAgreementCsv(text, await importContext(t.db.db, fieldPhrases()));

  it('wants a Vietnamese vn_party and a Japanese jp_party, and says when the columns are swapped', async () => {
    const { rows, problems } = await check(
      csv(
        'VN-HANOI,JP-40,memorandum of understanding,economy,2024-05-10,https://example.org/ok,fine',
        'JP-40,VN-HANOI,memorandum of understanding,economy,2024-05-10,https://example.org/swapped,swapped',
        'VN-HANOI,VN-DA-NANG,memorandum of understanding,economy,2024-05-10,,both Vietnamese',
        'Sakai City (JP-27 Osaka),JP-40,friendship agreement,tourism,2023,,a Japanese city as vn_party',
      ),
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(problems).toEqual([
      { line: 3, column: 'vn_party', reason: 'is not Vietnamese (the two party columns look swapped)' },
      { line: 3, column: 'jp_party', reason: 'is not Japanese (the two party columns look swapped)' },
      { line: 4, column: 'jp_party', reason: 'is not Japanese' },
      { line: 5, column: 'vn_party', reason: 'is not Vietnamese' },
    ]);
  });

  it('adds the source of a repeated row to the agreement instead of dropping it as "already there"', async () => {
    const row = (url: string, note: string) =>
      `VN-HUE,JP-41,memorandum of understanding,economy,2019-07-01,${url},${note}`;
    const first = await check(csv(row('https://example.org/first', 'first report')));
    expect(first.problems).toEqual([]);
    expect(await importAgreementRows(t.db.db, first.rows, null)).toEqual({
      added: 1,
      sourcesAdded: 0,
      skipped: 0,
    });
    // The same agreement again: once with the same source, once with another (in the same file).
    const again = await check(
      csv(
        row('https://example.org/first', 'first report'),
        row('https://example.org/second', 'second report'),
      ),
    );
    expect(await importAgreementRows(t.db.db, again.rows, null)).toEqual({
      added: 0,
      sourcesAdded: 1,
      skipped: 1,
    });
    const stored = await t.db.db
      .selectFrom('agreements')
      .select('id')
      .where('signed_on', '=', '2019-07-01')
      .where('kind_detail', '=', 'memorandum of understanding')
      .execute();
    expect(stored).toHaveLength(1);
    const agreement = await getAgreement(t.db.db, stored[0].id);
    expect(agreement.sources).toEqual([
      { url: 'https://example.org/first', note: 'first report' },
      { url: 'https://example.org/second', note: 'second report' },
    ]);
    expect(agreement.version).toBe(2);
    // A third import of both rows changes nothing.
    expect(await importAgreementRows(t.db.db, again.rows, null)).toEqual({
      added: 0,
      sourcesAdded: 0,
      skipped: 2,
    });
  });
});
