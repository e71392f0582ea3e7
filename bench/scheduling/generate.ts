// A seeded generator of realistic Vietnam–Japan forum problems, with interpreters.
//   node --import tsx bench/scheduling/generate.ts --participants 120 --requests 600 --seed 1 > forum.json
// What makes them realistic (and hard): delegations mostly monolingual, a few bilingual or
// English-speaking; interpreters mostly vi–ja, with gaps in their day; popular participants
// asked by many (a Zipf-like draw); weights 1–3; a few required meetings; tables short.
import { makeRng, randInt } from '../../src/domain/scheduling/rng.ts';
import type { Problem } from '../../src/domain/scheduling/types.ts';

const VN = [
  'ha-noi',
  'da-nang',
  'hai-phong',
  'quang-ninh',
  'bac-ninh',
  'binh-duong',
  'dong-nai',
  'can-tho',
  'hue',
  'nghe-an',
  'thanh-hoa',
  'long-an',
  'vinh-phuc',
  'hai-duong',
  'ba-ria-vung-tau',
  'khanh-hoa',
];
const JP = [
  'osaka',
  'shiga',
  'fukuoka',
  'kanagawa',
  'aichi',
  'hyogo',
  'hokkaido',
  'okayama',
  'hiroshima',
  'nagano',
  'niigata',
  'saitama',
  'chiba',
  'kyoto',
  'toyama',
  'gunma',
];
const VN_KINDS = ['province', 'ip', 'co', 'univ'];
const JP_KINDS = ['pref', 'city', 'co', 'bank'];

export interface ForumSize {
  participants: number;
  requests: number;
  seed: number;
  /** Forum days of 20 slots (09:00–12:00 and 13:20–17:00, 20 minutes each). */
  days?: number;
}

function makeSlots(days: number): Problem['slots'] {
  const out: Problem['slots'] = [];
  for (let d = 0; d < days; d++) {
    const day = `2026-11-${String(25 + d).padStart(2, '0')}`;
    const starts = [
      ...Array.from({ length: 9 }, (_, i) => 540 + 20 * i),
      ...Array.from({ length: 11 }, (_, i) => 800 + 20 * i),
    ];
    for (const min of starts) {
      const hhmm = `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
      const end = min + 20;
      const endHhmm = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
      out.push({
        id: `d${d + 1}-${hhmm.replace(':', '')}`,
        start: `${day}T${hhmm}:00+07:00`,
        end: `${day}T${endHhmm}:00+07:00`,
        day,
      });
    }
  }
  return out;
}

/** A contiguous block of unavailable slots (arriving late, leaving early, a lunch away). */
const gap = (rng: () => number, slots: Problem['slots'], maxLen: number): string[] => {
  const len = 1 + randInt(rng, maxLen);
  const from = randInt(rng, Math.max(1, slots.length - len));
  return slots.slice(from, from + len).map((s) => s.id);
};

function makeParticipants(rng: () => number, n: number, slots: Problem['slots']): Problem['participants'] {
  return Array.from({ length: n }, (_, i) => {
    const r = rng();
    const side = r < 0.46 ? 'vn' : r < 0.92 ? 'jp' : 'agency';
    const place = side === 'vn' ? VN[randInt(rng, VN.length)] : JP[randInt(rng, JP.length)];
    const kind = side === 'vn' ? VN_KINDS[randInt(rng, 4)] : JP_KINDS[randInt(rng, 4)];
    const english = rng() < 0.15;
    const languages =
      side === 'agency'
        ? ['vi', 'ja']
        : side === 'vn'
          ? english
            ? ['vi', 'en']
            : ['vi']
          : english
            ? ['ja', 'en']
            : ['ja'];
    return {
      id: side === 'agency' ? `agency-${i}` : `${side}-${place}-${kind}-${i}`,
      languages,
      unavailable: rng() < 0.3 ? gap(rng, slots, 8) : [],
      maxMeetings: rng() < 0.2 ? 4 + randInt(rng, 6) : null,
    };
  });
}

function makeInterpreters(rng: () => number, n: number, slots: Problem['slots']): Problem['interpreters'] {
  return Array.from({ length: n }, (_, i) => {
    const r = rng();
    const languages = r < 0.85 ? ['vi', 'ja'] : r < 0.93 ? ['vi', 'en'] : ['ja', 'en'];
    return {
      id: `int-${String(i + 1).padStart(3, '0')}`,
      languages,
      unavailable: rng() < 0.6 ? gap(rng, slots, 10) : [],
    };
  });
}

/**
 * A few meetings are required (a governor's visit, a signing): as organisers do, only between
 * participants with a light programme, at most one required meeting each.
 */
function markRequired(rng: () => number, meetings: Problem['meetings']): void {
  const load = new Map<string, number>();
  for (const m of meetings) for (const p of m.participants) load.set(p, (load.get(p) ?? 0) + 1);
  const taken = new Set<string>();
  for (const m of meetings) {
    const [a, b] = m.participants;
    if (rng() >= 0.1 || taken.has(a) || taken.has(b) || load.get(a)! > 8 || load.get(b)! > 8) continue;
    m.required = true;
    taken.add(a);
    taken.add(b);
  }
}

/**
 * A forum problem of the given size, the same for the same seed.
 * @example generateForum({ participants: 120, requests: 600, seed: 1 })
 */
export function generateForum({ participants, requests, seed, days = 1 }: ForumSize): Problem {
  const rng = makeRng(seed);
  const slots = makeSlots(days);
  const people = makeParticipants(rng, participants, slots);
  // Popularity: a few participants (a big prefecture, a famous company) are asked by many.
  const appeal = people.map(() => 1 / (1 + randInt(rng, participants)) ** 0.7);
  const total = appeal.reduce((a, b) => a + b, 0);
  const pickPopular = () => {
    let x = rng() * total;
    for (let i = 0; i < appeal.length; i++) {
      x -= appeal[i];
      if (x <= 0) return i;
    }
    return appeal.length - 1;
  };
  const seen = new Set<string>();
  const meetings: Problem['meetings'] = [];
  for (let tries = 0; meetings.length < requests && tries < requests * 20; tries++) {
    const a = randInt(rng, participants);
    const b = pickPopular();
    const [pa, pb] = [people[a], people[b]];
    const crossBorder = pa.id.slice(0, 2) !== pb.id.slice(0, 2);
    if (a === b || (!crossBorder && rng() < 0.8)) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    meetings.push({
      id: `m-${meetings.length + 1}`,
      participants: [pa.id, pb.id],
      weight: 1 + randInt(rng, 3),
      required: false,
    });
  }
  markRequired(rng, meetings);
  const perSlot = (requests / slots.length) * 0.8;
  return {
    format: 'kizuna.schedule-problem/1',
    slots,
    tables: Math.max(1, Math.round(perSlot)),
    fairness: null,
    participants: people,
    interpreters: makeInterpreters(rng, Math.max(1, Math.round(participants / 8)), slots),
    meetings,
  };
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const problem = generateForum({
    participants: arg('participants', 120),
    requests: arg('requests', 600),
    seed: arg('seed', 1),
    days: arg('days', 1),
  });
  process.stdout.write(`${JSON.stringify(problem, null, 1)}\n`);
}
