/**
 * Words the forum's files print (calendar descriptions, schedule.json, the printed programme),
 * in the three interface languages. The web app has its own catalogues; these are the server's.
 */
import type { Lang, PartOfDay, SessionKind } from './model.ts';

type Table<K extends string> = Record<K, Record<Lang, string>>;

export const KIND_LABELS: Table<SessionKind> = {
  plenary: { vi: 'Phiên toàn thể', ja: '全体会合', en: 'Plenary' },
  thematic: { vi: 'Phiên chuyên đề', ja: 'テーマ別会合', en: 'Thematic session' },
  exhibition: { vi: 'Triển lãm', ja: '展示', en: 'Exhibition' },
  meetings: { vi: 'Gặp gỡ song phương', ja: '個別面談', en: 'Bilateral meetings' },
  ceremony: { vi: 'Lễ ký kết và trao văn kiện', ja: '署名・交換式', en: 'Signing ceremony' },
  visit: { vi: 'Tham quan', ja: '視察', en: 'Site visit' },
  break: { vi: 'Giải lao', ja: '休憩', en: 'Break' },
};

export const PART_OF_DAY_LABELS: Table<PartOfDay> = {
  morning: { vi: 'buổi sáng', ja: '午前', en: 'morning' },
  afternoon: { vi: 'buổi chiều', ja: '午後', en: 'afternoon' },
  evening: { vi: 'buổi tối', ja: '夜', en: 'evening' },
};

export const WORDS: Table<
  | 'room'
  | 'speakers'
  | 'floorLanguage'
  | 'interpretation'
  | 'unofficialTranslation'
  | 'officialTranslation'
  | 'timeNotKnown'
  | 'release'
  | 'programme'
  | 'cancelled'
  | 'synthetic'
> = {
  room: { vi: 'Phòng', ja: '会場', en: 'Room' },
  speakers: { vi: 'Diễn giả', ja: '登壇者', en: 'Speakers' },
  floorLanguage: { vi: 'Ngôn ngữ phát biểu', ja: '発言言語', en: 'Floor language' },
  interpretation: { vi: 'Phiên dịch', ja: '通訳', en: 'Interpretation' },
  unofficialTranslation: { vi: 'bản dịch không chính thức', ja: '非公式訳', en: 'unofficial translation' },
  officialTranslation: { vi: 'bản dịch chính thức', ja: '公式訳', en: 'official translation' },
  timeNotKnown: {
    vi: 'giờ chính xác chưa được công bố',
    ja: '正確な時刻は未発表',
    en: 'exact time not published',
  },
  release: { vi: 'Phiên bản', ja: '版', en: 'Release' },
  programme: { vi: 'Chương trình', ja: 'プログラム', en: 'Programme' },
  cancelled: { vi: 'Đã hủy', ja: '中止', en: 'Cancelled' },
  synthetic: {
    vi: 'Dữ liệu mô phỏng (không có thật)',
    ja: '合成データ(架空)',
    en: 'Synthetic data (not real)',
  },
};

export const LANGUAGE_NAMES: Table<Lang> = {
  vi: { vi: 'Tiếng Việt', ja: 'ベトナム語', en: 'Vietnamese' },
  ja: { vi: 'Tiếng Nhật', ja: '日本語', en: 'Japanese' },
  en: { vi: 'Tiếng Anh', ja: '英語', en: 'English' },
};

/** `vi>ja` → `Tiếng Việt → Tiếng Nhật` in the reader's language; `en` alone is an English relay. */
export function interpretationLabel(pair: string, lang: Lang): string {
  const [from, to] = pair.split('>') as [Lang, Lang | undefined];
  const name = (l: Lang) => LANGUAGE_NAMES[l]?.[lang] ?? l;
  return to ? `${name(from)} → ${name(to)}` : name(from);
}
