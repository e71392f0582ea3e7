import { type Concept, concept } from './concept.ts';

/** Economy, trade, investment, industry, digital and innovation. */
export const ECONOMY: Concept[] = [
  concept(
    'economy',
    'economic-cooperation',
    {
      vi: 'hợp tác kinh tế|phát triển kinh tế|kết nối doanh nghiệp|doanh nghiệp vừa và nhỏ|kinh tế',
      ja: '経済交流|経済協力|経済連携|ビジネスマッチング|中小企業|経済',
      en: 'economic cooperation|business matching|business network|smes|small and medium enterprises|economy',
    },
    0.5,
  ),
  concept('trade', 'export', {
    vi: 'xuất khẩu|mã số xuất khẩu|nhà xuất khẩu|doanh nghiệp xuất khẩu',
    ja: '輸出|輸出業者|海外展開',
    en: 'export|exports|exporter|exporters|exporting',
  }),
  concept('trade', 'import', {
    vi: 'nhập khẩu|nhà nhập khẩu|doanh nghiệp nhập khẩu',
    ja: '輸入|輸入業者|調達|安定調達',
    en: 'import|importer|importers|sourcing|procurement',
  }),
  concept('trade', 'sales-channel', {
    vi: 'phân phối|nhà phân phối|đại lý|đại lý bán hàng|tiêu thụ|đầu ra|thị trường|kênh bán hàng|siêu thị|bán lẻ|xúc tiến thương mại|hội chợ',
    ja: '販路|販路開拓|流通|量販店|百貨店|小売|卸売|商社|見本市|商談会|市場開拓|代理店|販売代理店|取引先',
    en: 'distribution|distributor|distributors|sales agent|sales agents|dealers|sales channel|sales channels|market access|retail|retailers|supermarket|supermarkets|wholesale|trade fair|buyers|trading company',
  }),
  concept(
    'trade',
    'trade-general',
    { vi: 'thương mại|giao thương', ja: '貿易|通商', en: 'trade|commerce' },
    0.5,
  ),
  concept('investment', 'investor', {
    vi: 'nhà đầu tư|thu hút đầu tư|vốn đầu tư|dự án đầu tư|đầu tư trực tiếp|fdi|vốn|kêu gọi đầu tư|kêu gọi nhà đầu tư|thu hút dự án|đón nhà máy|mở nhà máy|xây nhà máy|đặt nhà máy|nhà máy đầu tiên|nhà máy thứ hai|mở rộng nhà máy|góp vốn|liên doanh|suất đầu tư|chủ đầu tư',
    ja: '投資|投資家|企業誘致|進出企業|出資|海外進出|工場進出|進出|第二工場|新工場|工場新設|新設|海外工場|合弁|進出候補地|視察|投資額',
    en: 'investor|investors|investment|invest|fdi|capital|financing|overseas plant|first overseas plant|new plant|second plant|joint venture|anchor tenants|tenants|expansion',
  }),
  concept('investment', 'industrial-land', {
    vi: 'khu công nghiệp|khu kinh tế|khu chế xuất|quỹ đất|quỹ đất sạch|mặt bằng|nhà xưởng|cụm công nghiệp|kcn|kkt|kcx|nhà xưởng xây sẵn|xưởng xây sẵn|nhà xưởng cho thuê|đất sạch|đất kcn|hạ tầng kcn',
    ja: '工業団地|用地|工場用地|産業用地|経済特区|レンタル工場|貸工場|工業用地|物流用地',
    en: 'industrial park|industrial parks|industrial zone|economic zone|land bank|factory site|factory land|ready-built factory|ready-built factories|serviced land|industrial land|rbf',
  }),
  concept('industry.manufacturing', 'manufacturing', {
    vi: 'công nghiệp chế tạo|chế tạo|cơ khí|gia công cơ khí|máy móc',
    ja: '製造業|ものづくり|メーカー|機械|部品|産業機械',
    en: 'manufacturing|manufacturer|manufacturers|machining|machinery|parts',
  }),
  concept(
    'industry.manufacturing',
    'production',
    { vi: 'nhà máy|xưởng', ja: '製造|工場', en: 'factory|factories|plant' },
    0.4,
  ),
  concept('industry.manufacturing', 'metalwork', {
    vi: 'máy cnc|gia công kim loại|luyện kim|thép',
    ja: '旋盤|cnc|金属加工|鉄鋼|製鉄|板金|アルミ加工|鋳物',
    en: 'cnc|metalworking|metal processing|steel|steelworks|sheet metal',
  }),
  concept('industry.manufacturing', 'supporting-industry', {
    vi: 'công nghiệp hỗ trợ|linh kiện|phụ tùng|khuôn mẫu|đúc',
    ja: '裾野産業|サプライヤー|金型|鋳造|部品メーカー',
    en: 'supporting industry|supporting industries|suppliers|supplier|components|moulds|molds|casting',
  }),
  concept(['industry.manufacturing', 'infrastructure.transport'], 'shipbuilding', {
    vi: 'đóng tàu|nhà máy đóng tàu|công nghiệp tàu thủy',
    ja: '造船|造船所|舶用工業',
    en: 'shipbuilding|shipyard|shipyards',
  }),
  concept('industry.manufacturing', 'automotive', {
    vi: 'ô tô|xe máy|công nghiệp ô tô',
    ja: '自動車|自動車部品',
    en: 'automotive|automobile|car parts',
  }),
  concept('industry.semiconductors', 'semiconductors', {
    vi: 'bán dẫn|vi mạch|chip|điện tử|linh kiện điện tử|đèn led|điện thoại|điện thoại di động',
    ja: '半導体|電子部品|電子|集積回路|光半導体|チップ',
    en: 'semiconductor|semiconductors|electronics|electronic components|chips|microchips|integrated circuits|optoelectronics|optical semiconductors',
  }),
  concept('digital', 'it', {
    vi: 'công nghệ thông tin|phần mềm|kỹ sư phần mềm|lập trình|chuyển đổi số|chính phủ số|dữ liệu|trí tuệ nhân tạo|iot',
    ja: 'ソフトウェア|デジタル|dx|人工知能|プログラマー|システム開発|データ|情報技術',
    en: 'software|digital|digital transformation|iot|it engineers|artificial intelligence|programmers|software developers|data|information technology|software engineers',
  }),
  concept(
    'digital',
    'automation',
    {
      vi: 'tự động hóa|robot|thông minh',
      ja: '自動化|ロボット|スマート',
      en: 'automation|automated|robotics|robots|smart',
    },
    0.6,
  ),
  concept('innovation', 'innovation', {
    vi: 'đổi mới sáng tạo|khởi nghiệp|nghiên cứu và phát triển|chuyển giao công nghệ|công nghệ mới|nghiên cứu',
    ja: 'イノベーション|スタートアップ|ベンチャー|研究開発|技術移転|産学連携|研究',
    en: 'innovation|startup|startups|research and development|r&d|technology transfer|research',
  }),
];
