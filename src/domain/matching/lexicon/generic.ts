import type { Concept } from './concept.ts';

/**
 * Words that every field uses ("industry", "công nghiệp", "産業", "technology", "cooperation").
 * They are recognised, so that a longer term containing one is read as itself and a reason can
 * say what was understood, but they carry no sector: a need and an offer that share only such a
 * word are not linked. "Xử lý nước thải công nghiệp" is about wastewater; "công nghiệp" does not
 * make it a match for precision manufacturing.
 *
 * Rows: id, vi, ja, en (terms separated by |).
 */
const ROWS: [string, string, string, string][] = [
  [
    'industry',
    'công nghiệp|ngành công nghiệp|ngành|lĩnh vực',
    '産業|工業|業界|分野|業種',
    'industry|industries|industrial|sector|sectors|field',
  ],
  [
    'technology',
    'công nghệ|kỹ thuật|giải pháp|bí quyết|kinh nghiệm',
    '技術|ノウハウ|テクノロジー|ソリューション|経験|知見',
    'technology|technologies|technical|know-how|solutions|solution|experience|expertise',
  ],
  [
    'cooperation',
    'hợp tác|liên kết|đối tác|hợp tác quốc tế|kết nối',
    '協力|連携|協業|提携|パートナー|国際協力|交流促進',
    'cooperation|collaboration|partnership|partnerships|partners|partner|linkage',
  ],
  [
    'development',
    'phát triển|nâng cao|cải thiện|thúc đẩy|mở rộng',
    '開発|発展|振興|推進|向上|改善|強化|拡大',
    'development|develop|improvement|improve|promotion|promote|expand|strengthen',
  ],
  [
    'support',
    'hỗ trợ|giúp đỡ|tư vấn',
    '支援|協助|サポート|相談|コンサルティング',
    'support|assistance|help|advice|consulting',
  ],
  ['production', 'sản xuất', '生産', 'production|produce|producing'],
  [
    'business',
    'doanh nghiệp|công ty|kinh doanh|dịch vụ|sản phẩm|hàng hóa',
    '企業|会社|事業|ビジネス|サービス|製品|商品|事業者',
    'business|businesses|company|companies|enterprise|enterprises|firm|firms|services|service|products|product|goods',
  ],
  [
    'project',
    'dự án|chương trình|kế hoạch|mô hình',
    'プロジェクト|計画|事業計画|プログラム|モデル',
    'project|projects|plan|model',
  ],
  [
    'quality',
    'chất lượng|chất lượng cao|tiêu chuẩn|hiệu quả|hiện đại',
    '品質|高品質|基準|効率|高度',
    'quality|high quality|standards|standard|efficiency|efficient|advanced|modern',
  ],
  [
    'management',
    'quản lý|vận hành|hệ thống|thiết bị',
    '管理|運営|運用|システム|設備|機器',
    'management|operation|operations|system|systems|equipment',
  ],
  [
    'local',
    'địa phương|khu vực|vùng|tỉnh|thành phố|quốc tế|nước ngoài|trong nước',
    '地域|地方|県|市|国際|海外|国内|地元',
    'local|region|regional|province|prefecture|city|international|overseas|foreign|domestic',
  ],
  [
    'new-high',
    'mới|công nghệ cao|tiên tiến',
    '新しい|先端|先進|ハイテク|最新',
    'new|high-tech|cutting-edge|innovative',
  ],
  ['design', 'thiết kế|thiết kế sản phẩm', '設計|デザイン', 'design|designs|designers|designer'],
];

export const GENERIC: Concept[] = ROWS.map(([id, vi, ja, en]) => ({
  id: `generic-${id}`,
  sectors: [],
  weight: 0.1,
  generic: true,
  vi: vi.split('|'),
  ja: ja.split('|'),
  en: en.split('|'),
}));
