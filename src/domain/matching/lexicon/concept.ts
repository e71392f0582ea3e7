import type { SectorCode } from '../../sectors.ts';

/**
 * One idea, named in three languages: "wastewater treatment" = "xử lý nước thải" = "排水処理".
 * A concept belongs to one or more sectors (介護人材 is both nursing care and workers).
 * `weight` is how sure a mention makes us of the sector: 1 for a specific term, lower for a
 * word that also appears in passing ("technology", "kinh tế").
 */
export interface Concept {
  id: string;
  sectors: readonly SectorCode[];
  weight: number;
  vi: readonly string[];
  ja: readonly string[];
  en: readonly string[];
  /**
   * A word of every field ("industry", "công nghiệp", "産業", "technology"): recognised so that
   * it is not read as part of something else, but never evidence of a sector or of a link.
   */
  generic?: boolean;
}

const split = (s: string): string[] =>
  s
    .split('|')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);

/** Terms are written `a|b|c` to keep the data files readable. */
export const concept = (
  sectors: SectorCode | SectorCode[],
  id: string,
  terms: { vi: string; ja: string; en: string },
  weight = 1,
): Concept => ({
  id,
  sectors: Array.isArray(sectors) ? sectors : [sectors],
  weight,
  vi: split(terms.vi),
  ja: split(terms.ja),
  en: split(terms.en),
});

/** One concept as a table row: id, sector(s), vi, ja, en (terms `a|b|c`), weight (default 1). */
export type ConceptRow = [string, SectorCode | SectorCode[], string, string, string, number?];

/** Concepts from table rows, for the inventories kept as tables. */
export const fromRows = (rows: readonly ConceptRow[]): Concept[] =>
  rows.map(([id, sectors, vi, ja, en, weight]) => concept(sectors, id, { vi, ja, en }, weight ?? 1));
