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
