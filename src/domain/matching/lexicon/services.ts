import { type ConceptRow, fromRows } from './concept.ts';

/**
 * Services, by the sections G–S of ISIC Rev.4 (see industries.ts for A–F): trade, transport
 * and storage, accommodation and food service, ICT, finance, real estate, professional and
 * support services, public administration, education, health, arts and other services.
 */
const ROWS: ConceptRow[] = [
  // G: wholesale and retail trade
  [
    'retail',
    'trade',
    'bán lẻ|cửa hàng|chuỗi cửa hàng|cửa hàng tiện lợi|trung tâm thương mại|chợ',
    '小売|店舗|チェーン店|コンビニ|ショッピングモール|スーパー',
    'retail|shops|stores|store|chain stores|convenience stores|shopping mall|malls',
  ],
  [
    'e-commerce',
    ['trade', 'digital'],
    'thương mại điện tử|bán hàng trực tuyến|sàn thương mại điện tử|bán hàng online|livestream',
    'eコマース|ec|通販|ネット通販|オンライン販売|ライブコマース',
    'e-commerce|ecommerce|online sales|online shop|marketplace|cross-border e-commerce|livestream selling',
  ],
  [
    'suppliers-sourcing',
    'trade',
    'nhà cung cấp|nguồn cung|nguồn hàng|nguyên liệu|nguyên liệu thô|vật tư|thu mua|đơn hàng|đặt hàng',
    '仕入れ|仕入先|調達先|原材料|原料|サプライヤー|発注|受注|取引',
    'suppliers|sourcing|raw materials|materials|purchasing|orders',
  ],
  // H: transport and storage
  [
    'trucking',
    'infrastructure.transport',
    'vận tải đường bộ|xe tải|vận chuyển hàng hóa|giao hàng|chuyển phát|tài xế|lái xe|xe container',
    'トラック|運送|陸運|配送|宅配|運転手|ドライバー|自動車運送',
    'trucking|trucks|truck|road freight|haulage|delivery|courier|drivers|driver',
  ],
  [
    'warehousing',
    'infrastructure.transport',
    'kho|kho hàng|trung tâm phân phối|trung tâm logistics|kho ngoại quan|bốc xếp',
    '倉庫|物流センター|配送センター|保税倉庫|荷役|フォークリフト',
    'warehousing|warehouses|distribution centre|distribution center|logistics centre|logistics center|bonded warehouse|forklift|cargo handling',
  ],
  [
    'forwarding-customs',
    ['infrastructure.transport', 'trade'],
    'giao nhận|giao nhận vận tải|hải quan|thủ tục hải quan|thông quan|forwarder',
    'フォワーダー|通関|税関|国際物流|輸送手配',
    'freight forwarding|forwarder|forwarders|customs clearance|international logistics',
  ],
  [
    'railway-ops',
    'infrastructure.transport',
    'đường sắt|tàu hỏa|ga tàu|đường sắt đô thị|đường sắt tốc độ cao',
    '鉄道|列車|駅|新幹線|都市鉄道',
    'railway|railways|station|high-speed rail|urban railway',
  ],
  [
    'aviation-ops',
    ['infrastructure.transport', 'tourism'],
    'hàng không|sân bay|đường bay|hãng hàng không|phục vụ mặt đất',
    '航空|空港|航空会社|路線|グランドハンドリング|空港業務',
    'aviation|airport|airports|airline|airlines|routes|ground handling',
  ],
  // I: accommodation and food service
  [
    'accommodation',
    'tourism',
    'khách sạn|nhà nghỉ|lưu trú|dịch vụ lưu trú|buồng phòng|lễ tân',
    '宿泊|ホテル|旅館|民宿|宿泊業|客室|フロント',
    'hotel|hotels|accommodation|lodging|inn|ryokan|guest house|front desk|housekeeping',
  ],
  [
    'food-service',
    ['tourism', 'agriculture.food'],
    'nhà hàng|ăn uống|quán ăn|đầu bếp|phục vụ nhà hàng|dịch vụ ăn uống|bếp',
    '外食|外食業|飲食店|レストラン|料理人|調理|調理師|厨房|給食',
    'restaurant|restaurants|food service|catering|chefs|chef|cooks|cooking|kitchen',
  ],
  // J: information and communication
  [
    'software-outsourcing',
    'digital',
    'gia công phần mềm|outsourcing|phát triển phần mềm|offshore|lập trình viên|kỹ sư it|kỹ sư cntt|app',
    'オフショア開発|オフショア|ソフトウェア開発|アプリ開発|受託開発|エンジニア派遣|プログラミング',
    'software outsourcing|offshore development|offshore|software development|app development|apps|it outsourcing|it staff',
  ],
  [
    'cloud-security',
    'digital',
    'điện toán đám mây|an ninh mạng|bảo mật|trung tâm dữ liệu|blockchain|dữ liệu lớn',
    'クラウド|サイバーセキュリティ|セキュリティ|データセンター|ブロックチェーン|ビッグデータ',
    'cloud|cloud computing|cybersecurity|data centre|data center|blockchain|big data',
  ],
  [
    'telecom-media',
    'digital',
    'viễn thông|5g|internet|truyền thông|báo chí|quảng cáo|game|hoạt hình|nội dung số',
    '通信|5g|インターネット|メディア|広告|ゲーム|アニメ|コンテンツ',
    'telecom|telecommunications|5g|internet|media|advertising|games|gaming|animation',
  ],
  // K: finance and insurance
  [
    'banking',
    'investment',
    'ngân hàng|tín dụng|cho vay|khoản vay|vay vốn|tài chính|quỹ|bảo lãnh|tài trợ vốn',
    '銀行|金融|融資|貸付|信用金庫|ファンド|資金調達|資金|保証',
    'bank|banks|banking|finance|financial|loan|loans|lending|credit|fund|funds|funding',
  ],
  [
    'payments-insurance',
    'investment',
    'thanh toán|chuyển tiền|kiều hối|bảo hiểm|fintech|ví điện tử|thanh toán điện tử',
    '決済|送金|保険|フィンテック|キャッシュレス|電子決済',
    'payments|payment|remittance|remittances|insurance|fintech|cashless|e-wallet',
  ],
  // L, M, N: real estate, professional and support services
  [
    'real-estate',
    ['urban', 'investment'],
    'bất động sản|cho thuê văn phòng|văn phòng cho thuê|nhà xưởng cho thuê|cho thuê đất',
    '不動産|オフィス|賃貸|貸工場|貸倉庫',
    'real estate|property|office space|offices|rental|lease|leasing',
  ],
  [
    'consulting-legal',
    'economy',
    'tư vấn đầu tư|tư vấn pháp lý|luật sư|kế toán|kiểm toán|thủ tục đầu tư|tư vấn thành lập',
    'コンサルタント|法務|弁護士|会計|監査|税理士|行政書士|進出支援',
    'consultants|consultancy|legal|lawyers|accounting|audit|tax|market entry',
  ],
  [
    'engineering-services',
    ['industry.manufacturing', 'urban'],
    'tư vấn thiết kế|thiết kế kỹ thuật|kiến trúc sư|kiến trúc',
    '設計事務所|建築士|測量|建築設計',
    'engineering|architects|architecture|surveying',
  ],
  [
    'staffing',
    'labour.workers',
    'phái cử|công ty phái cử|giới thiệu việc làm|cung ứng lao động|môi giới lao động|xuất khẩu lao động|tổ chức phái cử|nghiệp đoàn|tổ chức quản lý|đơn hàng ổn định|trung tâm dịch vụ việc làm',
    '人材派遣|人材紹介|送り出し機関|送出機関|送出し機関|送り出せる機関|監理団体|登録支援機関|受入れ機関',
    'staffing|staffing agency|recruitment agency|placement|sending organisation|sending organization|supervising organisation|job placement|dispatch',
  ],
  [
    'building-services',
    ['urban', 'labour.workers'],
    'vệ sinh tòa nhà|dọn dẹp|vệ sinh công nghiệp|nhân viên bảo vệ|quản lý tòa nhà',
    'ビルクリーニング|清掃|ビルメンテナンス|警備|施設管理',
    'building cleaning|janitorial|facility management|security guards',
  ],
  [
    'translation',
    ['labour.workers', 'exchange.people'],
    'phiên dịch|biên dịch|thông dịch|người phiên dịch|thông dịch viên',
    '通訳|翻訳|通訳者|翻訳者',
    'interpreters|interpreter|interpreting|translation|translators|translator',
  ],
  [
    'events-mice',
    ['tourism', 'trade'],
    'hội nghị|hội thảo|sự kiện|triển lãm|mice|diễn đàn',
    '展示会|イベント|mice|フォーラム|シンポジウム|セミナー',
    'conference|conferences|exhibition|exhibitions|events|event|mice|forum|symposium|seminar|seminars',
  ],
  // O: public administration
  [
    'public-services',
    'governance',
    'dịch vụ công|chính phủ điện tử|thủ tục hành chính|một cửa|quy hoạch|công chức',
    '行政サービス|電子政府|行政手続|ワンストップ|自治体職員',
    'public services|e-government|administrative procedures|one-stop|municipal staff|government officials',
  ],
  // P: education
  [
    'higher-education',
    'education',
    'trường đại học|đại học|học viện|giảng viên|nghiên cứu chung|trao đổi sinh viên|liên kết đào tạo|chương trình liên kết|thạc sĩ|tiến sĩ',
    '大学|大学院|教員|共同研究|学生交流|交換留学|単位互換|修士|博士|学部|研究室',
    'universities|university|faculty|lecturers|professors|joint research|student exchange|exchange students|double degree|joint degree|phd|postgraduate|graduate school|laboratory',
  ],
  [
    'colleges-schools',
    ['education', 'labour.training'],
    'trường cao đẳng|cao đẳng|trung cấp|trường trung cấp|trường nghề|trung tâm đào tạo|trường phổ thông|trường trung học',
    '専門学校|短期大学|高等専門学校|高専|工業高校|職業能力開発|訓練校|高校|中学校',
    'college|colleges|technical college|polytechnic|vocational college|training centre|training center|high school|high schools|secondary school',
  ],
  [
    'internships',
    ['education', 'labour.training'],
    'thực tập|thực tập sinh|kỳ thực tập|sinh viên thực tập|thực tập tại doanh nghiệp',
    'インターンシップ|インターン|企業実習|実習',
    'internship|internships|intern|interns|work placement|on-the-job training',
  ],
  // Q: health and social work
  [
    'hospitals-clinics',
    'healthcare',
    'bệnh viện|phòng khám|trạm y tế|cơ sở y tế|nhân viên y tế|khám bệnh|chẩn đoán|xét nghiệm',
    '病院|診療所|クリニック|医療機関|医療従事者|検診|診断|検査技師',
    'hospital|hospitals|clinic|clinics|medical staff|health workers|diagnosis|diagnostics|laboratory testing|check-ups',
  ],
  [
    'telemedicine',
    ['healthcare', 'digital'],
    'y tế từ xa|khám bệnh từ xa|y tế số|hồ sơ sức khỏe điện tử',
    '遠隔医療|オンライン診療|電子カルテ',
    'telemedicine|telehealth|remote care|digital health|electronic health records',
  ],
  [
    'rehab-welfare',
    'healthcare.nursing',
    'phục hồi chức năng|người khuyết tật|bảo trợ xã hội|công tác xã hội|trẻ em mồ côi',
    'リハビリテーション|障がい者|障害者|社会福祉|福祉施設|保育',
    'rehabilitation|disabilities|disabled people|social welfare|social work|childcare',
  ],
  // R, S: arts, entertainment, other services
  [
    'entertainment',
    ['culture', 'tourism'],
    'giải trí|công viên giải trí|biểu diễn nghệ thuật|phim|điện ảnh|ca nhạc',
    'エンターテインメント|テーマパーク|映画|映像|コンサート|アニメ',
    'entertainment|theme park|film|films|cinema|movies|concerts',
  ],
  [
    'beauty-personal',
    'healthcare',
    'làm đẹp|spa|thẩm mỹ|chăm sóc sắc đẹp|massage',
    '美容|エステ|理容|スパ|マッサージ',
    'beauty|spa|spas|cosmetology|massage|wellness',
  ],
];

export const SERVICES = fromRows(ROWS);
