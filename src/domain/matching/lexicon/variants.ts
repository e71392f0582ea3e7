import type { Concept } from './concept.ts';

/**
 * More ways of saying what the inventories already name, as people write them rather than as
 * classifications do: colloquial phrasings of the common needs (hands short, buyers wanted,
 * visitors wanted, investors wanted), abbreviations, and the everyday words beside the formal
 * ones, in the three languages. Each entry adds terms to a concept of the inventories; it adds
 * no concept of its own.
 */
export const VARIANTS: Record<string, { vi?: string; ja?: string; en?: string }> = {
  workers: {
    vi: 'thiếu người|thiếu lao động|thiếu nhân lực|thiếu công nhân|tuyển thợ khó|khó tuyển|tuyển dụng|tuyển lao động|người đứng chuyền|thiếu người làm|ứng viên|thực tập sinh|kỹ năng đặc định|lao động kỹ năng',
    ja: '人手|人手が足りない|人手不足|人が足りない|人が集まらない|働き手|担い手|担い手不足|働いてくれる人|働ける人|求人|採用|人員|技能実習|技能実習生|実習生|特定技能|外国人材|スタッフ不足',
    en: 'short of workers|short of staff|labour shortage|labor shortage|staff shortage|hard to hire|hiring|recruits|recruitment|manpower|interns|trainees|specified skilled workers|technical intern|candidates',
  },
  staffing: {
    vi: 'tổ chức giám sát|nghiệp đoàn|tổ chức hỗ trợ đăng ký|đơn vị phái cử|xuất khẩu lao động|đưa lao động|tiếp nhận lao động|công ty xuất khẩu lao động|phái cử lao động|tổ chức tiếp nhận',
    ja: '監理団体|登録支援機関|送出機関|送り出し機関|受入れ機関|受け入れ機関|協同組合|受入れ企業|受け入れ企業',
    en: 'supervising organisation|supervising organization|supervising organisations|registered support organisation|sending organisation|sending organization|sending agency|receiving organisation|labour sending|labor sending',
  },
  customers: {
    vi: 'đầu ra|tìm đầu ra|người mua ổn định|khách mua|bao tiêu|đơn hàng|đặt hàng|khách đặt hàng|tìm khách',
    ja: '販売先|売り先|買い手|取引先|受注|発注|発注先|顧客開拓|お客様|購買|長期購買',
    en: 'buyers|buyer|offtake|off-taker|orders|clients in japan|purchasers',
  },
  investor: {
    vi: 'doanh nghiệp nhật muốn đầu tư|doanh nghiệp nhật đầu tư|thu hút doanh nghiệp nhật|mở nhà máy|đặt nhà máy|mở rộng sản xuất sang',
    ja: '進出|ベトナム進出|海外進出|進出検討|進出を検討|進出支援|現地法人|海外拠点|工場進出|視察団',
    en: 'set up in vietnam|market entry|entering vietnam|expanding to vietnam|first overseas plant|overseas plant|investment missions|tenants|japanese companies planning',
  },
  'tourism-destination': {
    vi: 'khách quốc tế|khách nước ngoài|đoàn khách|du khách|điểm tham quan|tham quan|nghỉ dưỡng|cảnh đẹp|danh lam',
    ja: 'インバウンド|訪日客|観光客誘致|誘客|海外客|外国人観光客|観光資源|観光ルート|行き先',
    en: 'inbound|visitors|tourists|sightseeing|destinations|destination|attractions',
  },
  'tour-operators': {
    vi: 'đưa khách|đưa đoàn|gửi khách|công ty du lịch|đại lý du lịch|chuyến bay thuê chuyến|thuê chuyến',
    ja: '旅行代理店|送客|旅行商品|ツアー造成|団体ツアー|団体客|チャーター',
    en: 'travel agency|travel agencies|tour operator|tour operators|group tours|charter flights|charter',
  },
  'nursing-care': {
    vi: 'viện dưỡng lão|chăm người già|chăm sóc người bệnh',
    ja: '介護職|介護現場|高齢者施設|老人ホーム|特養|デイサービス|入居',
    en: 'elderly care|aged care|care home|care homes|nursing home|nursing homes|caregiving',
  },
  healthcare: {
    vi: 'y khoa|khám bệnh|bệnh viện tỉnh|trung tâm y tế|chuyên khoa',
    ja: '医療機関|病院|医学|診療|検診|健診',
    en: 'medical|clinic|clinics|doctors|physicians',
  },
  'hs-medical-devices': {
    vi: 'thiết bị y tế|máy móc y tế|vật tư y tế|hãng thiết bị y tế|trang thiết bị y tế',
    ja: '医療機器メーカー|医療機器|医療材料|消耗品|医療用品',
    en: 'medical devices|medical equipment|medical device|consumables|medical supplies',
  },
  'fresh-water': {
    vi: 'nước sạch|lọc nước|máy lọc nước|thiết bị lọc nước|nước sinh hoạt|nhiễm mặn|mặn xâm nhập|thiếu nước ngọt',
    ja: '浄水|浄水器|浄水装置|飲料水|給水|ro膜|塩害',
    en: 'clean water|drinking water|water purification|water purifiers|water filters|reverse osmosis|salinity|saline intrusion',
  },
  waste: {
    vi: 'bãi chôn lấp|bãi rác|rác sinh hoạt|chôn lấp|quá tải rác',
    ja: '埋立地|最終処分場|一般廃棄物|焼却',
    en: 'landfill|landfills|household waste|municipal waste|garbage|rubbish',
  },
  'waste-to-energy': {
    vi: 'nhà máy đốt rác|đốt rác|lò đốt',
    ja: '焼却炉|焼却発電|清掃工場|ごみ発電|ストーカ',
    en: 'incinerator|incineration|waste incineration|energy from waste',
  },
  'post-harvest': {
    vi: 'xử lý hơi nước nóng|hơi nước nóng|xử lý nhiệt|chiếu xạ|kiểm dịch thực vật|kiểm dịch|hư hao|tổn thất sau thu hoạch',
    ja: '蒸熱|蒸熱処理|植物検疫|検疫|くん蒸|放射線照射',
    en: 'vapour heat|vapor heat|vht|irradiation|phytosanitary|quarantine|fumigation',
  },
  'cold-chain': {
    vi: 'kho mát|xe lạnh|container lạnh|kho đông lạnh|bảo quản lạnh|giữ lạnh',
    ja: '低温物流|冷蔵|冷凍倉庫|冷蔵倉庫|低温のまま|定温|保冷',
    en: 'refrigerated|reefer|chilled|temperature-controlled|cold storage|cold warehouse',
  },
  'ready-meals': {
    vi: 'đồ ăn chín|đồ ăn sẵn|món ăn chế biến sẵn|quầy đồ ăn',
    ja: '惣菜|総菜|デリ|中食|弁当',
    en: 'deli|delicatessen|prepared food|ready-to-eat',
  },
  retail: {
    vi: 'siêu thị|chuỗi siêu thị|cửa hàng tiện lợi|nhà bán lẻ|hàng tươi sống|quầy hàng',
    ja: 'スーパー|スーパーマーケット|ドラッグストア|売場づくり|生鮮|鮮魚|量販店|百貨店',
    en: 'supermarket|supermarkets|drugstore|drugstores|retailer|retailers|fresh food|store operations',
  },
  'e-commerce': {
    vi: 'bán online|thương mại điện tử xuyên biên giới|bán qua mạng|livestream',
    ja: '越境ec|ec|ecサイト|通販|ネット販売|マーケットプレイス',
    en: 'cross-border e-commerce|online store|marketplace|online shop|sell online',
  },
  textiles: {
    vi: 'vải co giãn|vải chống nhăn|nhà dệt|nguyên phụ liệu may',
    ja: '生地|デニム|ストレッチ|機能性生地|織布|テキスタイル',
    en: 'fabric|fabrics|denim|stretch fabric|textile mill',
  },
  garments: {
    vi: 'hàng may sẵn|đồ bảo hộ|áo khoác|quần kaki|sơ mi|đồng phục',
    ja: 'ブラウス|シャツ|作業服|ユニフォーム|衣料品',
    en: 'blouses|shirts|jackets|workwear|uniforms|apparel brand',
  },
  'sewing-workers': {
    vi: 'công nhân may|thợ may|lao động may',
    ja: 'ミシン|縫製スタッフ',
    en: 'sewing operators|sewers',
  },
  furniture: {
    vi: 'bàn ăn|ghế|nội thất gỗ|đồ gỗ nội thất|bàn ghế',
    ja: 'テーブル|椅子|いす|家具|収納|ソファ',
    en: 'tables|chairs|furniture|cabinets|sofas|dining sets',
  },
  forestry: {
    vi: 'gỗ hợp pháp|gỗ có nguồn gốc|gỗ tròn|rừng trồng|làm rừng|trồng rừng',
    ja: '丸太|スギ|ヒノキ|杉|檜|森林組合|間伐|山林|合法木材',
    en: 'logs|cedar|cypress|sugi|hinoki|thinning|legal timber|plantation forests',
  },
  'hs-wood-products': {
    vi: 'gỗ xẻ|ván|dăm gỗ|gỗ dăm',
    ja: '製材|製材品|チップ|木材チップ',
    en: 'sawn wood|wood chips|lumber',
  },
  construction: {
    vi: 'thi công|nhà thầu|xây lắp|công trình|tổng thầu|nhà thầu phụ|thi công nhanh',
    ja: '土木|建屋|施工|ゼネコン|工務|建築工事|設計施工',
    en: 'civil works|civil engineering|general contractor|subcontractor|building works',
  },
  'industrial-land': {
    vi: 'kcn|kkt|nhà xưởng xây sẵn|nhà xưởng cho thuê|xưởng cho thuê|đất công nghiệp|cụm công nghiệp|khu kinh tế',
    ja: 'レンタル工場|貸工場|工業団地|産業団地|工場用地|物流用地',
    en: 'industrial park|industrial parks|ready-built factory|ready-built factories|factory for rent|industrial land|industrial zone',
  },
  'ports-logistics': {
    vi: 'cảng|logistics|vận chuyển|chuyển tải|tuyến vận tải',
    ja: '物流|港|港湾|輸送|海上輸送|荷主|貨物',
    en: 'logistics|shipping|3pl|freight|shippers|cargo',
  },
  'japanese-language': {
    vi: 'tiếng nhật|nhật ngữ|n2|n3|n4|jlpt|giáo viên tiếng nhật|lớp tiếng nhật',
    ja: '日本語|日本語教師|日本語教育|日本語研修|日本語授業|日本語教室',
    en: 'japanese language|japanese teachers|japanese classes|jlpt|japanese lessons',
  },
  'lean-kaizen': {
    vi: 'cải tiến|5s|kaizen|năng suất|hàng lỗi|tỷ lệ lỗi|cải thiện năng suất',
    ja: 'カイゼン|現場改善|5s|生産性|不良|tps|トヨタ生産方式',
    en: 'kaizen|5s|lean|tps|productivity|defects|toyota production system',
  },
  'quality-control': {
    vi: 'quản lý chất lượng|kiểm soát chất lượng|iso 9001|hàng lỗi|tiêu chuẩn nhật',
    ja: '品質管理|品質指導|検品|検針|品質基準',
    en: 'quality control|quality management|quality assurance|inspection|iso 9001',
  },
  oem: {
    vi: 'gia công|nhận gia công|đặt gia công|sản xuất theo mẫu|theo đơn|làm hàng cho|đơn hàng gia công',
    ja: '受託|委託製造|委託生産|oem|odm|受託生産|外注',
    en: 'oem|odm|contract manufacturing|private label|private-label|subcontracting|outsourced production',
  },
  disaster: {
    vi: 'lũ|lũ lụt|bão|bão lũ|ngập lụt|ngập|thiên tai|động đất|sóng thần',
    ja: '地震|津波|洪水|豪雨|台風|水害|災害|防災',
    en: 'floods|flooding|flood|typhoons|typhoon|storms|earthquake|earthquakes|tsunami|hazards',
  },
  'water-loss': {
    vi: 'thất thoát|rò rỉ|dò rò rỉ|đường ống|mạng lưới cấp nước|chia vùng|đồng hồ nước',
    ja: '漏水|無収水|配水管|管網|配水ブロック|水道管',
    en: 'non-revenue water|leak detection|leaks|leakage|district metering|pipe network|pipes',
  },
  'smart-farming': {
    vi: 'nhà màng|nhà kính|tưới nhỏ giọt|điều khiển khí hậu|châm phân|thủy canh|trồng trong nhà',
    ja: '施設園芸|ハウス|温室|養液栽培|水耕栽培|環境制御|点滴灌水',
    en: 'greenhouse|greenhouses|drip irrigation|fertigation|hydroponics|hydroponic|climate control',
  },
  'agri-machinery': {
    vi: 'máy sấy|máy xay xát|xay xát|máy gặt|máy cấy|máy nông nghiệp|cơ giới hóa',
    ja: '乾燥機|精米機|籾摺り|コンバイン|田植機|農業機械|トラクター',
    en: 'dryers|rice mills|milling machines|harvesters|tractors|farm machinery|agricultural machinery|mechanisation|mechanization',
  },
  sewing: {
    vi: 'máy may tự động|máy trải vải|cắt tự động|máy cắt vải|xưởng may|nhà máy may',
    ja: '縫製工場|縫製パートナー|自動裁断|延反|ミシン',
    en: 'garment factory|garment factories|sewing factory|automatic cutting|spreading|sewing lines|pocket setters',
  },
  'software-outsourcing': {
    vi: 'phần mềm|lập trình|phát triển ứng dụng|app|ứng dụng|làm app|dự án trọn gói|onsite',
    ja: 'システム開発|受託開発|アプリ開発|ソフト開発|開発パートナー|開発会社|保守運用',
    en: 'software development|app development|development partner|system integration|maintenance of our app',
  },
  'japanese-visitors': {
    vi: 'khách nhật|đoàn khách nhật|khách du lịch nhật|người nhật đến|du khách nhật bản',
    ja: '日本人客|日本人旅行者|日本からの観光客|日本人向け',
    en: 'japanese visitors|japanese tourists|japanese travellers|japanese groups|visitors from japan',
  },
  'vietnamese-visitors': {
    vi: 'khách sang nhật|đưa khách sang nhật|khách việt nam sang nhật|du khách việt',
    ja: 'ベトナムからの観光客|ベトナム人旅行者|ベトナムからの旅行者|ベトナム人客|ベトナムからの団体',
    en: 'vietnamese visitors|vietnamese tourists|visitors from vietnam|vietnamese travellers|vietnamese groups',
  },
  'ski-snow-onsen': {
    vi: 'trượt tuyết|tuyết|suối nước nóng|tắm onsen|onsen|lá đỏ|ngắm lá đỏ|hoa anh đào',
    ja: '温泉|温泉街|雪見|スキー場|紅葉|雪遊び|避暑',
    en: 'skiing|snow|hot springs|onsen|autumn leaves|cherry blossoms',
  },
  accommodation: {
    vi: 'khách sạn|resort|phòng nghỉ|homestay|nhà nghỉ|lưu trú',
    ja: 'ホテル|旅館|宿泊施設|民泊|客室',
    en: 'hotel|hotels|rooms|resort|guesthouses|lodging',
  },
  banking: {
    vi: 'ngân hàng|tín dụng|cho vay|vốn lưu động|tài trợ vốn|hạn mức tín dụng|đồng tài trợ',
    ja: '銀行|融資|金融機関|地方銀行|地銀|提携銀行|協調融資|資金調達',
    en: 'bank|banks|loans|credit lines|credit line|co-financing|working capital|financing|finance',
  },
  'funding-grants': {
    vi: 'vốn vay ưu đãi|tài trợ|viện trợ|quỹ|hỗ trợ tài chính|vốn xanh',
    ja: '補助金|助成|助成金|資金|基金|グリーンファイナンス',
    en: 'grants|grant|subsidies|subsidy|funding|green finance|fund',
  },
  'consumer-goods': {
    vi: 'hàng tiêu dùng|đồ ăn vặt|snack|hàng nhật|thực phẩm nhật|gia vị nhật',
    ja: '日用品|生活雑貨|雑貨|お菓子|スナック',
    en: 'consumer goods|snacks|household goods|daily goods|japanese food products',
  },
  'hs-fertiliser-agrochem': {
    vi: 'phân hữu cơ|phân ủ|ủ phân|phân chuồng|phân compost|phân hóa học|phân vi sinh',
    ja: '堆肥|堆肥化|有機肥料|化学肥料|肥料|土壌改良材',
    en: 'compost|composting|organic fertiliser|organic fertilizer|manure|fertilisers|fertilizers|soil conditioner',
  },
  sake: {
    vi: 'rượu sake|rượu nhật|rượu gạo nhật|sake nhật',
    ja: '純米|純米酒|吟醸|大吟醸|にごり酒|酒蔵|地酒|清酒|蔵元',
    en: 'junmai|ginjo|nihonshu|sake brewery|sake breweries',
  },
  'food-machinery': {
    vi: 'máy phân cỡ|máy lột vỏ|xếp khay tự động|máy cân|máy đóng gói|máy cắt miếng|máy lạng da|máy fillet|dây chuyền chế biến',
    ja: '選別機|整列機|包装機|計量包装機|フィレ加工機|自動選別|自動計量|加工機|食品機械',
    en: 'grading machines|graders|peeling machines|packing machines|filleting machines|weighing and packing|processing lines|food machinery',
  },
  'hs-spices': {
    vi: 'nước tương|xì dầu|gia vị',
    ja: '醤油|味噌|調味料|ふりかけ|カレー',
    en: 'soy sauce|miso|condiments|curry',
  },
  'japanese-market': {
    vi: 'sang nhật|đi nhật|bán sang nhật|xuất sang nhật|khách hàng nhật',
    ja: '日本向け|日本市場|日本の消費者|日本国内',
    en: 'japanese consumers|japanese customers|japanese buyers|the japanese market|to japan',
  },
  'vietnamese-market': {
    vi: 'thị trường việt nam|người tiêu dùng việt|thị trường trong nước',
    ja: 'ベトナム市場|ベトナムでの販売|ベトナム国内|ベトナムの消費者|現地市場',
    en: 'vietnamese market|vietnamese consumers|vietnam market|local market',
  },
  'higher-education': {
    vi: 'đại học|học viện|nghiên cứu sinh|tiến sĩ|thạc sĩ|giảng viên đại học',
    ja: '大学|大学院|博士課程|修士|研究科|高専',
    en: 'university|universities|graduate school|phd|doctoral|masters|postgraduate',
  },
  'study-research': {
    vi: 'nghiên cứu|nghiên cứu chung|hợp tác nghiên cứu|khảo sát|điều tra',
    ja: '研究|共同研究|調査|観測|評価',
    en: 'research|joint research|research partners|survey|surveys|assessment|study',
  },
  'pilot-demonstration': {
    vi: 'thử nghiệm|làm thử|nơi thử nghiệm|điểm thử nghiệm|mô hình thí điểm',
    ja: '実証先|実証サイト|モデル事業|試験導入|テスト導入|試験',
    en: 'pilot|pilots|pilot site|pilot farms|demonstration|demonstration site|trial|trials|testbed|test site',
  },
  precision: {
    vi: 'cơ khí chính xác|linh kiện chính xác|chi tiết chính xác|gia công chính xác',
    ja: '精密部品|精密加工|精密切削|精密機器',
    en: 'precision parts|precision machining|precision components|precision engineering',
  },
  metalwork: {
    vi: 'cơ khí|gia công cơ khí|kim loại tấm|kết cấu thép|khung thép|thép',
    ja: '金属加工|鉄骨|架台|製缶|鉄工',
    en: 'metalworking|metal fabrication|steel structures|steel frames|fabrication',
  },
  'machine-tools': {
    vi: 'máy cnc|máy cắt laser|máy tiện|máy phay|máy hàn',
    ja: 'レーザー加工機|nc旋盤|マシニングセンタ|工作機械',
    en: 'cnc machines|laser cutters|laser cutting machines|machine tools|lathes',
  },
  'used-machinery': {
    vi: 'máy cũ|đã qua sử dụng|máy móc cũ|còn tốt|thanh lý',
    ja: '中古|中古機械|中古設備|譲渡|不要になった',
    en: 'used machines|used machinery|second-hand|secondhand|refurbished|pre-owned',
  },
  'ev-mobility': {
    vi: 'xe điện|xe máy điện|pin xe điện|trạm sạc',
    ja: 'ev|電動バイク|充電インフラ',
    en: 'ev|evs|electric vehicles|e-bikes|electric motorbikes',
  },
  decarbonisation: {
    vi: 'trung hòa carbon|net zero|tín chỉ carbon|giảm co2|giảm phát thải|re100',
    ja: 'co2削減|カーボンクレジット|脱炭素|温室効果ガス|re100',
    en: 'net zero|carbon credits|co2 reduction|emissions|re100|carbon neutral',
  },
  renewables: {
    vi: 'điện gió|điện mặt trời|năng lượng sạch|điện sinh khối|điện gió ngoài khơi',
    ja: '風力|洋上風力|太陽光|バイオマス発電|再エネ',
    en: 'wind power|offshore wind|solar|solar power|clean energy|biomass power',
  },
  'biomass-fuel': {
    vi: 'viên nén|viên nén gỗ|vỏ trấu|trấu|dăm gỗ|sinh khối',
    ja: 'ペレット|木質ペレット|バイオマス燃料|もみ殻|籾殻',
    en: 'pellets|wood pellets|biomass fuel|rice husk|husks|biomass',
  },
  culture: {
    vi: 'văn hóa|nghệ thuật|truyền thống|nghệ thuật truyền thống|ẩm thực',
    ja: '伝統|伝統文化|伝統工芸|文化交流|芸術',
    en: 'culture|cultural|traditional|traditions|cultural exchange',
  },
  crafts: {
    vi: 'làng nghề|thủ công mỹ nghệ|đồ thủ công|thủ công',
    ja: '工芸|伝統工芸|手工芸|民芸',
    en: 'handicrafts|crafts|craft|artisans',
  },
  'youth-exchange': {
    vi: 'giao lưu|kết nghĩa|trao đổi|thanh niên|nông dân trẻ',
    ja: '交流|姉妹都市|友好都市|若者交流|国際交流',
    en: 'sister city|sister cities|twinning|youth exchange',
  },
  shrimp: {
    vi: 'tôm|tôm thẻ|tôm sú|tôm nguyên liệu',
    ja: 'エビ|えび|海老|ブラックタイガー|バナメイ|エビフライ|天ぷら',
    en: 'shrimp|prawns|black tiger|vannamei|whiteleg',
  },
  shellfish: {
    vi: 'ngao|nghêu|sò|hến|hàu',
    ja: 'ホタテ|帆立|アサリ|ハマグリ|カキ|牡蠣',
    en: 'scallops|clams|oysters|mussels|shellfish',
  },
  'telecom-media': {
    vi: 'truyền thông|báo chí|quảng cáo',
    ja: 'メディア|広告|報道',
    en: 'media|advertising',
  },
  'events-mice': {
    vi: 'mice|hội nghị|sự kiện|du lịch hội nghị|hội nghị khách hàng',
    ja: 'mice|会議|イベント|展示会|商談会',
    en: 'mice|conferences|events|exhibitions|trade fairs|trade shows|business meetings',
  },
  'rural-revitalisation': {
    vi: 'nông thôn|vùng cao|miền núi|làng|thôn bản',
    ja: '農村|山村|過疎|地方創生|町おこし',
    en: 'rural|villages|village|countryside|mountain communities',
  },
};

/** The inventories with the variants added to their concepts (a variant for an unknown id throws). */
export const withVariants = (concepts: readonly Concept[]): Concept[] => {
  const ids = new Set(concepts.map((c) => c.id));
  for (const id of Object.keys(VARIANTS))
    if (!ids.has(id)) throw new Error(`variants: unknown concept "${id}"`);
  const split = (s: string | undefined) =>
    (s ?? '')
      .split('|')
      .map((t) => t.trim())
      .filter((t) => t.length > 0);
  return concepts.map((c) => {
    const v = VARIANTS[c.id];
    if (!v) return c;
    const merge = (a: readonly string[], b: string[]) => [...a, ...b.filter((t) => !a.includes(t))];
    return { ...c, vi: merge(c.vi, split(v.vi)), ja: merge(c.ja, split(v.ja)), en: merge(c.en, split(v.en)) };
  });
};
