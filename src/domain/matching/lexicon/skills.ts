import { type ConceptRow, fromRows } from './concept.ts';

/**
 * Occupations and skills, following Japan's specified-skilled-worker (特定技能) fields and the
 * technical-intern occupations, which is how most Vietnamese–Japanese labour cooperation is
 * described: nursing care, building cleaning, manufacturing (materials, industrial machinery,
 * electrical and electronic), construction, shipbuilding, automobile maintenance, aviation,
 * accommodation, agriculture, fisheries, food and beverage manufacturing, food service, road
 * transport, railways, forestry and the wood industry. Each field is a concept carrying both its
 * industry and `labour.workers`, so "thợ hàn" meets "溶接工" as the same work, and a need for
 * such workers meets an offer of them.
 */
const W = 'labour.workers' as const;
const ROWS: ConceptRow[] = [
  [
    'ssw-care',
    ['healthcare.nursing', W],
    'hộ lý|kỹ năng đặc định điều dưỡng|chăm sóc điều dưỡng|nhân viên điều dưỡng',
    '特定技能介護|介護職|介護福祉士候補者|介護技能実習',
    'care worker candidates|caregiving staff',
    0.9,
  ],
  [
    'ssw-cleaning',
    ['urban', W],
    'nhân viên vệ sinh|vệ sinh tòa nhà',
    'ビルクリーニング|清掃員|清掃スタッフ',
    'cleaning staff|building cleaning',
    0.9,
  ],
  [
    'ssw-materials',
    ['industry.manufacturing', W],
    'thợ rèn|rèn kim loại|dập kim loại|dập khuôn|mạ điện|mạ kẽm|xi mạ|xử lý nhiệt|sơn tĩnh điện|thợ sơn|thợ đúc',
    '素形材|鍛造|プレス加工|めっき|熱処理|塗装|塗装工|ダイカスト|金属プレス',
    'forging|stamping|press work|plating|electroplating|heat treatment|painting|painters|die casting|powder coating|spray painting',
    0.9,
  ],
  [
    'ssw-machining',
    ['industry.manufacturing', W],
    'thợ tiện|thợ phay|thợ cơ khí|vận hành máy|đứng máy|gia công cnc|lập trình cnc|thợ máy|lắp ráp|lắp ráp máy',
    '機械加工|旋盤工|フライス|マシニング|組立|機械組立|機械保全|仕上げ',
    'machinists|machinist|machine operators|lathe|milling|cnc machining|cnc operators|assembly|assemblers|fitters|mechanical assembly',
    0.9,
  ],
  [
    'ssw-electronics',
    ['industry.semiconductors', W],
    'lắp ráp điện tử|lắp ráp linh kiện|hàn mạch|bảng mạch|thợ điện tử',
    '電子機器組立|電気機器組立|プリント配線板|基板実装|はんだ付け',
    'electronics assembly|pcb assembly|circuit boards|soldering',
    0.9,
  ],
  [
    'ssw-welding',
    ['industry.manufacturing', W],
    'thợ hàn|hàn|hàn điện|hàn tig|hàn mig|hàn xì|chứng chỉ hàn',
    '溶接|溶接工|アーク溶接|半自動溶接|溶接技能者',
    'welding|welders|welder|arc welding|tig welding|mig welding|welding certificate',
    0.9,
  ],
  [
    'ssw-construction',
    ['urban', W],
    'công nhân xây dựng|lao động xây dựng|kỹ năng đặc định xây dựng|vận hành máy xây dựng|máy xúc',
    '建設技能者|建設人材|建設作業員|建設機械施工|重機オペレーター|特定技能建設',
    'construction workers|construction labour|construction labor|heavy equipment operators|excavator',
    0.9,
  ],
  [
    'ssw-shipbuilding',
    ['industry.manufacturing', 'infrastructure.transport', W],
    'thợ đóng tàu|công nhân đóng tàu|sửa chữa tàu|tàu biển',
    '造船|舶用|船舶修理|造船技能者|造船・舶用工業',
    'shipbuilding workers|ship repair|marine industry',
    0.9,
  ],
  [
    'ssw-auto-maintenance',
    ['industry.manufacturing', W],
    'sửa chữa ô tô|bảo dưỡng ô tô|thợ sửa xe|kỹ thuật viên ô tô|garage ô tô',
    '自動車整備|整備士|自動車整備士|板金塗装',
    'car maintenance|automobile maintenance|auto mechanics|mechanics|mechanic|vehicle repair',
    0.9,
  ],
  [
    'ssw-aviation',
    ['infrastructure.transport', W],
    'phục vụ mặt đất|bảo dưỡng máy bay|kỹ thuật viên hàng không',
    'グランドハンドリング|航空機整備|空港グランドスタッフ',
    'ground handling|aircraft maintenance|aviation technicians',
    0.9,
  ],
  [
    'ssw-hospitality',
    ['tourism', W],
    'nhân viên khách sạn|lễ tân|buồng phòng|nhân viên nhà hàng|phục vụ bàn|nhân viên du lịch|hướng dẫn viên',
    '宿泊業|ホテルスタッフ|接客|客室清掃|ホールスタッフ|観光ガイド|通訳ガイド|ガイド',
    'hotel staff|receptionists|housekeeping|waiters|waiting staff|hospitality staff|tour guides|guides',
    0.9,
  ],
  [
    'ssw-agriculture',
    ['agriculture', W],
    'lao động nông nghiệp|thực tập sinh nông nghiệp|công nhân nông trại|nông nghiệp kỹ năng đặc định',
    '農業人材|農作業|農業技能実習|特定技能農業|耕種農業|畜産農業',
    'farm workers|farmhands|agricultural workers|agricultural trainees|crop farming',
    0.9,
  ],
  [
    'ssw-fisheries',
    ['fisheries', W],
    'thuyền viên|ngư dân|lao động nghề cá|công nhân chế biến thủy sản',
    '漁船員|漁業人材|漁業技能実習|水産加工技能実習',
    'fishermen|crew|fishing crew|seafood processing workers',
    0.9,
  ],
  [
    'ssw-food-manufacturing',
    ['agriculture.food', W],
    'công nhân chế biến thực phẩm|công nhân nhà máy thực phẩm|sản xuất thực phẩm',
    '飲食料品製造|食品製造|惣菜|弁当製造|パン製造|食品工場',
    'food manufacturing|food production|food factory|food plant|bakery|prepared meals',
    0.9,
  ],
  [
    'ssw-food-service',
    ['tourism', W],
    'đầu bếp|phụ bếp|nhân viên phục vụ',
    '外食業|調理師|調理スタッフ|飲食店スタッフ|キッチンスタッフ',
    'cooks|kitchen staff|chefs|restaurant staff|food service workers',
    0.9,
  ],
  [
    'ssw-drivers',
    ['infrastructure.transport', W],
    'tài xế xe tải|lái xe tải|tài xế xe buýt|lái xe buýt|tài xế taxi|bằng lái',
    '自動車運送業|トラック運転手|バス運転手|タクシー運転手|運転免許|ドライバー不足',
    'truck drivers|bus drivers|taxi drivers|driving licence|driving license|lorry drivers',
    0.9,
  ],
  [
    'ssw-railway',
    ['infrastructure.transport', W],
    'công nhân đường sắt|bảo trì đường sắt|lái tàu',
    '鉄道保守|鉄道車両整備|運転士',
    'railway workers|track maintenance|train drivers',
    0.9,
  ],
  [
    'ssw-forestry-wood',
    ['forestry', W],
    'công nhân lâm nghiệp|khai thác gỗ|công nhân chế biến gỗ',
    '林業従事者|伐採|木材産業|製材工',
    'forestry workers|logging|loggers|woodworkers|lumberjacks',
    0.9,
  ],
  // Levels and credentials that show what a worker can do
  [
    'skill-tests',
    ['labour.training', W],
    'kỳ thi kỹ năng|thi kỹ năng đặc định|chứng chỉ nghề|chứng chỉ|bằng cấp|tay nghề|tay nghề cao|lao động có tay nghề',
    '技能試験|技能検定|資格取得|熟練|熟練工|技能者|有資格者',
    'skills test|skills tests|certificates|certified|qualifications|qualified|skilled|skilled workers|skilled labour',
    0.9,
  ],
  [
    'engineers-technicians',
    W,
    'kỹ sư|kỹ thuật viên|cán bộ kỹ thuật|kỹ sư cơ khí|kỹ sư điện|kỹ sư xây dựng|nhân lực chất lượng cao|nhân lực kỹ thuật',
    '技術者|エンジニア|技能人材|高度人材|技術・人文知識・国際業務|技人国|専門人材',
    'engineers|engineer|technicians|technician|mechanical engineers|electrical engineers|civil engineers|highly skilled|professionals',
    0.9,
  ],
  [
    'managers-specialists',
    W,
    'cán bộ quản lý|giám đốc|chuyên gia|chuyên viên',
    '管理職|マネージャー|専門家|スペシャリスト',
    'experts|specialists|specialist',
    0.5,
  ],
  [
    'japanese-speakers',
    ['labour.training', W],
    'biết tiếng nhật|nói tiếng nhật|giao tiếp tiếng nhật|đọc tiếng nhật|phiên dịch tiếng nhật',
    '日本語が話せる|日本語人材|日本語能力|日本語対応|日本語堪能',
    'japanese-speaking|japanese speakers|speak japanese|read japanese',
    0.9,
  ],
];

export const SKILLS = fromRows(ROWS);
