/**
 * The demo forum's programme, planned without a database: two days, an opening plenary and a
 * closing ceremony in the hall, and four thematic tracks in rooms with interpretation booths.
 * Sessions sit on a grid of hourly slots (50 minutes each, lunch left free), one per room and
 * slot, so no room holds two at once; each slot's speakers are distinct, so no speaker is in
 * two places. A larger programme (the benchmark's 200 sessions) gives each track more rooms.
 */
type Texts = { vi: string; ja: string; en: string };

export interface PlannedRoom {
  slug: string;
  name: Texts;
  capacity: number;
  booths: string[];
  sort: number;
}

export interface PlannedSession {
  slug: string;
  kind: 'plenary' | 'thematic' | 'ceremony';
  title: Texts;
  abstract: Texts;
  themes: string[];
  room: string;
  start: string;
  end: string;
  floorLanguage: 'vi' | 'ja';
  interpretation: string[];
  /** Indexes into the speakers list. */
  speakers: number[];
}

export interface Track {
  name: Texts;
  themes: string[];
  topics: Texts[];
}

/** The four tracks; their themes are codes of the sector taxonomy (domain/sectors.ts). */
export const TRACKS: Track[] = [
  {
    name: {
      vi: 'Nông nghiệp công nghệ cao và thực phẩm',
      ja: 'ハイテク農業と食品',
      en: 'High-tech agriculture and food',
    },
    themes: ['agriculture.high_tech', 'agriculture.food'],
    topics: [
      {
        vi: 'Chuỗi lạnh cho nông sản xuất khẩu',
        ja: '輸出農産物のコールドチェーン',
        en: 'Cold chains for farm exports',
      },
      { vi: 'Nhà kính thông minh', ja: 'スマート温室', en: 'Smart greenhouses' },
      {
        vi: 'Sản phẩm OCOP và thị trường Nhật Bản',
        ja: 'OCOP産品と日本市場',
        en: 'OCOP products and the Japanese market',
      },
      {
        vi: 'An toàn thực phẩm và truy xuất nguồn gốc',
        ja: '食品安全とトレーサビリティ',
        en: 'Food safety and traceability',
      },
      { vi: 'Hợp tác xã và nông dân trẻ', ja: '協同組合と若手農業者', en: 'Cooperatives and young farmers' },
      { vi: 'Chế biến thủy sản', ja: '水産加工', en: 'Seafood processing' },
    ],
  },
  {
    name: { vi: 'Nguồn nhân lực và đào tạo', ja: '人材と研修', en: 'People, skills and training' },
    themes: ['labour.training', 'labour.workers'],
    topics: [
      { vi: 'Đào tạo điều dưỡng', ja: '介護人材の育成', en: 'Training care workers' },
      { vi: 'Kỹ năng nghề cho người lao động', ja: '労働者の職業技能', en: 'Vocational skills for workers' },
      { vi: 'Hỗ trợ người lao động trở về', ja: '帰国人材の活躍支援', en: 'Supporting returning workers' },
      { vi: 'Tiếng Nhật trong doanh nghiệp', ja: '職場の日本語', en: 'Japanese at work' },
      { vi: 'Trao đổi sinh viên', ja: '学生交流', en: 'Student exchanges' },
      { vi: 'Điều kiện sống của thực tập sinh', ja: '実習生の生活環境', en: 'Living conditions of trainees' },
    ],
  },
  {
    name: {
      vi: 'Môi trường, nước và năng lượng',
      ja: '環境・水・エネルギー',
      en: 'Environment, water and energy',
    },
    themes: ['environment.water', 'energy'],
    topics: [
      { vi: 'Xử lý nước thải đô thị', ja: '都市の下水処理', en: 'Urban wastewater treatment' },
      { vi: 'Năng lượng tái tạo ở địa phương', ja: '地域の再生可能エネルギー', en: 'Local renewable energy' },
      { vi: 'Quản lý chất thải rắn', ja: '固形廃棄物の管理', en: 'Solid waste management' },
      { vi: 'Phòng chống thiên tai', ja: '防災', en: 'Disaster prevention' },
      { vi: 'Cấp nước an toàn', ja: '安全な給水', en: 'Safe water supply' },
      { vi: 'Đô thị carbon thấp', ja: '低炭素のまちづくり', en: 'Low-carbon cities' },
    ],
  },
  {
    name: { vi: 'Du lịch và văn hóa', ja: '観光と文化', en: 'Tourism and culture' },
    themes: ['tourism', 'culture'],
    topics: [
      { vi: 'Du lịch cộng đồng', ja: 'コミュニティツーリズム', en: 'Community tourism' },
      { vi: 'Đường bay thẳng và du khách', ja: '直行便と旅行者', en: 'Direct flights and visitors' },
      { vi: 'Lễ hội và giao lưu văn hóa', ja: '祭りと文化交流', en: 'Festivals and cultural exchange' },
      { vi: 'Di sản và bảo tồn', ja: '遺産と保存', en: 'Heritage and conservation' },
      { vi: 'Ẩm thực địa phương', ja: '郷土料理', en: 'Local food' },
      { vi: 'Quảng bá điểm đến', ja: '観光地のプロモーション', en: 'Promoting destinations' },
    ],
  },
];

/** Slots start on the hour, local time; 12:00 is lunch. */
const SLOT_HOURS = [9, 10, 11, 13, 14, 15, 16, 17];
const SESSION_MINUTES = 50;

const atLocal = (day: string, hour: number, minutes: number, offset: string) => {
  const h = String(hour + Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return new Date(`${day}T${h}:${m}:00${offset}`).toISOString();
};

const part = (n: number): Texts => ({ vi: ` (phần ${n})`, ja: `（第${n}部）`, en: ` (part ${n})` });

export interface ProgrammePlan {
  rooms: PlannedRoom[];
  sessions: PlannedSession[];
  speakerCount: number;
}

/**
 * Plans `sessions` sessions (at least 2: the opening and the closing) over `days`, in a zone of
 * fixed `offset` (Vietnam: +07:00, no daylight saving).
 */
export function planProgramme({
  sessions,
  days,
  offset,
}: {
  sessions: number;
  days: [string, string];
  offset: string;
}): ProgrammePlan {
  const trackSessions = Math.max(0, sessions - 2);
  // Every slot but the opening's (day 1, first) and the closing's (day 2, last) holds track sessions.
  const trackSlots = days.length * SLOT_HOURS.length - 2;
  const roomsPerTrack = Math.max(1, Math.ceil(trackSessions / (trackSlots * TRACKS.length)));
  const rooms: PlannedRoom[] = [
    {
      slug: 'hall',
      name: { vi: 'Hội trường chính', ja: 'メインホール', en: 'Main hall' },
      capacity: 800,
      booths: ['vi>ja', 'ja>vi', 'en'],
      sort: 0,
    },
  ];
  TRACKS.forEach((_, t) => {
    for (let r = 0; r < roomsPerTrack; r++) {
      const label = `${String.fromCharCode(65 + t)}${r + 1}`;
      rooms.push({
        slug: `room-${label.toLowerCase()}`,
        name: { vi: `Phòng ${label}`, ja: `${label}会議室`, en: `Room ${label}` },
        capacity: 120,
        booths: ['vi>ja', 'ja>vi'],
        sort: 1 + t * roomsPerTrack + r,
      });
    }
  });
  const trackRooms = rooms.length - 1;
  const speakerCount = Math.max(2 * trackRooms + 4, Math.ceil(sessions * 0.75));
  const out: PlannedSession[] = [];
  const session = (s: Omit<PlannedSession, 'start' | 'end'>, day: string, hour: number) =>
    out.push({
      ...s,
      start: atLocal(day, hour, 0, offset),
      end: atLocal(day, hour, SESSION_MINUTES, offset),
    });

  session(
    {
      slug: 'opening',
      kind: 'plenary',
      title: { vi: 'Phiên toàn thể khai mạc', ja: '開会全体会合', en: 'Opening plenary' },
      abstract: {
        vi: 'Phát biểu khai mạc và báo cáo hợp tác địa phương (dữ liệu mô phỏng).',
        ja: '開会挨拶と地方協力の報告（合成データ）。',
        en: 'Opening addresses and a report on local cooperation (synthetic data).',
      },
      themes: ['economy'],
      room: 'hall',
      floorLanguage: 'vi',
      interpretation: ['vi>ja', 'en'],
      speakers: [0, 1, 2],
    },
    days[0],
    SLOT_HOURS[0],
  );
  let made = 0;
  let slotIndex = 0;
  const used = new Map<string, number>();
  for (const [d, day] of days.entries()) {
    for (const [h, hour] of SLOT_HOURS.entries()) {
      if ((d === 0 && h === 0) || (d === days.length - 1 && h === SLOT_HOURS.length - 1)) continue;
      // Each slot's speakers are taken in turn from the pool, two per room: distinct within the slot.
      const base = slotIndex * 2 * trackRooms;
      slotIndex++;
      for (let r = 0; r < trackRooms && made < trackSessions; r++) {
        const t = Math.floor(r / roomsPerTrack);
        const track = TRACKS[t];
        const topic = track.topics[(slotIndex + r) % track.topics.length];
        const key = topic.en;
        const n = (used.get(key) ?? 0) + 1;
        used.set(key, n);
        const suffix = n > 1 ? part(n) : null;
        const floor: 'vi' | 'ja' = (slotIndex + r) % 2 === 0 ? 'vi' : 'ja';
        const roomSlug = rooms[1 + r].slug;
        const first = (base + 2 * r) % speakerCount;
        session(
          {
            slug: `s-${String(out.length).padStart(3, '0')}`,
            kind: 'thematic',
            title: {
              vi: `${topic.vi}${suffix?.vi ?? ''}`,
              ja: `${topic.ja}${suffix?.ja ?? ''}`,
              en: `${topic.en}${suffix?.en ?? ''}`,
            },
            abstract: {
              vi: `Phiên chuyên đề "${track.name.vi}" (dữ liệu mô phỏng).`,
              ja: `分科会「${track.name.ja}」（合成データ）。`,
              en: `A session of the track "${track.name.en}" (synthetic data).`,
            },
            themes: track.themes,
            room: roomSlug,
            floorLanguage: floor,
            interpretation: [floor === 'vi' ? 'vi>ja' : 'ja>vi'],
            speakers: made % 3 === 0 ? [first] : [first, (first + 1) % speakerCount],
          },
          day,
          hour,
        );
        made++;
      }
    }
  }
  session(
    {
      slug: 'closing',
      kind: 'ceremony',
      title: { vi: 'Lễ bế mạc và ký kết', ja: '閉会式・署名式', en: 'Closing and signing ceremony' },
      abstract: {
        vi: 'Tổng kết diễn đàn và trao văn bản hợp tác (dữ liệu mô phỏng).',
        ja: 'フォーラムの総括と協力文書の交換（合成データ）。',
        en: 'Summing up the forum and exchanging cooperation documents (synthetic data).',
      },
      themes: ['economy'],
      room: 'hall',
      floorLanguage: 'ja',
      interpretation: ['ja>vi', 'en'],
      speakers: [3, 4],
    },
    days[days.length - 1],
    SLOT_HOURS[SLOT_HOURS.length - 1],
  );
  return { rooms, sessions: out, speakerCount };
}
