import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, CsvError, csvField, csvLine, parseCsv, toCsv } from './csv.ts';

/** What a cell reads as after export: formula-looking text gets a leading apostrophe. */
const exported = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

const cell = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('"', ',', '\r', '\n', '\r\n', 'a', ' ', '=', '-', 'ẫ', '大', '🇻🇳', '\uFEFF'),
  }),
);

const table = fc.integer({ min: 1, max: 6 }).chain((width) =>
  fc.record({
    header: fc.array(cell, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
  }),
);

const columnsOf = (header: string[]) => header.map((h, i) => ({ header: h, value: (r: string[]) => r[i] }));

describe('CSV', () => {
  it('parses back exactly the header and rows it wrote, for any unicode text', () => {
    fc.assert(
      fc.property(table, ({ header, rows }) => {
        const text = toCsv(columnsOf(header), rows);
        const parsed = parseCsv(text);
        expect(parsed.map((r) => r.fields)).toEqual([header, ...rows].map((r) => r.map(exported)));
      }),
      { numRuns: 500 },
    );
  });

  it('numbers each record by the line it starts on', () => {
    fc.assert(
      fc.property(table, ({ header, rows }) => {
        const parsed = parseCsv(toCsv(columnsOf(header), rows));
        let line = 1;
        for (const [i, r] of [header, ...rows].entries()) {
          expect(parsed[i].line).toBe(line);
          line += 1 + r.map(exported).join('').split('\n').length - 1;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes RFC 4180: BOM, CRLF line ends, quotes only where needed, doubled quotes', () => {
    const text = toCsv(columnsOf(['a', 'b']), [
      ['plain', 'with, comma'],
      ['say "hi"', 'two\nlines'],
      ['Đà Nẵng', '大阪府'],
    ]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1)).toBe(
      'a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\nĐà Nẵng,大阪府\r\n',
    );
  });

  it('prefixes formula-looking cells with an apostrophe so spreadsheets do not run them', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('a=1')).toBe('a=1');
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string(), (lead, rest) => {
        const [row] = parseCsv(csvLine([lead + rest]));
        expect(row.fields[0]).toBe(`'${lead}${rest}`);
      }),
    );
  });

  it('writes lists joined by ";", objects as JSON, null as empty', () => {
    expect(csvLine([['a', 'b'], { x: 1 }, null, undefined, 3])).toBe('a;b,"{""x"":1}",,,3\r\n');
  });

  it('keeps a row whose only cell is empty, but skips blank lines in what it reads', () => {
    const text = toCsv(columnsOf(['only']), [[''], ['x'], ['']]);
    expect(parseCsv(text).map((r) => r.fields)).toEqual([['only'], [''], ['x'], ['']]);
    expect(parseCsv('a,b\r\n\r\n1,2\n\n').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses an unclosed quote, naming the line the record starts on', () => {
    expect(() => parseCsv('a,b\r\n1,2\r\n3,"open\r\nmore')).toThrow(/line 3/);
    // The records before it are kept, so that a checker can still report their problems.
    const err = (() => {
      try {
        parseCsv('a,b\r\n1,2\r\n3,"open\r\nmore');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CsvError);
    expect((err as CsvError).line).toBe(3);
    expect((err as CsvError).rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads LF, CRLF and lone CR line ends alike, and tolerates a BOM', () => {
    for (const eol of ['\n', '\r\n', '\r'])
      expect(parseCsv(`${CSV_BOM}a,b${eol}1,2${eol}`).map((r) => r.fields)).toEqual([
        ['a', 'b'],
        ['1', '2'],
      ]);
  });
});
