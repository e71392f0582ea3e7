import { CSV_BOM, csvLine } from '../../../src/features/shared/csv.ts';

/**
 * A CSV file built in the browser (rows only the page has: a chart's counts, the accounts, the
 * audit page) by the server's own rule: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF, and
 * a cell starting with = + - @ (or a tab or CR) made inert with a leading apostrophe, so that an
 * organisation named `=HYPERLINK(…)` is text in the downloader's spreadsheet, not a formula.
 */
export const csvBody = (rows: (string | number)[][]): string => CSV_BOM + rows.map(csvLine).join('');
