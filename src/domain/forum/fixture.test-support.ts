import type { PublishedProgramme } from './model.ts';

/** A small SYNTHETIC programme for the exporters' tests: two days, two rooms, three languages. */
export function sampleProgramme(): PublishedProgramme {
  return {
    forum: {
      id: 'demo-2026',
      acronym: 'demo-2026',
      title: {
        vi: 'Diễn đàn Hợp tác địa phương Việt Nam – Nhật Bản (mô phỏng)',
        ja: '日越地方協力フォーラム(模擬)',
        en: 'Vietnam–Japan Local Cooperation Forum (synthetic)',
        translation: { ja: 'unofficial', en: 'unofficial' },
      },
      zone: 'Asia/Ho_Chi_Minh',
      firstDay: '2026-11-24',
      lastDay: '2026-11-25',
      languages: ['vi', 'ja', 'en'],
      url: 'https://kizuna.example/forums/demo-2026',
      synthetic: true,
    },
    release: { number: 2, publishedAt: '2026-11-01T03:00:00Z' },
    rooms: [
      {
        id: 'hall-a',
        name: { vi: 'Hội trường Hạ Long', ja: 'ハロン・ホール', en: 'Ha Long Hall' },
        capacity: 600,
        booths: ['vi>ja', 'ja>vi'],
      },
      { id: 'room-2', name: { vi: 'Phòng Bái Tử Long', en: 'Bai Tu Long Room' }, capacity: 120 },
    ],
    speakers: [
      {
        id: 'p1',
        name: { native: 'Nguyễn Thị Hương', latin: 'Nguyen Thi Huong' },
        position: { vi: 'Phó Chủ tịch UBND tỉnh', en: 'Vice-chair, Provincial People’s Committee' },
      },
      { id: 'p2', name: { native: '佐藤健', latin: 'Sato Ken' }, position: { ja: '県知事', en: 'Governor' } },
    ],
    sessions: [
      {
        id: 'opening',
        kind: 'plenary',
        title: {
          vi: 'Phiên toàn thể khai mạc',
          ja: '開会全体会合',
          en: 'Opening plenary',
          translation: { ja: 'unofficial', en: 'unofficial' },
        },
        themes: [],
        roomId: 'hall-a',
        start: '2026-11-24T02:00:00Z',
        end: '2026-11-24T04:00:00Z',
        precision: 'exact',
        floorLanguage: 'vi',
        interpretation: ['vi>ja', 'ja>vi'],
        speakerIds: ['p1', 'p2'],
        sequence: 1,
      },
      {
        id: 'theme-1',
        kind: 'thematic',
        title: { en: 'Trade and investment, high-quality agriculture, human resources' },
        abstract: { vi: 'Kinh nghiệm của các địa phương về nông nghiệp chất lượng cao; chuỗi cung ứng' },
        themes: ['agriculture.high_tech', 'trade'],
        roomId: 'room-2',
        start: '2026-11-24T06:00:00Z',
        end: '2026-11-24T10:00:00Z',
        precision: 'part-of-day',
        partOfDay: 'afternoon',
        floorLanguage: 'ja',
        interpretation: ['en'],
        speakerIds: ['p2'],
        sequence: 2,
      },
      {
        id: 'visit',
        kind: 'visit',
        title: { vi: 'Tham quan khu công nghiệp', ja: '工業団地視察' },
        themes: ['investment'],
        roomId: null,
        start: '2026-11-25T01:30:00Z',
        end: '2026-11-25T04:00:00Z',
        precision: 'exact',
        interpretation: [],
        speakerIds: [],
        cancelled: true,
        sequence: 2,
      },
    ],
  };
}
