import { type Concept, concept } from './concept.ts';

/** Culture, sport, tourism, public administration and friendship. */
export const SOCIETY: Concept[] = [
  concept('culture', 'culture', {
    vi: 'văn hóa|nghệ thuật|lễ hội|di sản|di sản văn hóa|âm nhạc|múa|biểu diễn|ẩm thực|bảo tàng|thủ công mỹ nghệ|nghề truyền thống',
    ja: '文化|芸術|祭り|まつり|祭|踊り|伝統芸能|文化財|世界遺産|音楽|公演|食文化|博物館|美術館|伝統工芸|工芸',
    en: 'culture|cultural|arts|art|festival|festivals|heritage|music|dance|dancers|performance|performing arts|cuisine|museum|crafts|handicrafts|traditional crafts',
  }),
  concept('sport', 'sport', {
    vi: 'thể thao|bóng đá|golf|sân golf|marathon|võ thuật|vận động viên|bơi lội',
    ja: 'スポーツ|サッカー|ゴルフ|ゴルフ場|マラソン|武道|柔道|空手|野球|アスリート|選手',
    en: 'sport|sports|football|soccer|golf|golf course|marathon|martial arts|judo|karate|baseball|athletes',
  }),
  concept('tourism', 'tourism-destination', {
    vi: 'du lịch|khu du lịch|điểm đến|khách du lịch|du khách|khu nghỉ dưỡng|nghỉ dưỡng|resort|bãi biển|vịnh|di sản thiên nhiên|du lịch cộng đồng|du lịch sinh thái|suối nước nóng',
    ja: '観光|観光地|観光客|旅行|旅行者|リゾート|温泉|ビーチ|景勝地|エコツーリズム|インバウンド|宿泊|ホテル|誘客',
    en: 'tourism|tourist|tourists|travel|visitors|destination|resort|resorts|beach|beaches|hot spring|onsen|ecotourism|inbound|hotel|hotels|sightseeing',
  }),
  concept(
    'tourism',
    'tour-operators',
    {
      vi: 'công ty lữ hành|lữ hành|tour du lịch|đường bay thẳng|chuyến bay thuê chuyến|xúc tiến du lịch',
      ja: '旅行会社|ツアー|チャーター便|直行便|観光プロモーション|誘致',
      en: 'tour operators|tour operator|travel agencies|tours|charter|charter flights|direct flights|tourism promotion|packages',
    },
    0.8,
  ),
  concept('governance', 'administration', {
    vi: 'hành chính công|cải cách hành chính|quản lý nhà nước|chính quyền địa phương|công chức|quản trị|chính sách',
    ja: '行政|行政運営|自治体|地方自治|公務員|行政改革|政策|職員研修',
    en: 'public administration|administrative reform|local government|civil servants|governance|policy|public services',
  }),
  concept(
    'friendship',
    'friendship',
    {
      vi: 'hữu nghị|quan hệ hữu nghị|kết nghĩa|thỏa thuận hợp tác|biên bản ghi nhớ',
      ja: '友好|友好交流|覚書|協定',
      en: 'friendship|memorandum|mou|agreement',
    },
    0.3,
  ),
];
