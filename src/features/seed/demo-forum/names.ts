/**
 * Synthetic people for the demo forum: names put together from common Vietnamese and Japanese
 * family and given names, each in its own script and in Latin letters, chosen by a seeded random
 * source (the same seed, the same people). They are combinations, not persons: nobody here is
 * meant to exist, and every record that holds them is marked synthetic.
 */

/** A name part in its own script and in Latin letters. */
export interface NamePart {
  native: string;
  latin: string;
}

export interface PersonName {
  family: NamePart;
  given: NamePart;
  order: 'family-first';
}

type Texts = { vi: string; ja: string; en: string };

/** Vietnamese without its diacritics, as passports and badges print it (đ → d). */
export const latinOf = (vi: string) =>
  vi
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

const VN_FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const VN_MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Hữu', 'Thu', 'Kim'];
const VN_GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
];

/** [kanji, Hepburn without macrons, as passports print it]. */
const JP_FAMILY: [string, string][] = [
  ['佐藤', 'Sato'],
  ['鈴木', 'Suzuki'],
  ['高橋', 'Takahashi'],
  ['田中', 'Tanaka'],
  ['伊藤', 'Ito'],
  ['渡辺', 'Watanabe'],
  ['山本', 'Yamamoto'],
  ['中村', 'Nakamura'],
  ['小林', 'Kobayashi'],
  ['加藤', 'Kato'],
  ['吉田', 'Yoshida'],
  ['山口', 'Yamaguchi'],
  ['松本', 'Matsumoto'],
  ['井上', 'Inoue'],
  ['木村', 'Kimura'],
  ['清水', 'Shimizu'],
];
const JP_GIVEN: [string, string][] = [
  ['翔太', 'Shota'],
  ['大輔', 'Daisuke'],
  ['健一', 'Kenichi'],
  ['陽子', 'Yoko'],
  ['美咲', 'Misaki'],
  ['直樹', 'Naoki'],
  ['由美', 'Yumi'],
  ['拓也', 'Takuya'],
  ['真理子', 'Mariko'],
  ['和也', 'Kazuya'],
  ['恵', 'Megumi'],
  ['誠', 'Makoto'],
  ['彩', 'Aya'],
  ['亮', 'Ryo'],
  ['葵', 'Aoi'],
  ['智子', 'Tomoko'],
  ['浩二', 'Koji'],
  ['さくら', 'Sakura'],
];

/** Positions a delegation's member may hold, in the three languages (generic, no real office). */
export const POSITIONS: Texts[] = [
  { vi: 'Phó Chủ tịch', ja: '副知事', en: 'Vice Chair' },
  { vi: 'Giám đốc Sở Kế hoạch và Đầu tư', ja: '企画投資局長', en: 'Director, Planning and Investment' },
  { vi: 'Phó Giám đốc Sở Công Thương', ja: '商工局次長', en: 'Deputy Director, Industry and Trade' },
  { vi: 'Trưởng phòng Hợp tác quốc tế', ja: '国際交流課長', en: 'Head of International Cooperation' },
  { vi: 'Chuyên viên', ja: '主査', en: 'Officer' },
  { vi: 'Chuyên viên chính', ja: '主任', en: 'Senior Officer' },
  { vi: 'Giám đốc doanh nghiệp', ja: '企業代表', en: 'Company Director' },
  { vi: 'Phiên dịch viên', ja: '通訳', en: 'Interpreter' },
  { vi: 'Giảng viên đại học', ja: '大学教員', en: 'University Lecturer' },
  { vi: 'Cán bộ xúc tiến du lịch', ja: '観光振興担当', en: 'Tourism Promotion Officer' },
];

export type Rand = () => number;
export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/** A Vietnamese name: family, then a middle and a given name (written together as the given part). */
export function vietnameseName(rand: Rand): PersonName {
  const family = pick(rand, VN_FAMILY);
  const given = `${pick(rand, VN_MIDDLE)} ${pick(rand, VN_GIVEN)}`;
  return {
    family: { native: family, latin: latinOf(family) },
    given: { native: given, latin: latinOf(given) },
    order: 'family-first',
  };
}

export function japaneseName(rand: Rand): PersonName {
  const [fn, fl] = pick(rand, JP_FAMILY);
  const [gn, gl] = pick(rand, JP_GIVEN);
  return { family: { native: fn, latin: fl }, given: { native: gn, latin: gl }, order: 'family-first' };
}

/** `Nguyễn Thị Lan` / `佐藤 美咲` and their Latin forms, family name first. */
export const fullName = (n: PersonName) => ({
  native: `${n.family.native} ${n.given.native}`,
  latin: `${n.family.latin} ${n.given.latin}`,
});
