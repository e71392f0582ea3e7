// The evaluation forums of the scheduler: a seeded generator written from the traits of real
// Vietnam–Japan forums (issue 14), independent of the solver (it imports nothing from it but the
// problem type and the PRNG). Each trait below is a parameter of `FORUM_TRAITS`.
//   node --import tsx bench/scheduling/vnjp-forum.ts --participants 120 --seed 1201 > forum.json
// The frozen evaluation set (sizes, seeds, SHA-256 of each problem) is `frozen.ts`.
import { makeRng, randInt } from '../../src/domain/scheduling/rng.ts';
import type { Problem } from '../../src/domain/scheduling/types.ts';

export const FORUM_TRAITS = {
  vietnamese: 0.52,
  /** Languages: own only, own + English, English only, Vietnamese + Japanese. */
  languages: { own: 0.72, ownEnglish: 0.15, english: 0.06, both: 0.07 },
  /** Interpreters by pair; one interpreter per `participantsPerInterpreter` participants. */
  interpreters: { viJa: 0.7, viEn: 0.15, jaEn: 0.15 },
  participantsPerInterpreter: 8,
  /** Share of localities (the rest are companies); localities are twice as popular. */
  localities: 0.35,
  localityAppeal: 2,
  weight3Mutual: 0.15,
  required: 0.05,
  requiredFixed: 0.3,
  limitedWindow: 0.06,
  after: 0.02,
  maxMeetings: 0.15,
  lateArrival: 0.1,
  earlyDeparture: 0.1,
  /** Localities holding a ceremony (2–3 slots away). */
  ceremony: 0.25,
  /** Requests per participant by size (the issue: ~600 at 120, ~3,900 at 600, ~30,000 at 3,000). */
  requestsPer: (n: number): number => (n <= 30 ? 3.5 : n <= 120 ? 5 : n <= 600 ? 6.5 : 10),
  /** Most-asked participant's requests over the number of slots. */
  topOverSlots: (n: number): number => (n <= 30 ? 1.1 : n <= 120 ? 1.5 : n <= 600 ? 3.5 : 4.3),
  /** Zipf–Mandelbrot shift q in 1/(rank + q)^s; s is solved for the top ratio above. */
  mandelbrotQ: 2.7,
  /** On a problem with short tables, the last slot of each day has this share of the tables. */
  lastSlotTables: 0.6,
} as const;

export interface ForumSpec {
  participants: number;
  seed: number;
}

const hhmm = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** 20-minute slots 09:00–11:00 or 11:40 and 13:30–15:30 or 16:10, on one or two days. */
function makeSlots(rng: () => number, days: number): Problem['slots'] {
  const out: Problem['slots'] = [];
  for (let d = 0; d < days; d++) {
    const day = `2026-12-${String(10 + d).padStart(2, '0')}`;
    const morning = rng() < 0.5 ? 6 : 8;
    const afternoon = rng() < 0.5 ? 6 : 8;
    const starts = [
      ...Array.from({ length: morning }, (_, i) => 540 + 20 * i),
      ...Array.from({ length: afternoon }, (_, i) => 810 + 20 * i),
    ];
    for (const min of starts) {
      out.push({
        id: `d${d + 1}-${hhmm(min).replace(':', '')}`,
        start: `${day}T${hhmm(min)}:00+07:00`,
        end: `${day}T${hhmm(min + 20)}:00+07:00`,
        day,
      });
    }
  }
  return out;
}

interface Person {
  id: string;
  side: 'vi' | 'ja';
  locality: boolean;
  languages: string[];
  away: Set<number>;
  max: number | null;
}

function makePeople(rng: () => number, n: number, slots: Problem['slots']): Person[] {
  const S = slots.length;
  const halves: number[][] = [];
  slots.forEach((s, i) => {
    if (i === 0 || slots[i - 1].day !== s.day || s.start!.slice(11, 13) === '13') halves.push([]);
    halves[halves.length - 1].push(i);
  });
  const L = FORUM_TRAITS.languages;
  return Array.from({ length: n }, (_, i) => {
    const side = rng() < FORUM_TRAITS.vietnamese ? 'vi' : 'ja';
    const locality = rng() < FORUM_TRAITS.localities;
    const r = rng();
    const languages =
      r < L.own
        ? [side]
        : r < L.own + L.ownEnglish
          ? [side, 'en']
          : r < L.own + L.ownEnglish + L.english
            ? ['en']
            : ['vi', 'ja'];
    const away = new Set<number>();
    if (rng() < FORUM_TRAITS.lateArrival) for (let s = 0; s < 1 + randInt(rng, 4); s++) away.add(s);
    if (rng() < FORUM_TRAITS.earlyDeparture)
      for (let s = 0; s < 1 + randInt(rng, 4); s++) away.add(S - 1 - s);
    if (locality && rng() < FORUM_TRAITS.ceremony) {
      const half = halves[randInt(rng, halves.length)];
      const len = 2 + randInt(rng, 2);
      const from = half[randInt(rng, Math.max(1, half.length - len + 1))];
      for (let s = from; s < Math.min(S, from + len); s++) away.add(s);
    }
    const kind = locality ? (side === 'vi' ? 'province' : 'pref') : 'co';
    return {
      id: `${side === 'vi' ? 'vn' : 'jp'}-${kind}-${String(i + 1).padStart(4, '0')}`,
      side,
      locality,
      languages,
      away,
      max: rng() < FORUM_TRAITS.maxMeetings ? 3 + randInt(rng, 6) : null,
    };
  });
}

/** Zipf–Mandelbrot weights 1/(k + q)^s over ranks, s chosen so the top share gives `topShare`. */
function zipfWeights(n: number, topShare: number): number[] {
  const q = FORUM_TRAITS.mandelbrotQ;
  const share = (s: number) => {
    let total = 0;
    for (let k = 1; k <= n; k++) total += 1 / (k + q) ** s;
    return 1 / (1 + q) ** s / total;
  };
  let lo = 0;
  let hi = 6;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (share(mid) < topShare) lo = mid;
    else hi = mid;
  }
  return Array.from({ length: n }, (_, k) => 1 / (k + 1 + q) ** lo);
}

const speaksCommon = (a: string[], b: string[]) => a.some((l) => b.includes(l));
const qualified = (it: string[], a: string[], b: string[]) =>
  a.some((l) => it.includes(l)) && b.some((l) => it.includes(l));

/**
 * A forum problem with the traits above, the same for the same participants and seed.
 * @example generateVnJpForum({ participants: 120, seed: 1201 })
 */
export function generateVnJpForum({ participants: n, seed }: ForumSpec): Problem {
  const rng = makeRng(seed);
  const days = n <= 30 ? 1 : rng() < 0.5 ? 1 : 2;
  const slots = makeSlots(rng, days);
  const S = slots.length;
  const people = makePeople(rng, n, slots);
  const requests = Math.round(n * FORUM_TRAITS.requestsPer(n));
  // Popularity: a random ranking, localities twice as appealing; the draw of the popular end
  // is calibrated so that the most-asked participant gets about topOverSlots × S requests
  // (the other end of each request is uniform).
  const target = FORUM_TRAITS.topOverSlots(n) * S;
  const ranks = Array.from({ length: n }, (_, i) => i).sort(() => rng() - 0.5);
  const base = zipfWeights(n, Math.min(0.9, Math.max(0, (target - requests / n) / requests)));
  const appeal = new Float64Array(n);
  ranks.forEach((p, k) => {
    appeal[p] = base[k] * (people[p].locality ? FORUM_TRAITS.localityAppeal : 1);
  });
  const total = appeal.reduce((a, b) => a + b, 0);
  const popular = () => {
    let x = rng() * total;
    for (let i = 0; i < n; i++) {
      x -= appeal[i];
      if (x <= 0) return i;
    }
    return n - 1;
  };
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  for (let tries = 0; pairs.length < requests && tries < requests * 50; tries++) {
    const a = randInt(rng, n);
    const b = popular();
    if (a === b) continue;
    // Mostly across the border; a fifth of requests stay within one country.
    if (people[a].side === people[b].side && rng() < 0.8) continue;
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([a, b]);
  }
  const interpreters = makeInterpreters(
    rng,
    Math.max(2, Math.round(n / FORUM_TRAITS.participantsPerInterpreter)),
    slots,
  );
  const shortTables = rng() < 0.5;
  const tables = Math.max(2, Math.round((0.8 * pairs.length) / S));
  const tablesPerSlot = slots.map((s, i) =>
    shortTables && (i === S - 1 || slots[i + 1].day !== s.day)
      ? Math.max(1, Math.round(tables * FORUM_TRAITS.lastSlotTables))
      : tables,
  );
  const meetings: Problem['meetings'] = pairs.map(([a, b], k) => ({
    id: `m-${k + 1}`,
    participants: [people[a].id, people[b].id],
    weight: rng() < FORUM_TRAITS.weight3Mutual ? 3 : 1 + randInt(rng, 2),
    required: false,
  }));
  plantRequired(rng, { slots, people, interpreters, pairs, meetings, tablesPerSlot });
  // Meetings limited to a half day or a day, and follow-ups after another meeting.
  const halfOf = slots.map((s) => `${s.day}-${s.start!.slice(11, 13) < '12' ? 'am' : 'pm'}`);
  meetings.forEach((m, k) => {
    if (m.required) return;
    if (rng() < FORUM_TRAITS.limitedWindow) {
      const s0 = randInt(rng, S);
      const byDay = rng() < 0.5;
      m.allowedSlots = slots
        .filter((s, i) => (byDay ? s.day === slots[s0].day : halfOf[i] === halfOf[s0]))
        .map((s) => s.id);
    }
    if (k > 0 && rng() < FORUM_TRAITS.after) {
      // A follow-up of an earlier request sharing a participant, when there is one.
      const [a, b] = pairs[k];
      const prior = pairs.findIndex(([x, y], j) => j < k && (x === a || y === a || x === b || y === b));
      if (prior >= 0) m.after = [meetings[prior].id];
    }
  });
  return {
    format: 'kizuna.schedule-problem/1',
    slots,
    tables,
    tablesPerSlot: shortTables ? tablesPerSlot : null,
    fairness: null,
    participants: people.map((p) => ({
      id: p.id,
      languages: p.languages,
      unavailable: [...p.away].sort((x, y) => x - y).map((s) => slots[s].id),
      maxMeetings: p.max,
    })),
    interpreters: interpreters.map((it) => ({
      id: it.id,
      languages: it.languages,
      unavailable: [...it.away].sort((x, y) => x - y).map((s) => slots[s].id),
    })),
    meetings,
  };
}

interface Interp {
  id: string;
  languages: string[];
  away: Set<number>;
}

/** Interpreters by pair, each with a rest break (1–2 slots) or a half day off. */
function makeInterpreters(rng: () => number, count: number, slots: Problem['slots']): Interp[] {
  const S = slots.length;
  const T = FORUM_TRAITS.interpreters;
  return Array.from({ length: count }, (_, i) => {
    const r = rng();
    const languages = r < T.viJa ? ['vi', 'ja'] : r < T.viJa + T.viEn ? ['vi', 'en'] : ['ja', 'en'];
    const away = new Set<number>();
    if (rng() < 0.5) {
      const s0 = 1 + randInt(rng, S - 2);
      for (let s = s0; s < Math.min(S, s0 + 1 + randInt(rng, 2)); s++) away.add(s);
    } else {
      const s0 = randInt(rng, S);
      const pm = slots[s0].start!.slice(11, 13) >= '12';
      slots.forEach((s, k) => {
        if (s.day === slots[s0].day && s.start!.slice(11, 13) >= '12' === pm) away.add(k);
      });
    }
    return { id: `int-${String(i + 1).padStart(3, '0')}`, languages, away };
  });
}

/**
 * About 5% of meetings become required, placed in a hidden schedule that keeps every rule
 * (participants, tables, interpreters, maxMeetings), so that a schedule holding all of them
 * exists; 30% of them are fixed at their hidden slot.
 */
function plantRequired(
  rng: () => number,
  ctx: {
    slots: Problem['slots'];
    people: Person[];
    interpreters: Interp[];
    pairs: [number, number][];
    meetings: Problem['meetings'];
    tablesPerSlot: number[];
  },
): void {
  const { slots, people, interpreters, pairs, meetings, tablesPerSlot } = ctx;
  const S = slots.length;
  const busy = new Set<number>();
  const iBusy = new Set<number>();
  const used = new Array(S).fill(0);
  const held = new Array(people.length).fill(0);
  const want = Math.round(FORUM_TRAITS.required * meetings.length);
  const order = meetings.map((_, k) => k).sort(() => rng() - 0.5);
  let placed = 0;
  for (const k of order) {
    if (placed >= want) break;
    const [a, b] = pairs[k];
    const pa = people[a];
    const pb = people[b];
    if ((pa.max !== null && held[a] >= pa.max) || (pb.max !== null && held[b] >= pb.max)) continue;
    const needs = !speaksCommon(pa.languages, pb.languages);
    const start = randInt(rng, S);
    for (let d = 0; d < S; d++) {
      const s = (start + d) % S;
      if (pa.away.has(s) || pb.away.has(s) || busy.has(a * S + s) || busy.has(b * S + s)) continue;
      if (used[s] >= tablesPerSlot[s]) continue;
      let it = -1;
      if (needs) {
        it = interpreters.findIndex(
          (x, i) =>
            !x.away.has(s) && !iBusy.has(i * S + s) && qualified(x.languages, pa.languages, pb.languages),
        );
        if (it < 0) continue;
        iBusy.add(it * S + s);
      }
      busy.add(a * S + s);
      busy.add(b * S + s);
      used[s]++;
      held[a]++;
      held[b]++;
      meetings[k].required = true;
      if (rng() < FORUM_TRAITS.requiredFixed) meetings[k].fixedSlot = slots[s].id;
      placed++;
      break;
    }
  }
}

if (process.argv[1]?.endsWith('vnjp-forum.ts')) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const problem = generateVnJpForum({ participants: arg('participants', 120), seed: arg('seed', 1) });
  process.stdout.write(`${JSON.stringify(problem)}\n`);
}
