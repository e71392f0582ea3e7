import type { Problem } from './types.ts';
import type { Parsed } from './validate.ts';

// Reader of the MiniZinc data files of Bofill et al. (JAIR 74, 2022). Their quirks, from the
// benchmark README: `meetingsxBusiness` lists meetings shifted by +1 with a dummy 1, and
// `forbidden` sets carry a placeholder 0. Both are checked and then ignored.

type Value = number | number[] | number[][];

class DznError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}

const parseInts = (text: string, path: string): number[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => {
      if (!/^-?\d+$/.test(t)) throw new DznError(path, `not an integer: ${t.slice(0, 20)}`);
      return Number(t);
    });

const parseValue = (name: string, text: string): Value => {
  const v = text.trim();
  if (/^-?\d+$/.test(v)) return Number(v);
  if (v.startsWith('[|')) {
    if (!v.endsWith('|]')) throw new DznError(name, 'truncated: 2-d array not closed with |]');
    return v
      .slice(2, -2)
      .split('|')
      .map((row) => row.trim())
      .filter((row) => row !== '')
      .map((row) => parseInts(row, name));
  }
  if (v.startsWith('[')) {
    if (!v.endsWith(']')) throw new DznError(name, 'truncated: array not closed with ]');
    const inner = v.slice(1, -1).trim();
    if (!inner.startsWith('{')) return parseInts(inner, name);
    const sets = inner.match(/\{[^{}]*\}/g) ?? [];
    const rest = inner.replace(/\{[^{}]*\}/g, '').replace(/[\s,]/g, '');
    if (rest !== '') throw new DznError(name, 'malformed array of sets');
    return sets.map((s) => parseInts(s.slice(1, -1), name));
  }
  throw new DznError(name, `cannot read value ${v.slice(0, 30)}`);
};

/** Splits `name = value;` statements; a last statement without `;` means the file was cut. */
const statements = (text: string): Map<string, Value> => {
  const clean = text.replace(/%[^\n]*/g, '');
  const parts = clean.split(';');
  const last = parts.pop() ?? '';
  if (last.trim() !== '') throw new DznError('(end of file)', 'truncated: last statement has no closing ;');
  const out = new Map<string, Value>();
  for (const part of parts) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) throw new DznError('(file)', `not an assignment: ${part.trim().slice(0, 30)}`);
    const name = part.slice(0, eq).trim();
    if (out.has(name)) throw new DznError(name, 'assigned twice');
    out.set(name, parseValue(name, part.slice(eq + 1)));
  }
  return out;
};

const intOf = (vals: Map<string, Value>, name: string): number => {
  const v = vals.get(name);
  if (v === undefined) throw new DznError(name, 'missing');
  if (typeof v !== 'number' || v < 0) throw new DznError(name, 'must be a non-negative integer');
  return v;
};

const listOf = (vals: Map<string, Value>, name: string, length: number, fallback?: number[]): number[] => {
  const v = vals.get(name) ?? fallback;
  if (v === undefined) throw new DznError(name, 'missing');
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'number'))
    throw new DznError(name, 'must be an array of integers');
  if (v.length !== length) throw new DznError(name, `has ${v.length} entries, expected ${length}`);
  return v as number[];
};

const setsOf = (vals: Map<string, Value>, name: string, length: number, optional: boolean): number[][] => {
  const v = vals.get(name);
  if (v === undefined) {
    if (optional) return Array.from({ length }, () => []);
    throw new DznError(name, 'missing');
  }
  if (!Array.isArray(v) || v.some((x) => !Array.isArray(x)))
    throw new DznError(name, 'must be an array of sets');
  if (v.length !== length) throw new DznError(name, `has ${v.length} sets, expected ${length}`);
  return v as number[][];
};

const inRange = (x: number, lo: number, hi: number, path: string, what: string): void => {
  if (x < lo || x > hi) throw new DznError(path, `${what} ${x} is outside ${lo}..${hi}`);
};

/**
 * Reads a B2B `.dzn` instance into the JSON problem model (every meeting required, fairness 2).
 * @example parseDzn(readFileSync('tic-12.original.dzn', 'utf8'))
 */
export function parseDzn(text: string, fairness = 2): Parsed<Problem> {
  try {
    return { ok: true, value: toProblem(statements(text), fairness) };
  } catch (err) {
    if (err instanceof DznError) return { ok: false, problems: [{ path: err.path, reason: err.message }] };
    throw err;
  }
}

function toProblem(vals: Map<string, Value>, fairness: number): Problem {
  const nP = intOf(vals, 'nBusiness');
  const nM = intOf(vals, 'nMeetings');
  const nT = intOf(vals, 'nTotalSlots');
  const nA = intOf(vals, 'nMorningSlots');
  const tables = intOf(vals, 'nTables');
  if (nT < 1) throw new DznError('nTotalSlots', 'the slot list is empty');
  inRange(nA, 0, nT, 'nMorningSlots', 'value');
  const rows = vals.get('requested');
  if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r)))
    throw new DznError('requested', 'missing or not a 2-d array');
  if (rows.length !== nM) throw new DznError('requested', `has ${rows.length} rows but nMeetings = ${nM}`);
  const requested = rows as number[][];
  requested.forEach((row, m) => {
    if (row.length !== 3) throw new DznError(`requested[${m + 1}]`, `has ${row.length} values, expected 3`);
    inRange(row[0], 1, nP, `requested[${m + 1}]`, 'participant');
    inRange(row[1], 1, nP, `requested[${m + 1}]`, 'participant');
    inRange(row[2], 1, 3, `requested[${m + 1}]`, 'session code');
  });
  checkMeetingsByBusiness(vals, requested, nP);
  const forbidden = setsOf(vals, 'forbidden', nP, true);
  forbidden.forEach((set, p) => {
    for (const s of set) inRange(s, 0, nT, `forbidden[${p + 1}]`, 'slot');
  });
  const fixed = listOf(vals, 'fixed', nM, new Array(nM).fill(0));
  fixed.forEach((s, m) => {
    inRange(s, 0, nT, `fixed[${m + 1}]`, 'slot');
  });
  const precedences = setsOf(vals, 'precedences', nM, true);
  precedences.forEach((set, m) => {
    for (const x of set) inRange(x, 1, nM, `precedences[${m + 1}]`, 'meeting');
  });
  const slot = (s: number) => `s${s}`;
  const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => slot(lo + i));
  return {
    slots: range(1, nT).map((id) => ({ id })),
    tables,
    fairness,
    participants: Array.from({ length: nP }, (_, p) => ({
      id: `p${p + 1}`,
      unavailable: forbidden[p].filter((s) => s > 0).map(slot),
    })),
    interpreters: [],
    meetings: requested.map(([a, b, session], m) => ({
      id: `m${m + 1}`,
      participants: [`p${a}`, `p${b}`] as [string, string],
      required: true,
      allowedSlots: session === 1 ? range(1, nA) : session === 2 ? range(nA + 1, nT) : null,
      fixedSlot: fixed[m] > 0 ? slot(fixed[m]) : null,
      after: precedences[m].map((x) => `m${x}`),
    })),
  };
}

/** The redundant per-participant lists must agree with `requested`: a mismatch means a damaged file. */
function checkMeetingsByBusiness(vals: Map<string, Value>, requested: number[][], nP: number): void {
  const counts = new Array(nP).fill(0);
  for (const [a, b] of requested) {
    counts[a - 1]++;
    counts[b - 1]++;
  }
  if (vals.has('nMeetingsBusiness')) {
    listOf(vals, 'nMeetingsBusiness', nP).forEach((k, p) => {
      if (k !== counts[p]) {
        throw new DznError(
          `nMeetingsBusiness[${p + 1}]`,
          `says ${k} meetings but requested has ${counts[p]}`,
        );
      }
    });
  }
  if (vals.has('meetingsxBusiness')) {
    setsOf(vals, 'meetingsxBusiness', nP, false).forEach((set, p) => {
      const real = set.filter((x) => x !== 1);
      if (real.length !== counts[p]) {
        throw new DznError(
          `meetingsxBusiness[${p + 1}]`,
          `lists ${real.length} meetings but requested has ${counts[p]}`,
        );
      }
    });
  }
}
