import { SECTOR_CODES, type SectorCode } from '../sectors.ts';
import {
  charSegmenter,
  foldVietnamese,
  hasVietnameseMarks,
  type JapaneseSegmenter,
  type Token,
  tokenize,
} from '../text/index.ts';
import { BLOCKERS, type Concept, LEXICON } from './lexicon/index.ts';

type Stream = 'vi' | 'vf' | 'en' | 'ja';
const STREAMS: readonly Stream[] = ['vi', 'vf', 'en', 'ja'];
const SEP: Record<Stream, string> = { vi: ' ', vf: ' ', en: ' ', ja: '' };
const BLOCKER = -1;

/** The lexicon turned into one lookup table per token stream, for one Japanese segmenter. */
export interface CompiledLexicon {
  readonly segmenter: JapaneseSegmenter;
  readonly concepts: readonly Concept[];
  readonly tables: Record<Stream, Map<string, number[]>>;
  readonly maxKeyLength: Record<Stream, number>;
}

/** A sector found in one text, how sure we are, and the words that made us say so. */
export interface SectorHit {
  sector: SectorCode;
  confidence: number;
  triggers: string[];
}

export interface TextAnalysis {
  sectors: SectorHit[];
  /** Indexes into `CompiledLexicon.concepts`, ascending. */
  concepts: number[];
  /** The words that triggered each concept, parallel to `concepts`. */
  conceptTriggers: string[][];
  /** Generic words found ("industry", "công nghiệp"): recognised, never evidence. */
  generic: string[];
}

const add = (lex: CompiledLexicon, stream: Stream, key: string, entry: number): void => {
  if (!key) return;
  const list = lex.tables[stream].get(key) ?? [];
  if (!list.includes(entry)) list.push(entry);
  lex.tables[stream].set(key, list);
  lex.maxKeyLength[stream] = Math.max(lex.maxKeyLength[stream], key.length);
};

const addTerm = (lex: CompiledLexicon, term: string, lang: 'vi' | 'ja' | 'en', entry: number): void => {
  const units = tokenize(term, charSegmenter);
  // Japanese terms are keyed by their folded characters; the text's segmenter decides later
  // where a term may begin and end. Latin words listed under `ja` (e.g. "DX") act as English.
  if (units.ja.length > 0) add(lex, 'ja', units.ja.map((t) => t.key).join(''), entry);
  if (units.ja.length > 0 && units.vi.length > 0) return;
  const key = (s: Stream) => units[s].map((t) => t.key).join(' ');
  if (lang === 'vi') {
    add(lex, 'vi', key('vi'), entry);
    // Folded matching only for phrases: a lone folded syllable ("ca", "tom") is too ambiguous.
    if (units.vi.length > 1) add(lex, 'vf', foldVietnamese(key('vi')), entry);
  } else {
    add(lex, 'en', key('en'), entry);
  }
};

/** Compiles the curated lexicon (or another one, for tests) for a Japanese segmenter. */
export const compileLexicon = (
  segmenter: JapaneseSegmenter = charSegmenter,
  concepts: readonly Concept[] = LEXICON,
): CompiledLexicon => {
  const lex: CompiledLexicon = {
    segmenter,
    concepts,
    tables: { vi: new Map(), vf: new Map(), en: new Map(), ja: new Map() },
    maxKeyLength: { vi: 0, vf: 0, en: 0, ja: 0 },
  };
  concepts.forEach((c, i) => {
    for (const lang of ['vi', 'ja', 'en'] as const) for (const term of c[lang]) addTerm(lex, term, lang, i);
  });
  for (const b of BLOCKERS) addTerm(lex, b, /\p{Script=Han}/u.test(b) ? 'ja' : 'vi', BLOCKER);
  return lex;
};

interface Match {
  entries: number[];
  start: number;
  end: number;
}

/** A word written Capitalised (not an acronym such as KCN): "Trà" in "KCN Trà Nóc". */
const capitalised = (w: string): boolean => /^\p{Lu}\p{Ll}/u.test(w);

/**
 * Is a Vietnamese match part of a proper name? Every syllable Capitalised and a Capitalised
 * syllable joined to it on either side: "Trà" in "Trà Nóc" is a place, not tea, "Quế" in "Quế
 * Võ" not cinnamon. A Capitalised word at the start of a sentence followed by a lowercase one
 * ("Xoài tròn") is still read.
 */
const inProperName = (text: string, tokens: Token[], i: number, j: number): boolean => {
  for (let k = i; k <= j; k++) if (!capitalised(text.slice(tokens[k].start, tokens[k].end))) return false;
  const near = (k: number, a: Token, b: Token) =>
    k >= 0 &&
    k < tokens.length &&
    /^\s+$/u.test(text.slice(a.end, b.start)) &&
    capitalised(text.slice(tokens[k].start, tokens[k].end));
  return (
    (i > 0 && near(i - 1, tokens[i - 1], tokens[i])) ||
    (j + 1 < tokens.length && near(j + 1, tokens[j], tokens[j + 1]))
  );
};

const KATAKANA = /[\p{Script=Katakana}ー]/u;
const HIRAGANA = /\p{Script=Hiragana}/u;
const sameKana = (a: string | undefined, b: string | undefined): boolean =>
  !!a && !!b && ((KATAKANA.test(a) && KATAKANA.test(b)) || (HIRAGANA.test(a) && HIRAGANA.test(b)));

/**
 * A short kana term (one or two characters) inside a longer run of the same kana is part of
 * another word: "イカ" (squid) is not in "ハノイから", "ケア" (care) not in "スキンケア", "たこ"
 * (octopus) not in "いったこと".
 */
const insideKanaWord = (text: string, start: number, end: number): boolean =>
  end - start <= 2 &&
  ![...text.slice(start, end)].some((ch) => !KATAKANA.test(ch) && !HIRAGANA.test(ch)) &&
  (sameKana(text[start - 1], text[start]) || sameKana(text[end - 1], text[end]));

/**
 * In a text written in Vietnamese, a short English word counts only in capitals: "ai" is
 * "who" ("cần ai đó"), "AI" is artificial intelligence.
 */
const lowercaseShortWord = (
  text: string,
  tokens: Token[],
  i: number,
  j: number,
  vietnamese: boolean,
): boolean =>
  vietnamese &&
  i === j &&
  tokens[i].end - tokens[i].start <= 3 &&
  text.slice(tokens[i].start, tokens[i].end) !== text.slice(tokens[i].start, tokens[i].end).toUpperCase();

/**
 * May a term run on from one token to the next? Not across punctuation ("品質、管理" is not
 * 品質管理, "nước, thải" not "nước thải"), and in Japanese not across a space either.
 */
const joined = (text: string, stream: Stream, a: Token, b: Token): boolean => {
  if (a.end === b.start) return true;
  return stream !== 'ja' && /^[\s-]+$/u.test(text.slice(a.end, b.start));
};

const scanStream = (
  lex: CompiledLexicon,
  stream: Stream,
  text: string,
  tokens: Token[],
  out: Match[],
): void => {
  const table = lex.tables[stream];
  const max = lex.maxKeyLength[stream];
  const sep = SEP[stream];
  const latinVi = stream === 'vi' || stream === 'vf';
  const vietnamese = stream === 'en' && hasVietnameseMarks(text);
  for (let i = 0; i < tokens.length; i++) {
    let key = tokens[i].key;
    for (let j = i; j < tokens.length && key.length <= max; ) {
      const entries = table.get(key);
      if (
        entries &&
        !(latinVi && inProperName(text, tokens, i, j)) &&
        !(stream === 'en' && lowercaseShortWord(text, tokens, i, j, vietnamese)) &&
        !(stream === 'ja' && insideKanaWord(text, tokens[i].start, tokens[j].end))
      )
        out.push({ entries, start: tokens[i].start, end: tokens[j].end });
      j++;
      if (j >= tokens.length || !joined(text, stream, tokens[j - 1], tokens[j])) break;
      key += sep + tokens[j].key;
    }
  }
};

/** Drops matches lying strictly inside a longer one: "nước" inside "nước thải", "米" in "米国". */
const outermost = (matches: Match[]): Match[] => {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  let reachStart = -1;
  let reachEnd = -1;
  for (const m of matches) {
    const inside = m.end <= reachEnd && !(m.start === reachStart && m.end === reachEnd);
    if (inside) continue;
    kept.push(m);
    if (m.end > reachEnd) {
      reachStart = m.start;
      reachEnd = m.end;
    }
  }
  return kept;
};

const SECTOR_INDEX = new Map<string, number>(SECTOR_CODES.map((c, i) => [c, i]));

/**
 * Maps one offer or need to sectors. A sector's confidence combines its concepts' weights as
 * independent evidence (noisy-or), so two specific terms make it surer than one.
 * @example analyzeText(compileLexicon(), 'Cần công nghệ xử lý nước thải').sectors[0].sector
 * // 'environment.water'
 */
export const analyzeText = (lex: CompiledLexicon, text: string): TextAnalysis => {
  const units = tokenize(text, lex.segmenter);
  const matches: Match[] = [];
  for (const s of STREAMS) scanStream(lex, s, units.text, units[s], matches);
  const triggers = new Map<number, Set<string>>();
  const generic = new Set<string>();
  for (const m of outermost(matches)) {
    const surface = units.text.slice(m.start, m.end);
    for (const e of m.entries) {
      if (e === BLOCKER) continue;
      if (lex.concepts[e].generic) {
        generic.add(surface);
        continue;
      }
      const set = triggers.get(e) ?? new Set<string>();
      set.add(surface);
      triggers.set(e, set);
    }
  }
  const concepts = [...triggers.keys()].sort((a, b) => a - b);
  const bySector = new Map<SectorCode, { miss: number; words: Set<string> }>();
  for (const ci of concepts) {
    const c = lex.concepts[ci];
    for (const sector of c.sectors) {
      const acc = bySector.get(sector) ?? { miss: 1, words: new Set<string>() };
      acc.miss *= 1 - c.weight;
      for (const w of triggers.get(ci) ?? []) acc.words.add(w);
      bySector.set(sector, acc);
    }
  }
  const sectors = [...bySector.entries()]
    .map(([sector, a]) => ({
      sector,
      confidence: contextDiscount(sector, bySector) * (1 - a.miss),
      triggers: [...a.words],
    }))
    .sort((a, b) => b.confidence - a.confidence || sectorOrder(a.sector) - sectorOrder(b.sector));
  return {
    sectors,
    concepts,
    conceptTriggers: concepts.map((ci) => [...(triggers.get(ci) ?? [])]),
    generic: [...generic],
  };
};

/**
 * "Cold storage for mangoes" is about the cold chain; the fruit is context. When a text names a
 * sub-sector (agriculture.food) with some confidence, its parent (agriculture) counts half.
 */
const contextDiscount = (sector: string, found: ReadonlyMap<string, { miss: number }>): number => {
  for (const [other, acc] of found) if (other.startsWith(`${sector}.`) && acc.miss <= 0.3) return 0.5;
  return 1;
};

/** Position of a sector in the taxonomy: a stable tie-break and the index used in score arrays. */
export const sectorOrder = (code: string): number => SECTOR_INDEX.get(code) ?? SECTOR_CODES.length;
