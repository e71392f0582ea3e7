import { type ConceptRow, fromRows } from './concept.ts';

/**
 * Everyday words of cooperation that name no industry but say what is exchanged: land and
 * sites, customers and certification, marine and water quality, marketing, funding, study and
 * research, as officials and companies write them in the three languages.
 */
const ROWS: ConceptRow[] = [
  // Land, sites and locations for investors
  [
    'land-site',
    'investment',
    'thuê đất|đất sạch|mặt bằng sản xuất|diện tích đất|lô đất|địa điểm đầu tư|đất công nghiệp|thuê nhà xưởng|gần cảng',
    '土地|敷地|立地|進出先|拠点|工場用地|用地確保|港湾近接',
    'land|site|sites|plot|plots|hectares|premises|near the port|location for|factory space',
    0.8,
  ],
  [
    'investment-incentives',
    'investment',
    'ưu đãi đầu tư|miễn thuế|giảm thuế|thu hút fdi|xúc tiến đầu tư|môi trường đầu tư|cấp phép đầu tư',
    '優遇措置|税制優遇|投資環境|投資誘致|投資促進|免税',
    'investment incentives|tax incentives|tax holiday|investment promotion|investment climate|investment environment',
    0.9,
  ],
  // Buyers, customers and what they ask of suppliers
  [
    'customers',
    'trade',
    'khách hàng|người mua|đối tác mua hàng|đối tác nhập khẩu|bạn hàng',
    '顧客|バイヤー|買い手|取引相手|得意先',
    'customers|clients|customer|purchasers',
    0.6,
  ],
  [
    'japanese-market',
    'trade',
    'thị trường nhật bản|thị trường nhật|xuất khẩu sang nhật|người tiêu dùng nhật',
    '日本市場|日本向け|対日輸出|日本の消費者',
    'japanese market|japan market|export to japan|japanese consumers',
    0.8,
  ],
  [
    'vietnamese-market',
    'trade',
    'thị trường việt nam|người tiêu dùng việt nam|thị trường trong nước',
    'ベトナム市場|ベトナム向け|ベトナムの消費者|ベトナム進出',
    'vietnamese market|vietnam market|vietnamese consumers|entering vietnam',
    0.8,
  ],
  [
    'food-certification',
    ['agriculture.food', 'trade'],
    'truy xuất nguồn gốc|mã số vùng trồng|haccp|iso 22000|chứng nhận hữu cơ|kiểm dịch|kiểm dịch thực vật|an toàn vệ sinh thực phẩm|dư lượng thuốc',
    'トレーサビリティ|haccp|検疫|植物検疫|残留農薬|食品衛生',
    'traceability|haccp|iso 22000|organic certification|quarantine|phytosanitary|pesticide residues|food hygiene',
    0.9,
  ],
  [
    'marketing',
    'trade',
    'thương hiệu|xây dựng thương hiệu|quảng bá|marketing|tiếp thị|nhãn hàng',
    'ブランド|ブランディング|プロモーション|マーケティング|ブランド化|pr',
    'branding|brand|brands|marketing|advertising campaign',
    0.6,
  ],
  // Farming words that name no crop
  [
    'seeds-seedlings',
    'agriculture.high_tech',
    'cây giống|hạt giống|giống cây|giống lúa|giống mới|nhân giống|vườn ươm|giống chịu mặn|chịu mặn|lai tạo giống|chọn tạo giống|giống rau',
    '種子|苗|育苗|種苗|品種|新品種|育種|耐塩性|品種改良',
    'seeds|seedlings|varieties|new varieties|breeding|plant breeding|salt-tolerant',
    0.9,
  ],
  [
    'soil-farm-practice',
    'agriculture',
    'đất trồng|cải tạo đất|canh tác hữu cơ|luân canh|thổ nhưỡng|kỹ thuật canh tác|năng suất cây trồng',
    '土壌|土づくり|輪作|栽培管理|収量|営農指導',
    'soil|soil health|crop rotation|crop yields|yields|farming practices|agronomy|extension services',
    0.9,
  ],
  [
    'cooperatives',
    ['agriculture', 'rural'],
    'hợp tác xã|htx|tổ hợp tác|hợp tác xã nông nghiệp',
    '農協|ja|農業協同組合|漁協|生産者組合|協同組合',
    'cooperatives|cooperative|co-operative|farmer groups|producer groups|agricultural cooperative',
    0.9,
  ],
  // Sea, water and monitoring
  [
    'marine-environment',
    'environment',
    'môi trường biển|ô nhiễm biển|rác thải biển|rác thải nhựa đại dương|hệ sinh thái biển|san hô|bảo tồn biển|rừng ngập mặn',
    '海洋環境|海洋汚染|海洋ごみ|海洋プラスチック|海洋生態系|サンゴ|藻場|マングローブ|里海',
    'marine environment|marine pollution|marine litter|ocean plastic|marine ecosystems|coral|coral reefs|mangroves|ocean',
    0.9,
  ],
  [
    'monitoring',
    'environment',
    'giám sát môi trường|quan trắc|quan trắc môi trường|trạm quan trắc|đo đạc|cảm biến môi trường',
    '環境監視|モニタリング|環境モニタリング|観測|測定|環境計測',
    'monitoring|environmental monitoring|monitoring stations|observation',
    0.8,
  ],
  [
    'water-quality',
    'environment.water',
    'chất lượng nước|ô nhiễm nước|nước hồ|hồ nước|làm sạch nước|nguồn nước sạch|nước sông',
    '水質|水質保全|水質浄化|水環境|湖沼|水ビジネス|水環境ビジネス|河川浄化',
    'water quality|water pollution|lake|lakes|water environment|water business|river cleanup|purification',
    0.9,
  ],
  [
    'air-noise',
    'environment',
    'ô nhiễm không khí|bụi mịn|khí thải|tiếng ồn',
    '大気汚染|pm2.5|排ガス|騒音',
    'air pollution|pm2.5|exhaust gas|noise',
    0.9,
  ],
  // Trying something out before buying it: a pilot, a demonstration, a trial site
  [
    'pilot-demonstration',
    'innovation',
    'thí điểm|dự án thí điểm|điểm thí điểm|thực nghiệm|khảo nghiệm|trình diễn|mô hình trình diễn|điểm trình diễn|thử nghiệm',
    '実証|実証試験|実証実験|実証圃場|実証プロジェクト|試験圃場|パイロット|モデル事業|試せる',
    'pilot|pilot project|demonstration|demonstration site|trial|trials|field trials|test site|testbed|proof of concept',
    0.8,
  ],
  // Study, research and skills transfer
  [
    'study-research',
    ['education', 'innovation'],
    'nghiên cứu khoa học|khoa học|nhà khoa học|viện nghiên cứu|phòng thí nghiệm|công bố khoa học',
    '科学|研究機関|研究所|試験場|研究室|論文',
    'science|scientists|research institute|research institutes|laboratories|labs|academic',
    0.8,
  ],
  [
    'scholarships-study',
    'education',
    'du học nhật bản|học bổng du học|du học sinh việt nam|du học sinh nhật|tuyển sinh|sinh viên quốc tế',
    '留学生受入れ|留学生募集|ベトナム人留学生|学生募集|国際学生',
    'international students|student recruitment|students from vietnam|study in japan|study in vietnam',
    0.9,
  ],
  [
    'funding-grants',
    'investment',
    'vốn oda|oda|viện trợ|tài trợ|nguồn vốn|vốn vay ưu đãi|quỹ hỗ trợ',
    'oda|jica|無償資金協力|円借款|補助金|助成金|助成',
    'oda|official development assistance|grants|grant|subsidies|subsidy|donors|concessional loans',
    0.8,
  ],
];

export const EVERYDAY = fromRows(ROWS);

/** Who the visitors are: a destination wanting Vietnamese visitors meets whoever sends them. */
export const VISITORS = fromRows([
  [
    'japanese-visitors',
    'tourism',
    'khách nhật|khách du lịch nhật|khách du lịch nhật bản|du khách nhật|du khách nhật bản|khách nhật bản|đoàn khách nhật|đón khách nhật',
    '日本人観光客|日本人旅行者|日本人客|日本人向け|日本人読者|日本からの観光客|日本人の旅行者',
    'japanese tourists|japanese guests|japanese visitors|japanese travellers|japanese travelers|visitors from japan',
  ],
  [
    'vietnamese-visitors',
    'tourism',
    'khách việt|khách việt nam|du khách việt nam|khách du lịch việt nam|gửi khách sang nhật|khách sang nhật|khách việt sang nhật',
    'ベトナム人観光客|ベトナムからの観光客|ベトナム人旅行者|ベトナムからの団体|ベトナムからの旅行者|ベトナム人客|ベトナムからの誘客',
    'vietnamese tourists|vietnamese visitors|vietnamese travellers|vietnamese travelers|vietnamese guests|visitors from vietnam',
  ],
]);
