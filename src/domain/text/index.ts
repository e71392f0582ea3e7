export {
  detectLanguage,
  foldForSearch,
  foldJapanese,
  foldVietnamese,
  hasVietnameseMarks,
  katakanaToHiragana,
  lowerNfc,
} from './normalize.ts';
export { charSegmenter, type JapaneseSegmenter, loadKuromojiSegmenter, type Span } from './segment.ts';
export { stemEnglish } from './stem.ts';
export { syllableNgrams, type TextUnits, type Token, termKeys, tokenize } from './tokenize.ts';
