import type { TFunction } from 'i18next';
import type { LocalitySummary, LocalizedText } from '../api/types.ts';

/**
 * Display names for a set of localities, with the kind added where two would read the same:
 * Osaka Prefecture and Osaka City are both "Osaka" in English and Vietnamese (in Japanese
 * they differ: 大阪府, 大阪市), and in a graph or a pair list the reader must tell them apart.
 */
export function distinctLabels(
  localities: LocalitySummary[],
  text: (v: LocalizedText) => string,
  t: TFunction,
): Map<string, string> {
  const count = new Map<string, number>();
  for (const l of localities) count.set(text(l.name), (count.get(text(l.name)) ?? 0) + 1);
  return new Map(
    localities.map((l) => {
      const name = text(l.name);
      return [l.code, (count.get(name) ?? 0) > 1 ? t(`names.${l.kind}`, { name }) : name];
    }),
  );
}

/** A locality's kind from its code, for parties (which carry no kind): JP-27 vs JP-27-SAKAI. */
export function kindFromCode(code: string): LocalitySummary['kind'] {
  if (code.startsWith('JP-')) return /^JP-\d{2}$/.test(code) ? 'prefecture' : 'municipality';
  return 'province';
}
