/**
 * Kizuna's cooperation-sector taxonomy: the one list of codes used for agreement fields,
 * organisation sectors, priority fields and partner matching. Codes are stable identifiers
 * (`group` or `group.topic`); labels are what a reader sees, in each interface language.
 *
 * The matcher's lexicon (src/domain/matching/) adds search terms per code; this file holds
 * only the codes and their display labels, so that a code is defined in exactly one place.
 */
export type Lang = 'vi' | 'ja' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'ja', 'en'];

export interface Sector {
  code: string;
  label: Record<Lang, string>;
}

export const SECTORS = [
  { code: 'economy', label: { en: 'Economic cooperation', vi: 'Hợp tác kinh tế', ja: '経済交流' } },
  {
    code: 'trade',
    label: { en: 'Trade and market access', vi: 'Thương mại và xúc tiến thị trường', ja: '貿易・販路開拓' },
  },
  {
    code: 'investment',
    label: { en: 'Investment and industrial parks', vi: 'Đầu tư và khu công nghiệp', ja: '投資・工業団地' },
  },
  {
    code: 'industry.manufacturing',
    label: {
      en: 'Manufacturing and supporting industries',
      vi: 'Công nghiệp chế tạo và công nghiệp hỗ trợ',
      ja: '製造業・裾野産業',
    },
  },
  {
    code: 'industry.semiconductors',
    label: { en: 'Semiconductors and electronics', vi: 'Bán dẫn và điện tử', ja: '半導体・電子産業' },
  },
  { code: 'agriculture', label: { en: 'Agriculture', vi: 'Nông nghiệp', ja: '農業' } },
  {
    code: 'agriculture.high_tech',
    label: {
      en: 'High-tech and smart agriculture',
      vi: 'Nông nghiệp công nghệ cao',
      ja: 'スマート農業・高付加価値農業',
    },
  },
  {
    code: 'agriculture.food',
    label: {
      en: 'Food processing and cold chain',
      vi: 'Chế biến thực phẩm và chuỗi lạnh',
      ja: '食品加工・コールドチェーン',
    },
  },
  {
    code: 'fisheries',
    label: { en: 'Fisheries and aquaculture', vi: 'Thủy sản và nuôi trồng thủy sản', ja: '水産業・養殖' },
  },
  { code: 'forestry', label: { en: 'Forestry and timber', vi: 'Lâm nghiệp và gỗ', ja: '林業・木材' } },
  {
    code: 'rural',
    label: {
      en: 'Rural revitalisation and local products',
      vi: 'Phát triển nông thôn và sản phẩm đặc trưng địa phương',
      ja: '地域振興・特産品',
    },
  },
  { code: 'environment', label: { en: 'Environmental protection', vi: 'Bảo vệ môi trường', ja: '環境保全' } },
  {
    code: 'environment.water',
    label: { en: 'Water supply and wastewater', vi: 'Cấp nước và xử lý nước thải', ja: '上下水道・水処理' },
  },
  {
    code: 'environment.waste',
    label: {
      en: 'Waste management and recycling',
      vi: 'Quản lý chất thải và tái chế',
      ja: '廃棄物処理・リサイクル',
    },
  },
  {
    code: 'climate.lowcarbon',
    label: {
      en: 'Decarbonisation and climate change',
      vi: 'Giảm phát thải và ứng phó biến đổi khí hậu',
      ja: '脱炭素・気候変動対策',
    },
  },
  {
    code: 'climate.disaster',
    label: { en: 'Disaster prevention and resilience', vi: 'Phòng chống thiên tai', ja: '防災・減災' },
  },
  {
    code: 'energy',
    label: {
      en: 'Energy and renewables',
      vi: 'Năng lượng và năng lượng tái tạo',
      ja: 'エネルギー・再生可能エネルギー',
    },
  },
  {
    code: 'labour.training',
    label: {
      en: 'Human resources and vocational training',
      vi: 'Phát triển nguồn nhân lực và đào tạo nghề',
      ja: '人材育成・職業訓練',
    },
  },
  {
    code: 'labour.workers',
    label: {
      en: 'Workers and technical intern trainees',
      vi: 'Người lao động và thực tập sinh kỹ năng',
      ja: '外国人材・技能実習',
    },
  },
  { code: 'healthcare', label: { en: 'Healthcare and medicine', vi: 'Y tế', ja: '医療・保健' } },
  {
    code: 'healthcare.nursing',
    label: { en: 'Nursing and elderly care', vi: 'Điều dưỡng và chăm sóc người cao tuổi', ja: '介護・看護' },
  },
  {
    code: 'education',
    label: {
      en: 'Education and academic exchange',
      vi: 'Giáo dục và hợp tác học thuật',
      ja: '教育・学術交流',
    },
  },
  {
    code: 'exchange.people',
    label: {
      en: 'People-to-people and youth exchange',
      vi: 'Giao lưu nhân dân và thanh thiếu niên',
      ja: '市民・青少年交流',
    },
  },
  { code: 'culture', label: { en: 'Culture and arts', vi: 'Văn hóa và nghệ thuật', ja: '文化・芸術' } },
  { code: 'sport', label: { en: 'Sport', vi: 'Thể thao', ja: 'スポーツ' } },
  { code: 'tourism', label: { en: 'Tourism', vi: 'Du lịch', ja: '観光' } },
  {
    code: 'digital',
    label: {
      en: 'Digital transformation and IT',
      vi: 'Chuyển đổi số và công nghệ thông tin',
      ja: 'デジタル化・IT',
    },
  },
  {
    code: 'innovation',
    label: {
      en: 'Science, innovation and startups',
      vi: 'Khoa học, đổi mới sáng tạo và khởi nghiệp',
      ja: '科学技術・イノベーション・スタートアップ',
    },
  },
  {
    code: 'infrastructure.transport',
    label: {
      en: 'Transport, ports and logistics',
      vi: 'Giao thông, cảng biển và logistics',
      ja: '交通・港湾・物流',
    },
  },
  {
    code: 'urban',
    label: {
      en: 'Urban development and planning',
      vi: 'Phát triển và quy hoạch đô thị',
      ja: '都市開発・まちづくり',
    },
  },
  {
    code: 'governance',
    label: { en: 'Public administration', vi: 'Quản lý hành chính công', ja: '行政運営' },
  },
  {
    code: 'friendship',
    label: { en: 'Friendship and general exchange', vi: 'Hữu nghị và giao lưu chung', ja: '友好交流' },
  },
] as const satisfies readonly Sector[];

export type SectorCode = (typeof SECTORS)[number]['code'];

export const SECTOR_CODES: readonly SectorCode[] = SECTORS.map((s) => s.code);

const byCode = new Map<string, Sector>(SECTORS.map((s) => [s.code, s]));

export const isSectorCode = (code: string): code is SectorCode => byCode.has(code);

export const sectorLabel = (code: string, lang: Lang): string => byCode.get(code)?.label[lang] ?? code;
