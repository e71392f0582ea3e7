import type { SectorCode } from '../../sectors.ts';
import { type Concept, concept } from './concept.ts';

/**
 * Occupations, following Japan's specified-skilled-worker (特定技能) fields and the technical
 * intern occupations, which is how most Vietnamese–Japanese labour cooperation is described:
 * nursing care, building cleaning, manufacturing (casting, pressing, machining, welding,
 * painting, electronics), construction, shipbuilding, automobile maintenance, aviation,
 * accommodation, agriculture, fisheries, food manufacturing, food service, drivers, railways,
 * forestry. An occupation is a field plus `labour.workers`: "thợ hàn" meets "溶接工" as the
 * same work, and a need for such workers meets an offer of them. The word for the work itself
 * ("hàn", "溶接", "welding") is a concept of detail.ts without `labour.workers`, so a factory
 * that welds is not mistaken for a source of welders; an occupation's terms are also listed
 * under its work (`work`), so "thợ hàn" and "溶接" still share a concept.
 */
const W = 'labour.workers' as const;
const M = 'industry.manufacturing' as const;

/** id, field(s), the work's concept id in detail.ts (or ''), vi, ja, en. */
type OccupationRow = [string, SectorCode | SectorCode[], string, string, string, string];

export const OCCUPATION_ROWS: OccupationRow[] = [
  [
    'welders',
    M,
    'welding',
    'thợ hàn|thợ hàn tig|thợ hàn co2|ứng viên hàn|nghề hàn',
    '溶接工|溶接技能者|溶接職人|溶接ができる人',
    'welders|welder',
  ],
  [
    'machinists',
    M,
    'machining',
    'thợ tiện|thợ phay|thợ cơ khí|thợ máy|thợ tiện phay|nghề cắt gọt kim loại|thợ vận hành máy cnc',
    '旋盤工|機械加工職人|機械加工の技能者|nc オペレーター|加工職人',
    'machinists|machinist|cnc operators|machine operators',
  ],
  [
    'painters-platers',
    M,
    'surface-finishing',
    'thợ sơn|thợ sơn công nghiệp|thợ mạ',
    '塗装工|塗装の技能者|めっき工',
    'painters|industrial painters|platers',
  ],
  [
    'foundry-press-workers',
    M,
    'casting',
    'thợ đúc|thợ rèn|thợ dập|công nhân đúc',
    '鋳造工|プレス工|鍛造工',
    'foundry workers|press operators|forging workers',
  ],
  [
    'electronics-workers',
    ['industry.semiconductors', M],
    'electronics-assembly',
    'công nhân điện tử|công nhân lắp ráp|lao động lành nghề về điện tử|thợ điện tử',
    '電子機器組立の技能者|組立作業員|実装オペレーター',
    'electronics operators|assembly workers|assemblers',
  ],
  [
    'sewing-workers',
    M,
    'sewing',
    'thợ may|công nhân may|công nhân dệt may',
    '縫製工|縫製スタッフ|ミシンオペレーター',
    'sewing operators|seamstresses|garment workers',
  ],
  [
    'construction-workers',
    'urban',
    '',
    'thợ xây|thợ cốp pha|thợ cốt thép|thợ giàn giáo|lái máy xúc|công nhân xây dựng|lao động xây dựng|cốp pha|cốt thép|giàn giáo|thợ nề|thợ mộc|thợ điện',
    '型枠大工|鉄筋工|とび職|とび|型枠|鉄筋|内装工|建設技能者|建設作業員|重機オペレーター|大工|左官|電気工事士|配管工',
    'construction workers|formwork carpenters|rebar workers|scaffolders|excavator operators|carpenters|plasterers|plumbers|electricians|bricklayers',
  ],
  [
    'shipyard-workers',
    [M, 'infrastructure.transport'],
    '',
    'thợ đóng tàu|công nhân đóng tàu',
    '造船技能者|ぎょう鉄|造船の技能者',
    'shipyard workers|shipbuilding workers',
  ],
  [
    'mechanics',
    M,
    '',
    'thợ sửa xe|thợ sửa ô tô|kỹ thuật viên ô tô|thợ bảo dưỡng|kỹ thuật viên bảo trì|thợ bảo trì',
    '整備士|自動車整備士|保全技能者|保全工',
    'mechanics|mechanic|auto mechanics|maintenance technicians',
  ],
  [
    'hospitality-workers',
    'tourism',
    '',
    'nhân viên khách sạn|lễ tân|buồng phòng|nhân viên buồng phòng|phục vụ nhà hàng|phụ bếp|đầu bếp|nhân viên phục vụ|hướng dẫn viên',
    '客室清掃|配膳|調理補助|フロント|ホテルスタッフ|接客スタッフ|調理師|料理人|ガイド|通訳ガイド',
    'hotel staff|front-desk staff|front desk staff|housekeeping staff|waiters|cooks|chefs|kitchen staff|tour guides|guides',
  ],
  [
    'farm-workers',
    'agriculture',
    '',
    'lao động nông nghiệp|lao động trồng rau|lao động chăn nuôi|thực tập sinh nông nghiệp|công nhân nông trại|lao động trồng trọt',
    '農作業|農業人材|搾乳|収穫作業|摘果|剪定|農業の実習生|畑作',
    'farm workers|farmhands|agricultural workers|milkers|pickers',
  ],
  [
    'fishery-workers',
    'fisheries',
    '',
    'thuyền viên|ngư dân|công nhân chế biến thủy sản|làm lưới|nuôi hàu|lao động nghề cá',
    '乗組員|漁船員|水産加工場の作業員|かき打ち|漁業の特定技能|むき身作業',
    'crew|fishermen|fishing crew|seafood processing workers|oyster shuckers',
  ],
  [
    'food-workers',
    'agriculture.food',
    '',
    'công nhân chế biến thực phẩm|làm cơm hộp|công nhân nhà máy thực phẩm',
    '食品製造の実習生|食品製造|飲食料品製造|弁当・惣菜|食肉加工',
    'food factory workers|food processing workers|food manufacturing',
  ],
  [
    'drivers',
    'infrastructure.transport',
    '',
    'tài xế|lái xe|tài xế xe tải|lái xe tải|tài xế xe buýt',
    '運転手|ドライバー|トラック運転手|バス運転手',
    'drivers|truck drivers|bus drivers',
  ],
  [
    'forestry-workers',
    'forestry',
    '',
    'công nhân lâm nghiệp|công nhân chế biến gỗ',
    '林業従事者|製材工|木工職人',
    'forestry workers|loggers|woodworkers',
  ],
  [
    'engineers',
    M,
    '',
    'kỹ sư cơ khí|kỹ sư điện|kỹ sư điện tử|kỹ sư tự động hóa|kỹ thuật viên cơ điện tử|kỹ sư cad|kỹ sư chế tạo',
    '電気・機械系|機械系エンジニア|電気系技術者|機械設計者|生産技術者',
    'mechanical engineers|electrical engineers|cad engineers|manufacturing engineers|production engineers',
  ],
  // Engineers of no named field: people, not manufacturing ("cử kỹ sư sang" is not a factory).
  [
    'engineers-any',
    [],
    '',
    'kỹ sư|kỹ thuật viên|cán bộ kỹ thuật',
    '技術者|エンジニア|若手技術者|技術職|設計者',
    'engineers|engineer|technicians|technician',
  ],
  [
    'it-engineers',
    'digital',
    'offshore-dev',
    'kỹ sư it|kỹ sư cntt|lập trình viên|kỹ sư phần mềm|kỹ sư cầu nối',
    'itエンジニア|プログラマー|ソフトウェア技術者|ブリッジse|システムエンジニア',
    'it engineers|software engineers|programmers|software developers|unity developers|bridge engineers',
  ],
  [
    'teachers',
    'labour.training',
    '',
    'giảng viên|giáo viên người nhật|giáo viên bản ngữ|chuyên gia nhật|chuyên gia',
    '教師|教員|指導員|専門家|シニア技術者',
    'teachers|teacher|lecturers|experts|senior engineers',
  ],
  [
    'japanese-speakers',
    'labour.training',
    '',
    'biết tiếng nhật|nói tiếng nhật|giao tiếp tiếng nhật|đọc tiếng nhật|tiếng nhật n3|tiếng nhật n2|đã học tiếng nhật',
    '日本語が話せる|日本語人材|日本語能力|日本語対応|日本語堪能|n3|n2',
    'japanese-speaking|japanese speakers|speak japanese|read japanese|jlpt n3|jlpt n2',
  ],
  [
    'certified-skills',
    'labour.training',
    '',
    'kỳ thi kỹ năng|thi tay nghề|chứng chỉ nghề|tay nghề|tay nghề cao|đã qua đào tạo|có chứng chỉ nghề',
    '技能試験|技能検定|資格取得|熟練|熟練工|有資格者',
    'skills test|skills tests|trade test|certified workers|certified welders|qualified workers|qualified staff|skills certificate|qualifications',
  ],
];

export const OCCUPATIONS: Concept[] = [
  ...OCCUPATION_ROWS.map(([id, field, , vi, ja, en]) =>
    concept([...(Array.isArray(field) ? field : [field]), W], id, { vi, ja, en }, 0.9),
  ),
];

/** Adds each occupation's terms to its work's concept, so "thợ hàn" also names welding. */
export const withOccupations = (concepts: readonly Concept[]): Concept[] =>
  concepts.map((c) => {
    const rows = OCCUPATION_ROWS.filter((r) => r[2] === c.id);
    if (rows.length === 0) return c;
    const more = (k: 3 | 4 | 5) => rows.flatMap((r) => r[k].split('|'));
    return { ...c, vi: [...c.vi, ...more(3)], ja: [...c.ja, ...more(4)], en: [...c.en, ...more(5)] };
  });
