import type { SectorCode } from '../../sectors.ts';
import { type Concept, concept } from './concept.ts';

/**
 * Products, one concept each, so that "xoài" meets "マンゴー" as the same thing and not merely
 * as "agriculture": a shared product is strong evidence that an offer answers a need.
 * Rows: id, sector, vi, ja, en (terms separated by |).
 */
const ROWS: [string, SectorCode, string, string, string][] = [
  ['mango', 'agriculture', 'xoài', 'マンゴー', 'mango|mangoes'],
  ['longan', 'agriculture', 'nhãn|nhãn lồng', 'ロンガン|竜眼', 'longan|longans'],
  ['lychee', 'agriculture', 'vải thiều|quả vải', 'ライチ', 'lychee|lychees'],
  ['dragon-fruit', 'agriculture', 'thanh long', 'ドラゴンフルーツ', 'dragon fruit'],
  ['durian', 'agriculture', 'sầu riêng', 'ドリアン', 'durian'],
  ['banana', 'agriculture', 'chuối', 'バナナ', 'banana|bananas'],
  [
    'citrus',
    'agriculture',
    'bưởi|cam sành|quýt|chanh',
    '柑橘|みかん|いよかん|ゆず|レモン',
    'citrus|mandarin|mandarins|pomelo|lemon',
  ],
  ['apple', 'agriculture', 'quả táo|táo', 'りんご|リンゴ', 'apple|apples'],
  ['pear', 'agriculture', 'quả lê|trái lê|lê tai nung', '梨', 'pear|pears'],
  ['plum', 'agriculture', 'mận|mận hậu', 'すもも|プラム', 'plum|plums'],
  ['cherry', 'agriculture', 'anh đào', 'さくらんぼ|サクランボ', 'cherry|cherries'],
  ['grape', 'agriculture', 'nho', 'ぶどう|ブドウ', 'grape|grapes'],
  ['melon', 'agriculture', 'dưa lưới|dưa lê', 'メロン', 'melon|melons'],
  ['coconut', 'agriculture', 'dừa', 'ココナッツ|ココヤシ', 'coconut|coconuts'],
  ['pineapple', 'agriculture', 'dứa|khóm', 'パイナップル', 'pineapple|pineapples'],
  ['rice', 'agriculture', 'lúa|lúa gạo|gạo|lúa nước|trồng lúa', '米|稲|稲作|コシヒカリ|水稲', 'rice|paddy'],
  [
    'coffee',
    'agriculture',
    'cà phê|cà phê đặc sản|arabica|robusta|cà phê nhân|rang xay|rang cà phê',
    'コーヒー|珈琲|スペシャルティコーヒー|アラビカ|ロブスタ|焙煎|コーヒー豆',
    'coffee|specialty coffee|arabica|robusta|coffee beans|roasting|roastery',
  ],
  ['tea', 'agriculture', 'chè|trà|trà xanh', '茶|抹茶|煎茶|緑茶', 'tea|green tea|matcha'],
  ['pepper', 'agriculture', 'hồ tiêu|tiêu đen|tiêu', '胡椒|コショウ|ブラックペッパー', 'black pepper|pepper'],
  ['cocoa', 'agriculture', 'ca cao', 'カカオ', 'cocoa|cacao'],
  ['cashew', 'agriculture', 'hạt điều', 'カシューナッツ', 'cashew|cashews'],
  [
    'vegetables',
    'agriculture',
    'rau|rau quả|rau màu|rau sạch|rau củ|rau hữu cơ|cà chua|cà chua bi|xà lách|cải bó xôi|bông cải|súp lơ xanh|đậu bắp|đậu que|cải|rau ăn lá',
    '野菜|青果|トマト|ほうれん草|ブロッコリー|小松菜|水菜|ねぎ|オクラ|いんげん|レタス|葉物',
    'vegetables|vegetable|tomatoes|tomato|spinach|broccoli|komatsuna|mizuna|negi|okra|green beans|lettuce|leafy greens',
  ],
  [
    'flowers',
    'agriculture',
    'hoa tươi|hoa cắt cành|rau hoa|trồng hoa',
    '花き|切り花|花卉',
    'cut flowers|flowers',
  ],
  ['rubber', 'agriculture', 'cao su', 'ゴム', 'rubber'],
  ['mushrooms', 'agriculture', 'nấm', 'きのこ|キノコ|しいたけ', 'mushrooms|mushroom'],
  ['dairy', 'agriculture', 'bò sữa|sữa', '酪農|乳牛|牛乳', 'dairy|dairy farming|milk'],
  [
    'livestock',
    'agriculture',
    'chăn nuôi|lợn|bò thịt|gia cầm',
    '畜産|黒豚|和牛|黒牛|養豚|養鶏',
    'livestock|pigs|cattle|beef|poultry',
  ],
  ['sake', 'agriculture', 'rượu sake|nấu rượu', '日本酒|酒造|醸造', 'sake|brewing|brewery'],
  [
    'shrimp',
    'fisheries',
    'tôm|tôm sú|tôm thẻ|tôm thẻ chân trắng|tôm nobashi|tôm tẩm bột|sushi ebi|nuôi tôm',
    'エビ|えび|海老|のしエビ|寿司エビ|天ぷら用エビ|エビ養殖',
    'shrimp|prawns|nobashi|tempura shrimp|sushi ebi|shrimp farming',
  ],
  ['lobster', 'fisheries', 'tôm hùm', 'ロブスター|伊勢海老', 'lobster|lobsters'],
  [
    'pangasius',
    'fisheries',
    'cá tra|cá basa|phi lê cá tra|cá thịt trắng',
    'パンガシウス|白身魚|ナマズ',
    'pangasius|catfish|white fish|whitefish|basa',
  ],
  ['yellowtail', 'fisheries', 'cá cam', 'ブリ|カンパチ|ハマチ', 'yellowtail|amberjack'],
  ['grouper', 'fisheries', 'cá mú', 'ハタ類|クエ', 'grouper'],
  ['oyster', 'fisheries', 'hàu', '牡蠣|カキ養殖', 'oyster|oysters'],
  ['pearl', 'fisheries', 'ngọc trai', '真珠', 'pearl|pearls'],
  ['sea-bream', 'fisheries', 'cá tráp', '真鯛|マダイ', 'sea bream'],
  ['crab', 'fisheries', 'cua|cua biển', 'カニ|蟹', 'crab|crabs'],
  ['seaweed', 'fisheries', 'rong biển', '海藻|海苔', 'seaweed|nori'],
];

export const PRODUCTS: Concept[] = ROWS.map(([id, sector, vi, ja, en]) =>
  concept(sector, id, { vi, ja, en }, 0.9),
);
