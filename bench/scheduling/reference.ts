// Exact references for the frozen forums (frozen.ts), built from the problem JSON alone (no
// solver code): the time-indexed model with every rule that can be written linearly —
// participants one meeting per slot, maxMeetings, tables per slot, required meetings held,
// allowedSlots/fixedSlot, precedence (x[m,s] + Σ_{t≥s} x[a,t] ≤ 1), and the interpreters'
// matching by Hall's condition over every union of qualification groups per slot (exact: a
// matching exists iff no union of groups outnumbers its interpreters). Solved by HiGHS (native,
// through SciPy ≥ 1.9: reference_solve.py; the WebAssembly build cannot return 750,000 columns): the MIP
// optimum when HiGHS proves it within --mip-limit seconds, the LP relaxation's value otherwise.
//   node --import tsx bench/scheduling/reference.ts [--only NAME] [--mip-limit S] [--write]
// --write stores the figures in bench/scheduling/references.json (read by forum.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Problem } from '../../src/domain/scheduling/types.ts';
import { FROZEN, loadFrozen } from './frozen.ts';

const here = dirname(fileURLToPath(import.meta.url));

export interface Reference {
  /** The proven optimum weight, when HiGHS proved it. */
  optimum: number | null;
  /** The LP relaxation's value (rounded down: weights are integers). */
  lp: number;
  /** The reference used for the quality figures: the optimum, or the LP bound. */
  reference: number;
  seconds: number;
}

const speaks = (langs: readonly string[] | null | undefined, l: string) =>
  !langs || langs.length === 0 || langs.includes(l);

/** The model as a sparse matrix (rows lo ≤ A·x ≤ hi, 0 ≤ x ≤ 1), written straight from the spec's rules. */
export function referenceModel(p: Problem): { c: number[]; rows: number[][]; lo: number[]; hi: number[] } {
  const S = p.slots.length;
  const slot = new Map(p.slots.map((s, i) => [s.id, i]));
  const away = new Map(
    p.participants.map((x) => [x.id, new Set((x.unavailable ?? []).map((s) => slot.get(s)!))]),
  );
  const langs = new Map(p.participants.map((x) => [x.id, x.languages ?? []]));
  const its = p.interpreters ?? [];
  const itAway = its.map((it) => new Set((it.unavailable ?? []).map((s) => slot.get(s)!)));
  const mIndex = new Map(p.meetings.map((m, k) => [m.id, k]));
  const col = new Map<number, number>(); // k * S + s -> column
  const c: number[] = [];
  const cand: number[][] = [];
  const qual: number[][] = [];
  p.meetings.forEach((m, k) => {
    const [a, b] = m.participants;
    const la = langs.get(a)!;
    const lb = langs.get(b)!;
    const needs = la.length > 0 && lb.length > 0 && !la.some((l) => lb.includes(l));
    const q = needs
      ? its.flatMap((it, i) =>
          la.some((l) => speaks(it.languages, l)) && lb.some((l) => speaks(it.languages, l)) ? [i] : [],
        )
      : [];
    qual.push(needs ? q : [-1]);
    const allowed = m.allowedSlots ? new Set(m.allowedSlots.map((s) => slot.get(s)!)) : null;
    const fixed = m.fixedSlot ? slot.get(m.fixedSlot)! : -1;
    const mine: number[] = [];
    for (let s = 0; s < S; s++) {
      if (away.get(a)!.has(s) || away.get(b)!.has(s)) continue;
      if ((allowed && !allowed.has(s)) || (fixed >= 0 && s !== fixed)) continue;
      if (needs && !q.some((i) => !itAway[i].has(s))) continue;
      mine.push(s);
      col.set(k * S + s, c.length);
      c.push(m.weight ?? 1);
    }
    cand.push(mine);
  });
  const x = (k: number, s: number) => col.get(k * S + s)!;
  const rows: number[][] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const row = (cols: number[], l: number, h: number) => {
    if (cols.length === 0) return;
    rows.push(cols);
    lo.push(l);
    hi.push(h);
  };
  const byPs = new Map<string, number[]>();
  const byP = new Map<string, number[]>();
  const bySlot: number[][] = Array.from({ length: S }, () => []);
  p.meetings.forEach((m, k) => {
    for (const s of cand[k]) {
      bySlot[s].push(k);
      for (const q of m.participants) {
        const key = `${q}|${s}`;
        if (!byPs.has(key)) byPs.set(key, []);
        byPs.get(key)!.push(x(k, s));
        if (!byP.has(q)) byP.set(q, []);
        byP.get(q)!.push(x(k, s));
      }
    }
    if (m.required && cand[k].length === 0) throw new Error(`required meeting ${m.id} has no possible slot`);
    row(
      cand[k].map((s) => x(k, s)),
      m.required ? 1 : 0,
      1,
    );
    for (const before of m.after ?? []) {
      const a = mIndex.get(before)!;
      for (const s of cand[k]) row([x(k, s), ...cand[a].filter((t) => t >= s).map((t) => x(a, t))], 0, 1);
    }
  });
  for (const cols of byPs.values()) if (cols.length > 1) row(cols, 0, 1);
  for (const q of p.participants) if (q.maxMeetings != null) row(byP.get(q.id) ?? [], 0, q.maxMeetings);
  for (let s = 0; s < S; s++) {
    const tables = p.tablesPerSlot?.[s] ?? p.tables;
    if (bySlot[s].length > tables)
      row(
        bySlot[s].map((k) => x(k, s)),
        0,
        tables,
      );
    const groups = new Map<string, { ms: number[]; free: number[] }>();
    for (const k of bySlot[s]) {
      if (qual[k][0] === -1) continue;
      const free = qual[k].filter((i) => !itAway[i].has(s));
      const key = free.join(',');
      if (!groups.has(key)) groups.set(key, { ms: [], free });
      groups.get(key)!.ms.push(k);
    }
    const list = [...groups.values()];
    if (list.length > 12)
      throw new Error(`slot ${s}: ${list.length} interpreter groups (the exact Hall rows need ≤ 12)`);
    for (let mask = 1; mask < 1 << list.length; mask++) {
      const chosen = list.filter((_, i) => (mask >> i) & 1);
      const ms = chosen.flatMap((g) => g.ms);
      const free = new Set(chosen.flatMap((g) => g.free));
      if (ms.length > free.size)
        row(
          ms.map((k) => x(k, s)),
          0,
          free.size,
        );
    }
  }
  return { c, rows, lo, hi };
}

/** Solves the model with SciPy's HiGHS (native): the LP, then the MIP within mipLimitS seconds. */
export function reference(p: Problem, mipLimitS: number): Reference {
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-ref-'));
  const file = join(dir, 'model.json');
  try {
    writeFileSync(file, JSON.stringify(referenceModel(p)));
    const out = execFileSync('python3', [join(here, 'reference_solve.py'), file, String(mipLimitS)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(out) as { lp: number; optimum: number | null; mipBound: number | null };
    const lp = Math.floor(r.lp + 1e-6);
    const optimum = r.optimum === null ? null : Math.round(r.optimum);
    return { optimum, lp, reference: optimum ?? lp, seconds: (performance.now() - t0) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const REFERENCES_FILE = join(here, 'references.json');
export const readReferences = (): Record<string, Reference> => {
  try {
    return JSON.parse(readFileSync(REFERENCES_FILE, 'utf8'));
  } catch {
    return {};
  }
};

if (process.argv[1]?.endsWith('reference.ts')) {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      'mip-limit': { type: 'string', default: '600' },
      write: { type: 'boolean' },
    },
  });
  const stored = readReferences();
  for (const f of FROZEN) {
    if (values.only && !f.name.includes(values.only)) continue;
    const problem = loadFrozen(f);
    // The MIP is tried up to 600 participants; at 3,000 the LP alone is the reference.
    const r = reference(problem, f.participants <= 600 ? Number(values['mip-limit']) : 0);
    console.log(
      `${f.name}: optimum ${r.optimum ?? '(not proven)'}, LP ${r.lp}, reference ${r.reference}, ${r.seconds.toFixed(1)} s`,
    );
    stored[f.name] = r;
    if (values.write) writeFileSync(REFERENCES_FILE, `${JSON.stringify(stored, null, 2)}\n`);
  }
}
