/**
 * Readers of the exchange CSV's fields: each returns the value or a reason naming what is wrong,
 * so that the file reader can name every bad field of every row at once.
 */
import { dayNumber } from './health.ts';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };
export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const bad = <T>(reason: string): Read<T> => ({ ok: false, reason });

/** Longest text a field may hold: a stranger's file must not grow the database without bound. */
export const MAX_FIELD_LENGTH = 10_000;

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab or CR) as a formula, so the writer puts a
 * `'` before such text (src/features/shared/csv.ts). Text that already starts with `'` before one of
 * those gets one more `'`, so that reading takes exactly one off and every text comes back as it was.
 */
const FORMULA_AFTER_QUOTES = /^'*[=+\-@\t\r]/;
export const escapeFormula = (text: string): string =>
  text.startsWith("'") && FORMULA_AFTER_QUOTES.test(text) ? `'${text}` : text;
export const unescapeFormula = (text: string): string =>
  text.startsWith("'") && FORMULA_AFTER_QUOTES.test(text) ? text.slice(1) : text;

export function readDate(text: string, required: boolean): Read<string | null> {
  const t = text.trim();
  if (!t) return required ? bad('is empty; a date YYYY-MM-DD is required') : ok(null);
  try {
    dayNumber(t);
    return ok(t);
  } catch {
    return bad(`"${t}" is not a date YYYY-MM-DD`);
  }
}

export function readNumber(
  text: string,
  min: number,
  max: number,
  minExclusive = false,
): Read<number | null> {
  const t = text.trim();
  if (!t) return ok(null);
  const n = Number(t);
  if (!/^[0-9.eE+-]+$/.test(t) || !Number.isFinite(n)) return bad(`"${t}" is not a number`);
  if (minExclusive ? n <= min : n < min) return bad(`${t} is ${minExclusive ? 'not above' : 'below'} ${min}`);
  if (n > max) return bad(`${t} is above ${max}`);
  return ok(n);
}

export function readChoice<T extends string>(text: string, choices: readonly T[]): Read<T | null> {
  const t = text.trim();
  if (!t) return ok(null);
  return (choices as readonly string[]).includes(t)
    ? ok(t as T)
    : bad(`"${t}" is not one of ${choices.join(', ')}`);
}

/** `kind:ref;kind:ref`, each kind from `kinds` and each ref without spaces. */
export function readPairs<K extends string>(
  text: string,
  kinds: readonly K[],
): Read<{ kind: K; ref: string }[]> {
  const t = text.trim();
  if (!t) return ok([]);
  const out: { kind: K; ref: string }[] = [];
  for (const item of t.split(';').map((s) => s.trim())) {
    const at = item.indexOf(':');
    const kind = item.slice(0, at);
    const ref = item.slice(at + 1);
    if (at < 1 || !(kinds as readonly string[]).includes(kind))
      return bad(`"${item}" should be KIND:REF with KIND one of ${kinds.join(', ')}`);
    if (!ref || /\s/.test(ref)) return bad(`"${item}" has an empty reference or one with spaces`);
    out.push({ kind: kind as K, ref });
  }
  return ok(out);
}

/** Links separated by spaces, each http(s). */
export function readLinks(text: string): Read<string[]> {
  const t = text.trim();
  if (!t) return ok([]);
  const out: string[] = [];
  for (const link of t.split(/\s+/)) {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      return bad(`"${link}" is not a link`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return bad(`"${link}" is not an http(s) link`);
    out.push(link);
  }
  return ok(out);
}

/** `withData/milestones`, e.g. `7/10`. */
export function readCoverage(text: string): Read<{ milestones: number; withData: number } | null> {
  const t = text.trim();
  if (!t) return ok(null);
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(t);
  if (!m || Number(m[1]) > Number(m[2])) return bad(`"${t}" should be WITH_DATA/MILESTONES, e.g. 7/10`);
  return ok({ withData: Number(m[1]), milestones: Number(m[2]) });
}
