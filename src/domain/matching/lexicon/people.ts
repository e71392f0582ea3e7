import { type Concept, concept } from './concept.ts';

/** Human resources, workers, health, nursing care, education and people-to-people exchange. */
export const PEOPLE: Concept[] = [
  concept('labour.workers', 'workers', {
    vi: 'người lao động|lao động|nhân lực|nguồn nhân lực|thực tập sinh|thực tập sinh kỹ năng|thực tập kỹ năng|đi thực tập|thợ|kỹ năng đặc định|xuất khẩu lao động|đi làm việc|ứng viên|tuyển dụng|lao động trẻ|công nhân|nguồn lao động|nhân viên|lao động dồi dào|lao động lành nghề|nguồn ứng viên|đi làm việc ở nước ngoài|xuất cảnh',
    ja: '人材|外国人材|労働力|人手不足|担い手|技能実習|技能実習生|特定技能|外国人労働者|働き手|従業員|職員|雇用|求人|採用|働く|人手|職人|作業員|技能者|スタッフ|働ける人|働く人|実習生',
    en: 'workers|worker|labour|labor|labour shortage|labor shortage|staff|technical intern|technical interns|trainees|specified skilled worker|recruitment|recruit|hire|employees|candidates|manpower|workforce|skilled workers|relocate',
  }),
  concept('labour.training', 'vocational-training', {
    vi: 'đào tạo|đào tạo nghề|dạy nghề|học nghề|trường nghề|cao đẳng nghề|bồi dưỡng|kỹ năng nghề|chuyển giao kỹ năng|tập huấn|giáo viên|tài liệu|ôn thi|giáo trình|chương trình đào tạo|tài liệu giảng dạy|dạy online|học online|lớp online|học trực tuyến',
    ja: '人材育成|職業訓練|研修|技能研修|技術指導|指導|講師|教材|育成|訓練|資格|カリキュラム|オンライン授業|研修プログラム|専門用語教材',
    en: 'training|vocational training|vocational school|skills|upskilling|instructors|trainers|teaching materials|coaching|capacity building|certification|operator training|curriculum|textbooks|online classes|online lessons|e-learning',
  }),
  concept(['labour.training', 'education'], 'japanese-language', {
    vi: 'tiếng nhật|dạy tiếng nhật|học tiếng nhật|giáo viên tiếng nhật|n4|n3|n2|jlpt',
    ja: '日本語|日本語教育|日本語教師|日本語学校|日本語能力試験',
    en: 'japanese language|japanese teachers|japanese teacher|learn japanese|jlpt',
  }),
  concept(['labour.training', 'education'], 'vietnamese-language', {
    vi: 'tiếng việt|dạy tiếng việt',
    ja: 'ベトナム語|ベトナム語教育',
    en: 'vietnamese language|vietnamese teachers',
  }),
  concept('healthcare', 'healthcare', {
    vi: 'y tế|bệnh viện|bác sĩ|khám chữa bệnh|chăm sóc sức khỏe|y khoa|dược|thiết bị y tế|phục hồi chức năng',
    ja: '医療|病院|医師|保健|健康|医薬品|医療機器|リハビリ|診療',
    en: 'healthcare|health care|hospital|hospitals|medical|medicine|doctors|physicians|pharmaceutical|medical devices|rehabilitation|public health',
  }),
  concept('healthcare.nursing', 'nursing-care', {
    vi: 'điều dưỡng|chăm sóc người cao tuổi|chăm sóc người già|dưỡng lão|viện dưỡng lão|chăm sóc',
    ja: '介護|介護施設|高齢者施設|老人ホーム|看護|福祉|ケア|介護サービス',
    en: 'nursing|nursing care|elderly care|aged care|care home|care homes|nursing home|welfare|long-term care',
  }),
  concept(['healthcare.nursing', 'labour.workers'], 'care-workers', {
    vi: 'điều dưỡng viên|hộ lý|hộ lý viên|nhân viên chăm sóc|nhân viên điều dưỡng|y tá|ứng viên điều dưỡng|học sinh điều dưỡng|cử nhân điều dưỡng|ứng viên kaigo',
    ja: '介護人材|介護職員|介護士|介護福祉士|看護師|看護人材|ヘルパー|介護職|介護職種|看護師候補者|介護技能実習',
    en: 'caregiver|caregivers|care workers|care worker|care staff|nurses|nurse|nursing staff',
  }),
  concept(
    'healthcare.nursing',
    'ageing',
    {
      vi: 'người cao tuổi|người già|già hóa dân số|già hóa',
      ja: '高齢者|高齢化|シニア|お年寄り',
      en: 'elderly|ageing|aging|older people|seniors|ageing population',
    },
    0.5,
  ),
  concept('education', 'education', {
    vi: 'giáo dục|trường học|trường đại học|đại học|sinh viên|học sinh|du học|du học sinh|học bổng|nghiên cứu sinh|hợp tác học thuật',
    ja: '教育|学校|大学|学生|留学|留学生|奨学金|学術交流|研究者|高専',
    en: 'education|school|schools|university|universities|students|student|study abroad|scholarship|scholarships|academic exchange|researchers',
  }),
  concept('exchange.people', 'youth-exchange', {
    vi: 'giao lưu|giao lưu nhân dân|giao lưu thanh thiếu niên|thanh niên|thanh thiếu niên|tình nguyện viên|homestay|kết nghĩa|giao lưu học sinh',
    ja: '交流|市民交流|青少年交流|青少年|ホームステイ|ボランティア|姉妹都市|友好都市|草の根',
    en: 'exchange|exchanges|people-to-people|youth exchange|youth|homestay|volunteers|volunteer|sister city|grassroots',
  }),
];
