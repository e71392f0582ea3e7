/**
 * A small English stemmer in the spirit of Porter (1980): enough to make "caregivers",
 * "caregiving" and "caregiver" one key, and "processing"/"processed" meet "process". It is
 * applied to both the lexicon and the text, so consistency matters more than linguistic truth.
 */

const VOWEL = /[aeiouy]/;
const hasVowel = (s: string): boolean => VOWEL.test(s);

// Ordered longest-first within each step; the first matching suffix wins.
const STEP2: [string, string][] = [
  ['ational', 'ate'],
  ['ization', 'ize'],
  ['isation', 'ize'],
  ['fulness', 'ful'],
  ['iveness', 'ive'],
  ['ousness', 'ous'],
  ['tional', 'tion'],
  ['biliti', 'ble'],
  ['ation', 'ate'],
  ['alism', 'al'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['ement', ''],
  ['ness', ''],
  ['ment', ''],
  ['ical', 'ic'],
  ['ator', 'ate'],
  ['ful', ''],
  ['ity', ''],
  ['ise', 'ize'],
];

const stripPlural = (w: string): string => {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('s') && w.length > 3) return w.slice(0, -1);
  return w;
};

const stripVerbal = (w: string): string => {
  for (const suffix of ['ing', 'ed']) {
    const stem = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && stem.length >= 3 && hasVowel(stem)) {
      // "farming" → "farm", "stopped" → "stop", "stored" → "store"→ both become "stor".
      if (/([^aeiouslz])\1$/.test(stem)) return stem.slice(0, -1);
      return stem;
    }
  }
  return w;
};

const stripDerivational = (w: string): string => {
  for (const [suffix, repl] of STEP2) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length) + repl;
  }
  return w;
};

/**
 * Words the rules would fold onto a different word ("grouper" onto "group", "hospitality" onto
 * "hospital", "machining" onto "machines"), kept as themselves, as Porter stemmers keep an
 * exception list.
 */
const EXCEPTIONS = new Map<string, string>([
  ['grouper', 'grouper'],
  ['groupers', 'grouper'],
  ['hospitality', 'hospitality'],
  ['machining', 'machining'],
  ['machined', 'machining'],
  ['landing', 'landing'],
  ['landings', 'landing'],
  ['planer', 'planer'],
  ['watering', 'watering'],
  ['feeder', 'feeder'],
  ['feeders', 'feeder'],
  ['programme', 'programme'],
  ['programmes', 'programme'],
  ['planers', 'planer'],
]);

/**
 * Stems one lowercase English word. Words shorter than 4 letters are returned unchanged.
 * @example stemEnglish('caregivers') // 'caregiv'
 */
export const stemEnglish = (word: string): string => {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  const fixed = EXCEPTIONS.get(word);
  if (fixed) return fixed;
  let w = stripPlural(word);
  w = stripVerbal(w);
  w = stripDerivational(w);
  // A final -e/-y carries little: "store"/"stor", "supply"/"suppli" meet.
  if (w.length > 4 && (w.endsWith('e') || w.endsWith('y') || w.endsWith('i'))) w = w.slice(0, -1);
  if (w.length > 5 && (w.endsWith('er') || w.endsWith('or'))) w = w.slice(0, -2);
  return w;
};
