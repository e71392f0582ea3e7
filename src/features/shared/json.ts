/** Parses a JSON column; the database only holds what we wrote, so a failure is a bug. */
export const parseJson = <T>(text: string | null, fallback: T): T =>
  text ? (JSON.parse(text) as T) : fallback;

export const nowIso = (): string => new Date().toISOString();

export const localized = (row: { vi: string | null; ja: string | null; en: string | null }) => {
  const out: { vi?: string; ja?: string; en?: string } = {};
  if (row.vi) out.vi = row.vi;
  if (row.ja) out.ja = row.ja;
  if (row.en) out.en = row.en;
  return out;
};

/** Map.groupBy arrived in Node 21; this is the same for Node 20. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
