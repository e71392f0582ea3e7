import { type ConceptRow, fromRows } from './concept.ts';

/**
 * Concepts for the kinds of party the forum brings together that the inventories above name
 * only broadly: sport, performing arts, broadcasting and animation, medical devices and
 * clinical work, nurses apart from care workers, building materials and housing, natural
 * hazards by kind (slopes, floods, coasts) and disaster drills, heritage conservation,
 * cosmetics, recycled plastics, engineered wood and woodworking machines, fishing, seafood by
 * kind, business succession, smart-city systems and data work. Each is one thing a party
 * offers or needs, named in the three languages with the variants people write.
 */
const ROWS: ConceptRow[] = [
  // Sport
  [
    'football',
    'sport',
    'bóng đá|đá bóng|câu lạc bộ bóng đá|clb bóng đá|học viện bóng đá|cầu thủ|đội bóng|giải bóng đá|futsal',
    'サッカー|フットサル|サッカークラブ|jリーグ|サッカー選手',
    'football|soccer|football club|football academy|futsal|footballers',
  ],
  ['baseball', 'sport', 'bóng chày', '野球|野球部|ベースボール', 'baseball'],
  [
    'martial-arts',
    'sport',
    'võ thuật|judo|karate|kendo|aikido|vovinam|võ cổ truyền|sumo',
    '武道|柔道|空手|剣道|合気道|相撲|武術',
    'martial arts|judo|karate|kendo|aikido|sumo',
  ],
  [
    'sports-camps',
    ['sport', 'tourism'],
    'tập huấn mùa đông|trại huấn luyện|đá giao hữu|giao hữu|sân tập|trại thể thao',
    '合宿|スポーツキャンプ|キャンプ地|練習試合|グラウンド|競技場|親善試合',
    'training camp|training camps|sports camp|pitches|sports grounds',
  ],
  [
    'running-events',
    ['sport', 'tourism'],
    'chạy bộ|marathon|giải chạy|chạy địa hình|đạp xe|xe đạp|ba môn phối hợp',
    'マラソン|ランニング|トレイル|サイクリング|自転車|トライアスロン|スポーツイベント',
    'marathon|runners|trail running|cycling|triathlon|sports events',
  ],
  // Performing arts and festivals
  [
    'performing-arts',
    'culture',
    'nghệ thuật biểu diễn|đoàn biểu diễn|đoàn nghệ thuật|biểu diễn|lưu diễn|múa rối nước|nhã nhạc|múa|ca múa|nhạc cụ dân tộc|hát|ca trù|quan họ',
    '伝統芸能|芸能|公演|和太鼓|太鼓|よさこい|舞踊|神楽|演奏|音楽|出演|パフォーマンス|踊り',
    'performing arts|performance|performances|performers|troupe|dance|music|concert|traditional music|taiko|puppetry',
  ],
  [
    'festivals',
    ['culture', 'exchange.people'],
    'lễ hội|festival|hội chợ văn hóa|ngày hội|tuần lễ văn hóa',
    '祭り|まつり|フェスティバル|ベトナムフェスティバル|フェス',
    'festival|festivals|cultural week',
  ],
  // Media
  [
    'broadcasting',
    ['culture', 'digital'],
    'đài truyền hình|truyền hình|phát sóng|đài phát thanh|phát thanh|chương trình truyền hình|lên sóng|phim tài liệu|phóng sự|phim truyền hình',
    'テレビ|テレビ局|放送|番組|放映|紀行番組|ドキュメンタリー|ドラマ|ラジオ|共同制作|番組制作',
    'broadcaster|broadcasting|television|tv|tv programmes|tv series|documentary|documentaries|radio|channel|co-production',
  ],
  [
    'animation',
    ['culture', 'digital'],
    'hoạt hình|phim hoạt hình|họa sĩ|vẽ trung gian|tô màu|diễn hoạt|3dcg|anime|truyện tranh|manga',
    'アニメ|アニメーション|作画|原画|動画|仕上げ|彩色|3dcg|漫画|マンガ|アニメーター',
    'animation|anime|animators|in-between|inbetween|colouring|coloring|key animation|3dcg|manga|comics',
  ],
  [
    'content-licensing',
    ['culture', 'trade'],
    'bản quyền|bản quyền phát sóng|mua bản quyền|bán bản quyền|nội dung số',
    '放映権|放送権|番組販売|版権|コンテンツ|著作権',
    'content licensing|programme licensing|tv licensing|broadcast rights|programme sales',
  ],
  [
    'promotion-media',
    ['tourism', 'trade'],
    'mạng xã hội|kol|người nổi tiếng|tiktok|facebook|youtube|quảng bá|truyền thông|báo chí|tạp chí|influencer',
    'sns|インフルエンサー|情報発信|pr|広報|雑誌|メディア|ユーチューブ|プロモーション',
    'social media|influencers|sns|tiktok|facebook|youtube|pr|magazine|media',
    0.8,
  ],
  // Health: devices, clinical work, nurses
  [
    'dialysis',
    'healthcare',
    'lọc máu|chạy thận|chạy thận nhân tạo|thận nhân tạo|đơn nguyên thận',
    '透析|人工透析|血液透析|透析装置|透析患者',
    'dialysis|haemodialysis|hemodialysis|renal',
  ],
  [
    'care-equipment',
    ['healthcare.nursing', 'industry.manufacturing'],
    'giường điều chỉnh|giường bệnh|xe lăn|thiết bị hỗ trợ tắm|dụng cụ hỗ trợ|thiết bị phục hồi chức năng|thiết bị chăm sóc',
    '介護ベッド|介護用品|車いす|車椅子|入浴機器|入浴装置|福祉用具|介護機器|リフト',
    'care beds|nursing beds|wheelchairs|wheelchair|bathing equipment|assistive devices|care equipment|patient lifts',
  ],
  [
    'dementia-care',
    'healthcare.nursing',
    'sa sút trí tuệ|mất trí nhớ|alzheimer|chăm sóc người già|hỗ trợ tắm|di chuyển người bệnh|người nằm liệt',
    '認知症|認知症ケア|移乗|移乗介助|入浴介助|食事介助|寝たきり|夜勤',
    'dementia|dementia care|alzheimer|transfer assistance|bathing assistance|bedridden|night shifts',
  ],
  [
    'clinical-research',
    ['healthcare', 'innovation'],
    'nghiên cứu lâm sàng|thử nghiệm lâm sàng|hội đồng đạo đức|ca bệnh',
    '臨床研究|治験|臨床試験|症例',
    'clinical research|clinical trials|clinical study|case series',
  ],
  [
    'doctors-training',
    ['healthcare', 'labour.training'],
    'bác sĩ trẻ|bác sĩ nội trú|đào tạo bác sĩ|học nội soi|chuyển giao kỹ thuật y',
    '研修医|医師研修|臨床研修|若手医師|留学医師',
    'young doctors|doctor training|clinical training|fellowship|fellows',
  ],
  [
    'nurses',
    ['healthcare', 'labour.workers'],
    'y tá|điều dưỡng viên|chứng chỉ hành nghề điều dưỡng|điều dưỡng bệnh viện|sinh viên điều dưỡng',
    '看護師|看護師資格|看護職|看護師国家試験|准看護師|看護学生',
    'nurses|nurse|licensed nurses|registered nurses|nursing students',
  ],
  // Building materials and housing
  [
    'building-materials',
    ['urban', 'industry.manufacturing'],
    'vật liệu xây dựng|cửa sổ|cửa sổ cách nhiệt|cách nhiệt|vật liệu chống nóng|gạch ốp|ngói|xi măng|sơn tường|phòng tắm đúc sẵn|thiết bị vệ sinh',
    '建材|サッシ|樹脂サッシ|断熱材|断熱|遮熱|窓|ガラス|タイル|外壁|ユニットバス|住宅設備|衛生陶器',
    'building materials|window frames|insulation|heat-shielding|glazing|tiles|roof tiles|cement|bathroom units|sanitary ware',
  ],
  [
    'housing',
    'urban',
    'nhà ở|khu nhà ở|nhà phố|nhà ở xã hội|phát triển nhà ở|nhà lắp ghép|nhà tiền chế|xây nhà|nhà gỗ',
    '住宅|戸建て|注文住宅|住宅開発|プレハブ|木造住宅|ハウスメーカー|工務店|住まい',
    'house builder|housebuilder|housing development|housing developer|social housing|prefabricated|prefab|modular homes|wooden houses',
  ],
  // Natural hazards by kind
  [
    'slope-landslide',
    ['climate.disaster', 'infrastructure.transport'],
    'sạt lở|sạt lở đất|lở đất|taluy|mái dốc|gia cố mái dốc|lưới chắn đá|đá lăn|đá rơi|lũ quét',
    '法面|のり面|土砂災害|地すべり|がけ崩れ|落石|落石防護|斜面|法面保護|切土',
    'landslide|landslides|slope|slopes|slope protection|rockfall|rock fall|debris flow|cut slopes',
  ],
  [
    'early-warning',
    'climate.disaster',
    'cảnh báo sớm|cảnh báo lũ|đo mưa|trạm đo mưa|đo mực nước|mực nước|còi báo|loa cảnh báo|thông tin cảnh báo|hệ thống cảnh báo',
    '雨量計|水位計|警報|警報システム|早期警戒|防災無線|サイレン|屋外スピーカー',
    'early warning|warning system|warnings|rain gauges|water-level gauges|sirens|alerts|flood warning',
  ],
  [
    'coastal-protection',
    ['climate.disaster', 'environment'],
    'xói lở|sạt lở bờ biển|biển ăn|kè|kè mềm|đê biển|giảm sóng|rừng ngập mặn|rừng phòng hộ|bờ biển',
    '海岸侵食|護岸|消波|消波ブロック|防潮堤|マングローブ|海岸保全|堤防',
    'coastal erosion|revetment|revetments|breakwater|breakwaters|sea walls|seawall|wave-dissipating|mangrove|coastal protection|marine works',
  ],
  [
    'disaster-drills',
    ['climate.disaster', 'education'],
    'diễn tập|sơ tán|phòng tránh thiên tai|tập huấn phòng chống thiên tai|kỹ năng phòng tránh|giáo dục phòng chống thiên tai',
    '避難訓練|防災教育|防災訓練|自主防災|避難|防災センター',
    'evacuation drills|drills|disaster education|evacuation|disaster training|preparedness',
  ],
  // Heritage
  [
    'heritage-conservation',
    ['culture', 'urban'],
    'trùng tu|bảo tồn|bảo tồn di tích|di tích|phố cổ|đô thị cổ|kiến trúc gỗ|nhà gỗ cổ|di sản|tu bổ',
    '町並み保存|文化財|修復|歴史的町並み|伝統的建造物|木造建築|城下町|古都|世界遺産',
    'heritage|conservation|restoration|historic town|old town|ancient town|historic buildings|timber architecture|world heritage',
  ],
  // Consumer products
  [
    'cosmetics',
    ['trade', 'industry.manufacturing'],
    'mỹ phẩm|kem chống nắng|chăm sóc da|dưỡng da|trang điểm|tinh dầu|chiết xuất|sữa rửa mặt|nước hoa hồng',
    '化粧品|コスメ|スキンケア|日焼け止め|化粧水|クレンジング|精油|エッセンシャルオイル|抽出物|メイク',
    'cosmetics|skincare|skin care|sunscreen|makeup|make-up|essential oils|extracts|cleansing|beauty products',
  ],
  [
    'flowers-kinds',
    'agriculture',
    'hoa cúc|cẩm chướng|hoa hồng|hoa lan|hoa ly|hoa tươi|hoa cắt cành',
    '小菊|菊|カーネーション|バラ|蘭|ユリ|仏花|切り花|花き',
    'chrysanthemums|chrysanthemum|carnations|carnation|roses|orchids|lilies|cut flowers',
  ],
  [
    'recycled-plastics',
    ['environment.waste', 'industry.manufacturing'],
    'nhựa tái sinh|nhựa tái chế|tái chế nhựa|rpet|hạt nhựa tái sinh|chai nhựa|tách nhãn',
    '再生pet|再生樹脂|ボトルtoボトル|ペットボトル|プラスチックリサイクル|再生プラスチック',
    'recycled plastic|recycled pet|rpet|bottle-to-bottle|pet bottles|plastic recycling|recycled resin',
  ],
  // Wood
  [
    'engineered-wood',
    ['forestry', 'industry.manufacturing'],
    'gỗ ghép|gỗ ghép thanh|ván ghép|ván sàn|sàn gỗ|ván dăm|mdf|ván ép|gỗ keo|gỗ rừng trồng',
    '集成材|フローリング|床材|合板|パーティクルボード|mdf|木質ボード|構造材',
    'glulam|engineered wood|wood flooring|laminated wood|particleboard|mdf|plywood',
  ],
  [
    'woodworking-machinery',
    ['forestry', 'industry.manufacturing'],
    'máy chế biến gỗ|máy ghép|máy chà nhám|máy ghép finger|finger-joint|máy bào|máy cưa|máy cnc gỗ',
    '木工機械|木工機|フィンガージョイント|サンダー|プレーナー|製材機',
    'woodworking machinery|woodworking machines|finger-joint|finger joint|sanders|sawmill equipment',
  ],
  [
    'product-design',
    ['trade', 'industry.manufacturing'],
    'nhà thiết kế|mẫu mã|mẫu mới|phát triển sản phẩm mới|làm mẫu|thiết kế mẫu',
    'デザイナー|商品開発|商品企画|共同商品開発|デザイン開発|新商品開発',
    'product design|product development|product designers|new product development',
  ],
  // Fishing and seafood by kind
  [
    'fishing',
    'fisheries',
    'khai thác hải sản|đánh bắt|đánh bắt xa bờ|tàu cá|tàu xa bờ|ngư dân|câu tay|lưới vây|nghề cá',
    '漁業|漁船|漁獲|まき網|一本釣り|沖合漁業|遠洋漁業|漁港|水揚げ',
    'fishing|fishing boats|fishing vessels|fishermen|fishers|longline',
  ],
  [
    'salmon-scallop',
    'fisheries',
    'cá hồi|sò điệp|cồi sò điệp|nhím biển|trứng cá hồi',
    'サーモン|鮭|秋鮭|ホタテ|帆立|貝柱|いくら|ウニ',
    'salmon|scallops|scallop|sea urchin|uni|salmon roe',
  ],
  [
    'tuna-squid',
    'fisheries',
    'cá ngừ|cá ngừ đại dương|mực|mực ống|bạch tuộc',
    'マグロ|まぐろ|キハダ|メバチ|クロマグロ|イカ|いか|スルメイカ|アオリイカ|ヤリイカ|コウイカ|タコ|マダコ',
    'tuna|yellowfin|bigeye|squid|octopus|loins',
  ],
  [
    'wagyu-beef',
    'agriculture',
    'bò wagyu|thịt bò wagyu|thịt bò nhật|bò kobe',
    '和牛|黒毛和牛|宮崎牛|神戸牛|牛肉',
    'wagyu|japanese beef|kobe beef|beef',
  ],
  // Business succession and investment introductions
  [
    'business-succession',
    ['investment', 'economy'],
    'mua lại|sáp nhập|mua bán sáp nhập|m&a|không có người nối nghiệp|nối nghiệp|chuyển nhượng|mua lại xưởng',
    '事業承継|後継者|後継者不在|m&a|譲渡|事業譲渡|買収',
    'm&a|mergers|acquisition|acquisitions|business succession|succession|buy a company|takeover',
  ],
  // Digital systems
  [
    'smart-city-traffic',
    ['digital', 'urban', 'infrastructure.transport'],
    'đô thị thông minh|đèn tín hiệu|điều khiển giao thông|kẹt xe|ùn tắc|camera giao thông|ioc|trung tâm điều hành',
    'スマートシティ|信号制御|交通信号|渋滞|交通管制|都市データ|データ連携基盤|aiカメラ',
    'smart city|traffic signals|traffic control|traffic signal|congestion|traffic jams|ai cameras|urban data platform|operations centre',
  ],
  [
    'data-annotation',
    'digital',
    'gán nhãn dữ liệu|gán nhãn|dán nhãn dữ liệu|xử lý dữ liệu|nhập liệu|dữ liệu ai',
    'アノテーション|データ入力|教師データ|データ作成|タグ付け',
    'data annotation|annotation|labelling|labeling|data entry|training data',
  ],
  [
    'digital-government',
    ['digital', 'governance'],
    'chính quyền số|dịch vụ công trực tuyến|cổng dịch vụ công|hồ sơ điện tử|số hóa',
    '自治体dx|電子申請|行政のデジタル化|オンライン申請|ペーパーレス|申請フォーム',
    'digital government|e-government|online applications|online public services|paperless',
  ],
  // Study abroad and schools
  [
    'study-abroad',
    ['education', 'exchange.people'],
    'du học|du học sinh|trường tiếng|trường nhật ngữ|du học nhật|học viên du học|trường đại học nhật|cao đẳng nghề',
    '留学|留学生|日本語学校|日本語学院|語学学校|留学生募集|編入|入学',
    'study abroad|international students|students from vietnam|language school|language schools|student recruitment|overseas students',
  ],
  [
    'school-exchange',
    ['education', 'exchange.people'],
    'trường thpt|học sinh|trường trung học|kết nghĩa trường|giao lưu trường học|trường phổ thông|homestay|ở nhà dân',
    '高校|高校生|中学校|姉妹校|学校交流|ホームステイ|生徒|教育委員会',
    'high school|high schools|secondary school|sister schools|school exchange|homestay|pupils',
  ],
  // Further fields of the sector taxonomy, named as parties write them
  [
    'hydrogen-lng',
    ['energy', 'climate.lowcarbon'],
    'hydro xanh|hydrogen|khí hydro|amoniac xanh|lng|khí hóa lỏng|điện khí lng',
    '水素|グリーン水素|アンモニア混焼|lng|液化天然ガス|燃料電池',
    'hydrogen|green hydrogen|ammonia co-firing|lng|liquefied natural gas|fuel cells|fuel cell',
  ],
  [
    'biogas',
    ['energy', 'environment.waste'],
    'khí sinh học|biogas|hầm biogas|hầm khí sinh học',
    'バイオガス|メタン発酵|消化ガス',
    'biogas|anaerobic digestion|methane fermentation|digesters',
  ],
  [
    'drones',
    ['digital', 'innovation'],
    'máy bay không người lái|flycam|drone|thiết bị bay không người lái|phun thuốc bằng drone',
    'ドローン|無人航空機|無人機|ドローン測量|農業用ドローン',
    'drone|drones|uav|uavs|unmanned aerial',
  ],
  [
    'satellite-remote-sensing',
    ['digital', 'innovation'],
    'vệ tinh|viễn thám|ảnh vệ tinh|dữ liệu vệ tinh|gis|bản đồ số',
    '衛星|人工衛星|リモートセンシング|衛星データ|衛星画像|gis',
    'satellite|satellites|remote sensing|satellite data|satellite imagery|gis|earth observation',
  ],
  [
    'e-learning',
    ['education', 'digital'],
    'học trực tuyến|đào tạo trực tuyến|lớp online|học online|e-learning|nền tảng học',
    'eラーニング|オンライン授業|オンライン研修|オンライン学習|遠隔授業|オンライン教育',
    'e-learning|online courses|online classes|online learning|online training|edtech',
  ],
  [
    'childcare',
    'education',
    'mầm non|trường mầm non|nhà trẻ|giáo viên mầm non|chăm sóc trẻ em',
    '保育|保育園|幼稚園|保育士|幼児教育|子育て',
    'childcare|child care|kindergarten|kindergartens|preschool|nursery schools|early childhood',
  ],
  [
    'dental-traditional-medicine',
    'healthcare',
    'nha khoa|răng hàm mặt|y học cổ truyền|đông y|châm cứu',
    '歯科|歯科医|漢方|鍼灸|東洋医学',
    'dental|dentistry|dentists|traditional medicine|acupuncture|kampo',
  ],
  [
    'fire-safety',
    ['climate.disaster', 'urban'],
    'phòng cháy chữa cháy|pccc|cứu hỏa|chữa cháy|cứu hộ cứu nạn',
    '消防|防火|消火|救急|救助',
    'firefighting|fire fighting|fire safety|fire prevention|rescue|emergency services',
  ],
  [
    'roads-bridges',
    ['infrastructure.transport', 'urban'],
    'cầu đường|xây dựng cầu|cầu vượt|đường bộ|quốc lộ|bảo trì cầu|hầm đường bộ',
    '橋梁|道路|トンネル|高速道路|インフラ点検',
    'bridges|bridge|roads|road construction|tunnels|highways|infrastructure inspection',
  ],
  [
    'public-transit',
    ['infrastructure.transport', 'urban'],
    'xe buýt|tàu điện|đường sắt đô thị|metro|giao thông công cộng|brt',
    'バス|路線バス|地下鉄|モノレール|公共交通|ライトレール|lrt',
    'bus|buses|metro|subway|public transport|public transit|light rail|lrt|brt',
  ],
  [
    'museums',
    ['culture', 'tourism'],
    'bảo tàng|nhà trưng bày|triển lãm nghệ thuật|thư viện',
    '博物館|美術館|資料館|図書館',
    'museum|museums|galleries|gallery|exhibitions of art|libraries',
  ],
];

export const FIELDS = fromRows(ROWS);
