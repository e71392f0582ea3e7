/**
 * An optional semantic layer: a sentence-embedding model could score a need against an offer
 * when the lexicon has no word for it. The engine does not use one by default, needs none to
 * work, and no test loads a model; this is the shape one must take to be plugged in later.
 */
export interface SemanticScorer {
  readonly name: string;
  /** One vector per text, unit length, computed offline before matching. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Similarity of two embedded texts in [0, 1]. */
  similarity(a: Float32Array, b: Float32Array): number;
}
