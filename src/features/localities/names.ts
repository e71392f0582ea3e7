import { foldForSearch } from '../../domain/text/normalize.ts';

/**
 * Pure: shared by the server (parties, scopes and owners given by name) and the web app's pickers.
 * What people call a place without its kind: "Shiga" for 滋賀県, "Quảng Ninh" for Tỉnh Quảng Ninh,
 * "Osaka" for Osaka City. Compared folded (no case, diacritics or width; katakana as hiragana).
 */
const KIND_WORDS =
  /^(tinh|thanh pho|tp|city of|prefecture of)\s+|\s+(city|prefecture|province|town|village|shi|ken)$|(県|府|都|道|省|市|町|村)$/u;

export const bareName = (name: string): string => {
  let folded = foldForSearch(name);
  for (let i = 0; i < 2; i++) folded = folded.replace(KIND_WORDS, '').trim();
  return folded.replace(/\s+/g, '');
};

export interface NamedRecord {
  id: string;
  name: { vi?: string; ja?: string; en?: string };
}

/**
 * The records a typed name stands for among search candidates: every one whose name in some
 * language is the typed text, without case, diacritics, spaces or its kind word; when none is,
 * all the candidates (the caller says which they could be).
 *
 * @example exactlyNamed('quang ninh', [{ id: 'VN-QUANG-NINH', name: { vi: 'Quảng Ninh' } }]) // that one
 */
export function exactlyNamed<T extends NamedRecord>(typed: string, candidates: T[]): T[] {
  const want = bareName(typed);
  const full = foldForSearch(typed).replace(/\s+/g, '');
  const exact = candidates.filter((c) =>
    [c.name.vi, c.name.ja, c.name.en, c.id].some(
      (n) => n && (foldForSearch(n).replace(/\s+/g, '') === full || bareName(n) === want),
    ),
  );
  if (exact.length <= 1) return exact.length ? exact : candidates;
  // "Osaka" is both 大阪府 and Osaka City: the one named without its kind word ("Osaka") wins.
  const verbatim = exact.filter((c) =>
    [c.name.vi, c.name.ja, c.name.en].some((n) => n && foldForSearch(n).replace(/\s+/g, '') === full),
  );
  return verbatim.length === 1 ? verbatim : exact;
}
