import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv } from '../../../src/features/shared/csv.ts';
import { csvBody } from './csv.ts';

describe('CSV built in the browser', () => {
  it('makes formulas inert as the server does', () => {
    const body = csvBody([
      ['name', 'note'],
      ['=HYPERLINK("http://evil.example","click")', '+1+2'],
      ['-2+3', '@SUM(A1:A2)'],
      ['plain, with comma', 'line\nbreak'],
    ]);
    expect(body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(body).map((r) => r.fields);
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://evil.example","click")', "'+1+2"]);
    expect(rows[2]).toEqual(["'-2+3", "'@SUM(A1:A2)"]);
    expect(rows[3]).toEqual(['plain, with comma', 'line\nbreak']);
  });

  it('reads back every cell as written, formulas made inert (property)', () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.constantFrom('=1+1', '+A1', '-x', '@y', '\tz'));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const read = parseCsv(csvBody(rows)).map((r) => r.fields);
          expect(read).toEqual(
            rows.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(String(v)) ? `'${v}` : String(v)))),
          );
          expect(read.flat().join('')).toBe(
            rows
              .flat()
              .map((v) => csvField(v).replace(/^"|"$/g, '').replaceAll('""', '"'))
              .join(''),
          );
        },
      ),
    );
  });
});
