import { type Concept, concept } from './concept.ts';

/** Environment, water, waste, climate, disaster risk, energy, transport and urban development. */
export const ENVIRONMENT: Concept[] = [
  concept('environment', 'environment', {
    vi: 'môi trường|bảo vệ môi trường|ô nhiễm|đa dạng sinh học|không khí',
    ja: '環境|環境保全|公害|汚染|大気|生物多様性|環境技術',
    en: 'environment|environmental|pollution|biodiversity|air quality|conservation',
  }),
  concept('environment.water', 'wastewater', {
    vi: 'nước thải|xử lý nước thải|thoát nước|hệ thống thoát nước|xử lý nước|nước sạch|cấp nước|nhà máy nước',
    ja: '下水|下水道|下水処理|排水|排水処理|汚水|水処理|浄水|上水道|上下水道|水道|浄化槽',
    en: 'wastewater|waste water|sewage|sewerage|drainage|water treatment|water supply|clean water|drinking water|water utility|septic',
  }),
  concept('environment.water', 'fresh-water', {
    vi: 'nước ngọt|khử mặn|xâm nhập mặn|trữ nước|hồ chứa|nguồn nước|quản lý nguồn nước|nước ngầm',
    ja: '淡水|淡水化|海水淡水化|塩害|貯水|ため池|水資源|地下水',
    en: 'fresh water|freshwater|desalination|salinity|saline intrusion|water storage|reservoir|reservoirs|water resources|groundwater',
  }),
  concept('environment.waste', 'waste', {
    vi: 'rác thải|chất thải|chất thải rắn|xử lý rác|phân loại rác|tái chế|bãi rác|đốt rác|kinh tế tuần hoàn|nhựa',
    ja: '廃棄物|ごみ|ゴミ|リサイクル|分別|焼却|埋立|循環型|循環経済|プラスチック|再資源化',
    en: 'waste|solid waste|garbage|rubbish|recycling|recycle|landfill|incineration|circular economy|plastic|waste-to-energy',
  }),
  concept('climate.lowcarbon', 'decarbonisation', {
    vi: 'giảm phát thải|phát thải|khí nhà kính|trung hòa carbon|net zero|tín chỉ carbon|biến đổi khí hậu|tăng trưởng xanh|carbon',
    ja: '脱炭素|カーボンニュートラル|温室効果ガス|co2|排出削減|気候変動|jcm|二国間クレジット|グリーン成長|省エネ',
    en: 'decarbonisation|decarbonization|carbon neutral|net zero|greenhouse gas|emissions|carbon credits|climate change|green growth|low carbon|energy efficiency|carbon',
  }),
  concept('climate.disaster', 'disaster', {
    vi: 'phòng chống thiên tai|thiên tai|chống ngập|ngập úng|ngập lụt|lũ lụt|lũ quét|sạt lở|bão|triều cường|động đất|cảnh báo sớm|ứng phó thiên tai',
    ja: '防災|減災|災害|浸水|内水氾濫|洪水|水害|氾濫|土砂災害|台風|高潮|地震|津波|早期警報|雨水貯留|調節池|排水ポンプ',
    en: 'disaster|disaster prevention|disaster risk|flood|flooding|floods|flood control|landslide|landslides|typhoon|storm surge|earthquake|tsunami|early warning|resilience|stormwater',
  }),
  concept(['climate.disaster', 'environment.water'], 'drainage-works', {
    vi: 'trạm bơm|hồ điều hòa|bể chứa nước mưa|nước mưa|đê điều|kè',
    ja: 'ポンプ場|雨水|遊水地|堤防|貯留管',
    en: 'pumping station|pumping stations|retention pond|rainwater|detention basin|levee|dikes',
  }),
  concept('energy', 'renewables', {
    vi: 'năng lượng tái tạo|điện gió|điện mặt trời|năng lượng mặt trời|sinh khối|hydro|điện|năng lượng|tiết kiệm năng lượng|lưới điện',
    ja: '再生可能エネルギー|再エネ|風力|洋上風力|太陽光|バイオマス|水素|エネルギー|電力|発電|蓄電池|送電',
    en: 'renewable energy|renewables|wind power|offshore wind|solar|solar power|biomass|hydrogen|energy|power plant|electricity|battery storage|grid',
  }),
  concept('infrastructure.transport', 'ports-logistics', {
    vi: 'cảng|cảng biển|cảng nước sâu|cảng container|logistics|vận tải|vận tải biển|kho bãi|chuỗi cung ứng|hàng hải|tàu container',
    ja: '港湾|港|コンテナ|物流|海運|ロジスティクス|倉庫|サプライチェーン|船舶|コンテナターミナル',
    en: 'port|ports|seaport|deep-water port|container|containers|logistics|shipping|freight|warehouse|supply chain|maritime|terminal',
  }),
  concept('infrastructure.transport', 'transport', {
    vi: 'giao thông|đường sắt|đường cao tốc|sân bay|hàng không|xe buýt|metro|giao thông công cộng',
    ja: '交通|鉄道|高速道路|空港|航空|路線バス|地下鉄|公共交通|道路',
    en: 'transport|transportation|railway|rail|expressway|airport|aviation|bus|metro|public transport|roads',
  }),
  concept('urban', 'urban', {
    vi: 'đô thị|quy hoạch đô thị|phát triển đô thị|đô thị thông minh|nhà ở|hạ tầng đô thị|cơ sở hạ tầng',
    ja: '都市|都市計画|まちづくり|都市開発|スマートシティ|住宅|インフラ|再開発',
    en: 'urban|urban planning|urban development|city planning|smart city|housing|infrastructure|redevelopment',
  }),
];
