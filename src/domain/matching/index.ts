/**
 * Partner matching: what one side needs, the other side has. See docs/matching.md.
 *
 * Typical use: `const index = buildIndex(profiles)` once, then `recommend(index, id, { top })`
 * per request, or `matchAll(profiles)` for the whole set.
 */
export { type BuildOptions, buildIndex, type MatchIndex } from './build.ts';
export {
  analyzeText,
  type CompiledLexicon,
  compileLexicon,
  type SectorHit,
  type TextAnalysis,
} from './detect.ts';
export {
  isCandidateCountry,
  type MatchesDocument,
  matchAll,
  type Recommendation,
  type RecommendOptions,
  recommend,
} from './engine.ts';
export { type Concept, conceptLabel, LEXICON } from './lexicon/index.ts';
export {
  MATCHES_FORMAT,
  MAX_TEXT_LENGTH,
  PROFILES_FORMAT,
  type Problem,
  type Profile,
  type ProfileInput,
  ProfileSchema,
  ProfilesFileSchema,
  validateProfiles,
} from './profile.ts';
export type { Reason } from './reasons.ts';
export type { SemanticScorer } from './semantic.ts';
