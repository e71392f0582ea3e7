import { type Concept, concept } from './concept.ts';

/** Agriculture, food, fisheries, forestry and rural revitalisation. */
export const AGRICULTURE: Concept[] = [
  concept('agriculture', 'farming', {
    vi: 'nông nghiệp|nông dân|nông sản|trồng trọt|canh tác|chăn nuôi|nông trại|trang trại|vụ mùa|thu hoạch',
    ja: '農業|農家|農産物|栽培|農場|畜産|収穫|耕作|営農',
    en: 'agriculture|agricultural|farming|farm|farms|farmers|crops|cultivation|harvest|livestock|growers',
  }),
  concept('agriculture', 'fruit', {
    vi: 'trái cây|hoa quả|cây ăn quả|cây ăn trái|vườn cây ăn trái|trái cây nhiệt đới',
    ja: '果物|果実|果樹|果樹園|熱帯果実|フルーツ',
    en: 'fruit|fruits|fruit trees|orchard|orchards|tropical fruit',
  }),
  concept(
    ['agriculture.food', 'industry.manufacturing'],
    'processing',
    { vi: 'chế biến sâu|gia công', ja: '加工', en: 'processing' },
    0.4,
  ),
  concept('agriculture.high_tech', 'smart-farming', {
    vi: 'nông nghiệp công nghệ cao|nông nghiệp thông minh|nhà kính|nhà màng|tưới nhỏ giọt|tưới tiết kiệm|thủy canh|giống cây trồng|vietgap|globalgap|nông nghiệp hữu cơ',
    ja: 'スマート農業|施設園芸|ハウス栽培|ビニールハウス|温室|温室栽培|環境制御|点滴灌漑|水耕栽培|植物工場|品種改良|jgap|globalgap|有機農業|栽培技術',
    en: 'smart agriculture|smart farming|high-tech agriculture|greenhouse|greenhouses|drip irrigation|hydroponics|seed varieties|organic farming|precision agriculture|cultivation techniques',
  }),
  concept(['agriculture.high_tech', 'environment.water'], 'irrigation', {
    vi: 'tưới|tưới tiêu|thủy lợi|hệ thống tưới',
    ja: '灌漑|かんがい|潅水|用水',
    en: 'irrigation|irrigate|watering',
  }),
  concept('agriculture.food', 'food-processing', {
    vi: 'chế biến|chế biến thực phẩm|thực phẩm|chế biến nông sản|đồ uống|an toàn thực phẩm|halal',
    ja: '食品加工|加工食品|食品|飲料|食品安全|ハラール|加工品',
    en: 'food processing|processed food|food|beverages|food safety|halal|processing plant',
  }),
  concept('agriculture.food', 'cold-chain', {
    vi: 'kho lạnh|chuỗi lạnh|bảo quản lạnh|bảo quản|sau thu hoạch|đóng gói|sơ chế|vận chuyển lạnh|chiếu xạ|xử lý hơi nước nóng',
    ja: 'コールドチェーン|冷蔵|冷凍|低温輸送|鮮度保持|予冷|貯蔵|収穫後|選果|包装|蒸熱処理|保冷',
    en: 'cold chain|cold storage|refrigerated|post-harvest|postharvest|packing|packhouse|packing house|food packaging|freshness|shelf life|controlled atmosphere|vapour heat treatment|vapor heat treatment|chilled',
  }),
  concept('fisheries', 'aquaculture', {
    vi: 'thủy sản|nuôi trồng thủy sản|nuôi lồng bè|lồng bè|nuôi tôm|con giống|sản xuất giống|đánh bắt|nuôi cá|hải sản',
    ja: '水産|水産業|養殖|いけす|海面養殖|種苗|種苗生産|漁業|漁港|魚病|水産加工',
    en: 'fisheries|fishery|aquaculture|fish farming|cage farming|sea cages|hatchery|fingerlings|seed stock|fishing|seafood|fish disease',
  }),
  concept('forestry', 'forestry', {
    vi: 'lâm nghiệp|rừng|trồng rừng|gỗ|chế biến gỗ|đồ gỗ|lâm sản|xưởng cưa',
    ja: '林業|森林|植林|木材|製材|製材所|木工|家具|林産',
    en: 'forestry|forest|forests|timber|wood|wood processing|sawmill|sawmills|furniture|lumber|afforestation',
  }),
  concept('rural', 'rural-revitalisation', {
    vi: 'phát triển nông thôn|nông thôn mới|ocop|mỗi xã một sản phẩm|đặc sản|sản phẩm đặc sản|làng nghề|bản làng|kinh tế nông thôn',
    ja: '地域おこし|地方創生|一村一品|地域振興|特産品|特産|名産品|中山間地域|過疎|農村|里山',
    en: 'rural revitalisation|rural revitalization|rural development|one village one product|ovop|ocop|local specialities|local specialties|specialty products|craft villages|villages|countryside|depopulation',
  }),
  concept(
    'rural',
    'community-livelihoods',
    {
      vi: 'người cao tuổi ở nông thôn|sinh kế|thu nhập cho người dân',
      ja: '高齢者の生きがい|コミュニティビジネス|住民主体',
      en: 'livelihoods|community business|income for residents',
    },
    0.6,
  ),
];
