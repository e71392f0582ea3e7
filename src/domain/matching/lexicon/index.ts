import { AGRICULTURE } from './agriculture.ts';
import type { Concept } from './concept.ts';
import { DETAIL } from './detail.ts';
import { ECONOMY } from './economy.ts';
import { ENVIRONMENT } from './environment.ts';
import { EVERYDAY, VISITORS } from './everyday.ts';
import { FIELDS } from './fields.ts';
import { GENERIC } from './generic.ts';
import { INDUSTRIES } from './industries.ts';
import { PEOPLE } from './people.ts';
import { PRODUCTS } from './products.ts';
import { HS_PRODUCTS } from './products-hs.ts';
import { SERVICES } from './services.ts';
import { OCCUPATIONS, withOccupations } from './skills.ts';
import { SOCIETY } from './society.ts';
import { withVariants } from './variants.ts';

export type { Concept } from './concept.ts';

/** The whole curated lexicon, every concept once. */
export const LEXICON: readonly Concept[] = withVariants([
  ...ECONOMY,
  ...AGRICULTURE,
  ...PRODUCTS,
  ...ENVIRONMENT,
  ...PEOPLE,
  ...SOCIETY,
  ...INDUSTRIES,
  ...SERVICES,
  ...HS_PRODUCTS,
  ...withOccupations(DETAIL),
  ...OCCUPATIONS,
  ...EVERYDAY,
  ...VISITORS,
  ...FIELDS,
  ...GENERIC,
]);

/**
 * Terms that are recognised only so that the words inside them are not: "米国" (the United
 * States) must not count as "米" (rice), nor "nhãn hiệu" (brand) as "nhãn" (longan).
 */
export const BLOCKERS: readonly string[] = [
  '米国',
  '欧米',
  '北米',
  '南米',
  '日米',
  'nhãn hiệu',
  'nhãn mác',
  'dán nhãn',
  'hợp tác xã',
  // Single syllables of the inventories inside everyday words: "cá nhân" is not fish, "Hàn
  // Quốc" not welding, "giấy phép" not paper, "phương tiện" not a lathe.
  'cá nhân',
  'cá thể',
  'cá tính',
  'hàn quốc',
  'người hàn',
  'giấy phép',
  'giấy tờ',
  'giấy chứng nhận',
  'phương tiện',
  'thuận tiện',
  'tiện lợi',
  'tiện ích',
  'nghệ an',
  'sơn la',
  'liên lạc',
  'mục tiêu',
  'chi tiêu',
  'tiêu dùng',
  'tiêu biểu',
  'tiêu chí',
  'người tiêu dùng',
  // "cải" (greens) inside "cải tạo" (renovate), "cải thiện" (improve), "cải cách" (reform);
  // "nhãn" (longan) as a label.
  'cải tạo',
  'cải thiện',
  'cải cách',
  'theo nhãn',
  'nhãn riêng',
  'nhãn hàng',
];

const BY_ID = new Map(LEXICON.map((c) => [c.id, c]));

/**
 * A concept in a reader's language: its first term there (the lexicon lists the common name
 * first), else its English one; undefined for an unknown id.
 * @example conceptLabel('wastewater', 'ja') // '下水'
 */
export const conceptLabel = (id: string, lang: 'vi' | 'ja' | 'en'): string | undefined => {
  const c = BY_ID.get(id);
  return c ? (c[lang][0] ?? c.en[0]) : undefined;
};
