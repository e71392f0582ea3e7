import { type ConceptRow, fromRows } from './concept.ts';

/**
 * Industries, by the sections and divisions of ISIC Rev.4 (as Vietnam's VSIC 2018 and Japan's
 * JSIC Rev.14 follow it), each named as people write it in Vietnamese, Japanese and English.
 * Divisions are mapped to the nearest code of Kizuna's sector taxonomy; the concept itself is
 * what makes two texts about the same industry meet.
 */
const ROWS: ConceptRow[] = [
  // A: agriculture, forestry and fishing are in agriculture.ts and products-hs.ts.
  // B: mining and quarrying
  [
    'mining',
    'energy',
    'khai thác mỏ|khai khoáng|khoáng sản|mỏ than|than đá|đất hiếm|khai thác đá',
    '鉱業|鉱山|鉱物|採掘|石炭|レアアース|採石',
    'mining|mine|mines|minerals|mineral resources|coal|rare earths|quarrying',
  ],
  [
    'oil-gas',
    'energy',
    'dầu khí|dầu mỏ|khí đốt|khí tự nhiên|lọc dầu|lọc hóa dầu|khí hóa lỏng',
    '石油|天然ガス|液化天然ガス|製油所|石油化学|ガス',
    'oil and gas|petroleum|natural gas|refinery|petrochemical|petrochemicals|liquefied natural gas',
  ],
  // C: manufacturing, by division
  [
    'textiles',
    'industry.manufacturing',
    'dệt|dệt may|sợi|vải vóc|nhuộm|dệt kim|thổ cẩm',
    '繊維|紡績|織物|染色|生地|テキスタイル|ニット',
    'textile|textiles|yarn|fabric|fabrics|weaving|dyeing|knitting',
  ],
  [
    'garments',
    'industry.manufacturing',
    'may mặc|hàng may mặc|quần áo|thời trang|may gia công|xưởng may|thợ may',
    '縫製|アパレル|衣料|衣類|ファッション|縫製工場',
    'garment|garments|apparel|clothing|fashion|sewing|tailoring',
  ],
  [
    'leather-footwear',
    'industry.manufacturing',
    'da giày|giày dép|túi xách|thuộc da|đồ da',
    '皮革|革製品|靴|履物|かばん',
    'footwear|shoes|leather|leather goods|handbags',
  ],
  [
    'paper-printing',
    'industry.manufacturing',
    'giấy|bột giấy|bao bì|in ấn|bao bì giấy',
    '紙|パルプ|製紙|段ボール|印刷|包装資材',
    'paper|pulp|cardboard|printing|packaging materials',
  ],
  [
    'chemicals',
    'industry.manufacturing',
    'hóa chất|hóa học|phân bón|sơn phủ|chất tẩy rửa|mỹ phẩm',
    '化学|化学品|化学工業|肥料|塗料|化粧品|洗剤',
    'chemical|chemicals|fertiliser|fertilizer|fertilisers|fertilizers|coatings|cosmetics|detergents',
  ],
  [
    'pharma',
    'healthcare',
    'dược phẩm|thuốc|dược liệu|công nghiệp dược|nhà máy dược|vắc xin',
    '医薬品|製薬|薬|生薬|漢方|ワクチン|創薬',
    'pharmaceuticals|pharmaceutical|pharma|drugs|medicines|medicinal herbs|herbal medicine|vaccines',
  ],
  [
    'plastics-rubber',
    'industry.manufacturing',
    'nhựa|sản phẩm nhựa|ép nhựa|khuôn nhựa|sản phẩm cao su',
    '樹脂|プラスチック成形|射出成形|ゴム製品|合成樹脂',
    'plastics|plastic injection|injection moulding|injection molding|rubber products|resin',
  ],
  [
    'ceramics-glass',
    'industry.manufacturing',
    'gốm|gốm sứ|gạch|gạch men|thủy tinh|xi măng|vật liệu xây dựng',
    '陶磁器|陶器|焼き物|セラミック|タイル|ガラス|セメント|建材|窯業',
    'ceramics|ceramic|pottery|porcelain|tiles|glass|cement|building materials',
  ],
  [
    'metals',
    'industry.manufacturing',
    'kim loại|nhôm|dây đồng|luyện thép|gang thép|thép không gỉ|inox',
    '金属|アルミ|アルミニウム|銅|ステンレス|非鉄金属|鋼材',
    'metal|metals|aluminium|aluminum|copper|stainless steel|non-ferrous|steel products',
  ],
  [
    'precision',
    'industry.manufacturing',
    'cơ khí chính xác|gia công chính xác|chi tiết chính xác|đồ gá|dụng cụ cắt',
    '精密|精密機械|精密加工|精密部品|切削|切削加工|研削|治具',
    'precision|precision engineering|precision machining|precision parts|cutting tools|jigs|grinding',
  ],
  [
    'electrical',
    ['industry.manufacturing', 'industry.semiconductors'],
    'thiết bị điện|điện công nghiệp|động cơ điện|dây cáp điện|máy biến áp|điện lạnh|điều hòa',
    '電気機器|電機|モーター|電線|変圧器|空調|エアコン|家電',
    'electrical equipment|electric motors|motors|cables|transformers|air conditioning|home appliances|appliances',
  ],
  [
    'machinery',
    'industry.manufacturing',
    'máy công cụ|máy công nghiệp|chế tạo máy|máy nông nghiệp|thiết bị công nghiệp|dây chuyền',
    '工作機械|産業機械|農業機械|農機|建設機械|生産設備|生産ライン|機械設計',
    'machine tools|industrial machinery|agricultural machinery|farm machinery|construction machinery|production line|production lines|machine design',
  ],
  [
    'vehicles',
    'industry.manufacturing',
    'ô tô|xe máy|xe điện|phụ tùng ô tô|linh kiện ô tô|lắp ráp ô tô',
    '自動車|二輪|オートバイ|電気自動車|ev|自動車部品|車載',
    'vehicles|motorcycles|electric vehicles|ev|auto parts|automotive parts|car assembly',
  ],
  [
    'aerospace',
    ['industry.manufacturing', 'infrastructure.transport'],
    'hàng không vũ trụ|linh kiện máy bay|máy bay|bảo dưỡng máy bay',
    '航空機|航空宇宙|航空機部品|宇宙|ドローン',
    'aerospace|aircraft|aircraft parts|aircraft maintenance|drones|drone',
  ],
  [
    'railway-equipment',
    ['industry.manufacturing', 'infrastructure.transport'],
    'toa tàu|đầu máy|thiết bị đường sắt',
    '鉄道車両|車両製造',
    'rolling stock|railway equipment|railcars',
  ],
  [
    'furniture',
    ['industry.manufacturing', 'forestry'],
    'nội thất|đồ nội thất|bàn ghế|đồ gỗ nội thất',
    '家具|インテリア|木製家具',
    'furniture|interior|interiors|wooden furniture',
  ],
  [
    'jewellery-toys',
    'industry.manufacturing',
    'trang sức|đồ chơi|văn phòng phẩm',
    '宝飾|ジュエリー|玩具|おもちゃ|文具',
    'jewellery|jewelry|toys',
  ],
  [
    'maintenance-repair',
    'industry.manufacturing',
    'bảo trì|bảo dưỡng|sửa chữa|lắp đặt|bảo trì máy móc',
    '保守|保全|メンテナンス|修理|整備|据付',
    'maintenance|repair|repairs|installation',
  ],
  [
    'oem',
    'industry.manufacturing',
    'gia công theo đơn đặt hàng|sản xuất theo hợp đồng|oem|odm|đặt hàng gia công|nhận gia công',
    '受託製造|受託加工|oem|odm|下請|外注|委託生産|加工委託',
    'contract manufacturing|oem|odm|subcontracting|subcontractor|outsourced production|made to order',
  ],
  [
    'quality-control',
    'industry.manufacturing',
    'kiểm soát chất lượng|quản lý chất lượng|kiểm tra chất lượng|iso 9001|5s|kaizen|cải tiến',
    '品質管理|品質保証|検査|カイゼン|改善活動|5s|iso9001|qc',
    'quality control|quality assurance|inspection|kaizen|5s|iso 9001|lean manufacturing',
  ],
  [
    'drawings-design',
    'industry.manufacturing',
    'bản vẽ|bản vẽ kỹ thuật|đọc bản vẽ|thiết kế cơ khí|cad|cam',
    '図面|設計図|図面読解|機械設計|cad|cam|製図',
    'drawings|technical drawings|engineering drawings|blueprints|cad|cam|mechanical design',
  ],
  // D: electricity, gas, steam
  [
    'power-utilities',
    'energy',
    'nhà máy điện|thủy điện|nhiệt điện|điện hạt nhân|truyền tải điện|điện lực|địa nhiệt|biogas|khí sinh học',
    '発電所|水力発電|火力発電|原子力|送電網|電力会社|地熱|バイオガス|小水力',
    'power plants|hydropower|hydroelectric|thermal power|nuclear|transmission|utility|utilities|geothermal|biogas|mini hydro',
  ],
  [
    'ev-mobility',
    ['energy', 'infrastructure.transport'],
    'trạm sạc|pin|pin lithium|xe buýt điện',
    '電気自動車|充電|充電ステーション|リチウムイオン電池',
    'electric vehicles|charging|charging stations|batteries|lithium-ion|electric buses|e-mobility',
  ],
  // F: construction
  [
    'construction',
    'urban',
    'công trình xây dựng|ngành xây dựng|thi công|nhà thầu|công trường|xây lắp|cầu đường|công trình dân dụng',
    '建設|建築|工事|施工|ゼネコン|建設業|土木|建設現場|施工管理',
    'construction|general contractor|civil engineering|construction site|builders|civil works',
  ],
  ['construction-verb', 'urban', 'xây dựng|công trình', '建設工事', 'construction works', 0.5],
  [
    'construction-trades',
    ['urban', 'labour.workers'],
    'thợ xây|thợ mộc|thợ điện|thợ sơn|thợ ống nước|giàn giáo|cốp pha|lát gạch|thợ cốt thép',
    '大工|とび|鉄筋|型枠|左官|塗装工|配管工|電気工事士|内装|足場',
    'carpenters|carpenter|scaffolders|scaffolding|rebar|formwork|plasterers|plumbers|electricians|bricklayers',
  ],
];

/** Industries of ISIC sections A–F: mining, manufacturing, utilities, construction. */
export const INDUSTRIES = fromRows(ROWS);
