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
  concept(['agriculture.food', 'infrastructure.transport'], 'cold-chain', {
    vi: 'kho lạnh|chuỗi lạnh|bảo quản lạnh|vận chuyển lạnh|xe lạnh|kho mát|kho cấp đông|kho đông lạnh|xe tải lạnh|container lạnh',
    ja: 'コールドチェーン|冷蔵|低温輸送|冷凍倉庫|冷蔵倉庫|冷凍車|保冷車|低温物流|冷凍物流|保冷|冷蔵庫|冷凍庫|超低温',
    en: 'cold chain|cold storage|cold store|cold stores|refrigerated|refrigerated trucks|reefer|reefer trucks|cold warehouse|chilled|ultra-low temperature|freezers',
  }),
  concept('agriculture.food', 'post-harvest', {
    vi: 'bảo quản|sau thu hoạch|đóng gói|sơ chế|chiếu xạ|xử lý hơi nước nóng|xử lý nhiệt|vht|nhà đóng gói|bao trái',
    ja: '鮮度保持|予冷|貯蔵|収穫後|選果|蒸熱処理|照射|選果場|パッキングハウス',
    en: 'post-harvest|postharvest|packhouse|packing house|freshness|shelf life|controlled atmosphere|vapour heat treatment|vapor heat treatment|vht|irradiation|fruit treatment',
  }),
  concept('agriculture.food', 'frozen-food', {
    vi: 'cấp đông|đông lạnh|iqf|thực phẩm đông lạnh|món ăn đông lạnh|hàng đông lạnh|cấp đông iqf',
    ja: '冷凍|冷凍食品|急速冷凍|冷凍野菜|冷凍品|iqf|冷凍加工',
    en: 'frozen|frozen food|frozen foods|iqf|quick-frozen|blast freezing|frozen vegetables',
  }),
  concept('agriculture.food', 'ready-meals', {
    vi: 'chả giò|gyoza|karaage|cơm hộp|bento|món ăn sẵn|đồ ăn sẵn|suất ăn|bếp ăn công nghiệp|bánh mì|đồ chiên',
    ja: '惣菜|弁当|揚げ物|春巻き|餃子|唐揚げ|給食|中食|調理済み|パン',
    en: 'ready meals|ready-to-eat|prepared meals|spring rolls|dumplings|gyoza|bento|fried foods|school meals|catering|bread',
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
