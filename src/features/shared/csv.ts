/**
 * RFC 4180 CSV with a UTF-8 byte-order mark: Excel then opens Vietnamese and Japanese text
 * correctly instead of guessing a legacy code page. CRLF line ends; fields quoted when needed.
 */
export const CSV_BOM = '\uFEFF';

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value)
    ? value.join(';')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  // A leading = + - @ would make a spreadsheet run the cell as a formula: prefix it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A record of one empty field is written `""`: a bare empty line would read back as no record. */
export const csvLine = (values: unknown[]): string => {
  const line = values.map(csvField).join(',');
  return `${line === '' && values.length === 1 ? '""' : line}\r\n`;
};

export function toCsv<T>(
  columns: { header: string; value: (row: T) => unknown }[],
  rows: Iterable<T>,
): string {
  let out = CSV_BOM + csvLine(columns.map((c) => c.header));
  for (const row of rows) out += csvLine(columns.map((c) => c.value(row)));
  return out;
}

/** A CSV text that cannot be read past `line`; `rows` are the records before it. */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly rows: { line: number; fields: string[] }[],
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** Parses RFC 4180 text (BOM tolerated) into rows of fields, with the 1-based line each row starts on. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const src = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: { line: number; fields: string[]; blank?: boolean }[] = [];
  let fields: string[] = [];
  let sawQuote = false;
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = sawQuote = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: rowLine, fields, blank: fields.length === 1 && field === '' && !sawQuote });
      fields = [];
      field = '';
      sawQuote = false;
      line++;
      rowLine = line;
    } else field += ch;
  }
  const records = () => rows.filter((r) => !r.blank).map(({ line, fields }) => ({ line, fields }));
  if (quoted) throw new CsvError(rowLine, 'a quoted field is not closed', records());
  if (field !== '' || fields.length || sawQuote) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return records();
}
