/**
 * `kizuna seed --demo-forum`: a complete synthetic forum, so a newcomer sees a full forum in a
 * minute. About 50 delegations from the reference localities and organisations, 300 members
 * with names in both scripts, a two-day programme of four thematic tracks in rooms with
 * interpretation booths, speakers, and release 1 published. Everything is marked synthetic: the
 * forum's `synthetic` flag (the pages, the programme PDF, badges and calendars show it) and
 * "(synthetic)" in its title, description, venue and every session's abstract, in each language.
 *
 * The rows are written in one transaction, in batches, the way the forum's own loader of
 * historical records does (forums/seed.ts): 2,000 members through `addMember` would be 2,000
 * transactions. The forum's own rules still hold the result: the programme is checked with
 * `programmeProblems` before the transaction ends (a broken plan writes nothing), and release 1
 * is published by the forum's `publishRelease`. Deterministic: the same seed, the same forum.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import { forumScope, recordChange } from '../../audit/service.ts';
import { programmeProblems } from '../../forums/editing/rules.ts';
import { publishRelease } from '../../forums/service.ts';
import { referenceLocalities, referenceOrganizations } from '../reference.ts';
import { prng } from '../synthetic.ts';
import {
  fullName,
  japaneseName,
  type PersonName,
  POSITIONS,
  pick,
  type Rand,
  vietnameseName,
} from './names.ts';
import { planProgramme } from './programme.ts';

type Q = Kysely<Database>;
type Texts = { vi?: string; ja?: string; en?: string };

export interface DemoForumOptions {
  /** Sessions of the programme, the opening and closing included (the demo: 48; the benchmark: 200). */
  sessions?: number;
  /** Members of all delegations together (the demo: 300; the benchmark: 2,000). */
  members?: number;
  delegations?: number;
  seed?: number;
  /** The forum's id; by default `kizuna-demo`, or `kizuna-demo-<sessions>-<members>` for other sizes. */
  id?: string;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface DemoForumReport {
  forumId: string;
  /** False when the forum was there already (nothing written, except a missing release 1). */
  created: boolean;
  release: number | null;
  rooms: number;
  speakers: number;
  sessions: number;
  delegations: number;
  members: number;
  booths: number;
  products: number;
}

export const DEMO_DEFAULTS = { sessions: 48, members: 300, delegations: 50, seed: 1 } as const;
export const DEMO_BENCH = { sessions: 200, members: 2000 } as const;
const DAYS: [string, string] = ['2027-06-14', '2027-06-15'];
const ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET = '+07:00';
const HOST = 'VN-DA-NANG';
const BATCH = 200;

const SYN = { vi: ' (dữ liệu mô phỏng)', ja: '（合成データ）', en: ' (synthetic data)' };

export const demoForumId = (o: { sessions: number; members: number }) =>
  o.sessions === DEMO_DEFAULTS.sessions && o.members === DEMO_DEFAULTS.members
    ? 'kizuna-demo'
    : `kizuna-demo-${o.sessions}-${o.members}`;

interface Party {
  type: 'locality' | 'organization';
  id: string;
  country: 'VN' | 'JP';
  name: { vi: string; ja: string; en: string };
}

/** Delegations' parties: the reference organisations, then Vietnamese and Japanese provinces in turn. */
function parties(count: number, rand: Rand): Party[] {
  const shuffle = <T>(xs: T[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };
  const orgs = referenceOrganizations().map(
    (o): Party => ({
      type: 'organization',
      id: o.id,
      country: o.input.localityCode?.startsWith('VN') ? 'VN' : 'JP',
      name: { vi: o.input.name.vi ?? '', ja: o.input.name.ja ?? '', en: o.input.name.en ?? '' },
    }),
  );
  const top = referenceLocalities().filter((l) => l.parentCode === null);
  const asParty = (l: (typeof top)[number]): Party => ({
    type: 'locality',
    id: l.code,
    country: l.country,
    name: { vi: l.name.vi ?? l.code, ja: l.name.ja ?? l.code, en: l.name.en ?? l.code },
  });
  const vn = shuffle(top.filter((l) => l.country === 'VN' && l.code !== HOST).map(asParty));
  const jp = shuffle(top.filter((l) => l.country === 'JP').map(asParty));
  const out: Party[] = [...orgs];
  while (out.length < count && (vn.length || jp.length)) {
    const next = (out.length % 2 === 0 ? vn.shift() : jp.shift()) ?? vn.shift() ?? jp.shift();
    if (next) out.push(next);
  }
  return out.slice(0, count);
}

const nameOf = (country: 'VN' | 'JP', rand: Rand): PersonName =>
  country === 'VN' ? vietnameseName(rand) : japaneseName(rand);

/** Writes rows a batch at a time (bound parameters stay far below both engines' limits). */
async function inBatches<T>(
  rows: T[],
  step: string,
  onProgress: DemoForumOptions['onProgress'],
  write: (batch: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await write(rows.slice(i, i + BATCH));
    onProgress?.(step, Math.min(i + BATCH, rows.length), rows.length);
  }
}

/** Typical products of the demo: kinds a province or prefecture shows, none a real product. */
const DEMO_PRODUCTS: {
  sector: string;
  vn: Record<'vi' | 'ja' | 'en', string>;
  jp: Record<'vi' | 'ja' | 'en', string>;
}[] = [
  {
    sector: 'agriculture.food',
    vn: { vi: 'Mật ong hoa nhãn', ja: '龍眼の花のはちみつ', en: 'Longan-blossom honey' },
    jp: { vi: 'Rượu sake từ gạo địa phương', ja: '地元米の日本酒', en: 'Sake from local rice' },
  },
  {
    sector: 'agriculture',
    vn: { vi: 'Cà phê rang xay', ja: '焙煎コーヒー', en: 'Roasted coffee' },
    jp: { vi: 'Trà xanh', ja: '緑茶', en: 'Green tea' },
  },
  {
    sector: 'fisheries',
    vn: { vi: 'Nước mắm truyền thống', ja: '伝統の魚醤', en: 'Traditional fish sauce' },
    jp: { vi: 'Hải sản khô', ja: '干物', en: 'Dried seafood' },
  },
  {
    sector: 'culture',
    vn: { vi: 'Gốm thủ công', ja: '手作りの陶器', en: 'Handmade pottery' },
    jp: { vi: 'Đồ sơn mài', ja: '漆器', en: 'Lacquerware' },
  },
  {
    sector: 'forestry',
    vn: { vi: 'Đồ gỗ mỹ nghệ', ja: '木工芸品', en: 'Fine woodcraft' },
    jp: { vi: 'Giấy washi', ja: '和紙', en: 'Washi paper' },
  },
  {
    sector: 'tourism',
    vn: { vi: 'Tour sinh thái', ja: 'エコツアー', en: 'Eco-tours' },
    jp: { vi: 'Suối nước nóng', ja: '温泉', en: 'Hot-spring stays' },
  },
];

/**
 * The demo's exhibition: one hall of 10 × 8 cells filled with booths of 2 × 1 (40 places), one booth for each of the first 40 delegations, and one or two typical
 * products each (names in the three languages, the party's own language the original, the others
 * marked unofficial translations; OCOP stars for some Vietnamese ones). No photos: a newcomer can
 * add one. Everything says it is synthetic. Runs inside the seed's transaction.
 */
export async function addDemoExhibition(
  tx: Q,
  ctx: { forumId: string; rand: Rand; delegations: { id: string; party: Party }[]; now: string },
): Promise<{ booths: number; products: number }> {
  const { forumId, rand, delegations, now } = ctx;
  const hallId = `${forumId}-hall-a`;
  await tx
    .insertInto('forum_halls')
    .values({
      id: hallId,
      forum_id: forumId,
      name: JSON.stringify({
        vi: `Sảnh A${SYN.vi}`,
        ja: `Aホール${SYN.ja}`,
        en: `Hall A${SYN.en}`,
        translation: { ja: 'unofficial', en: 'unofficial' },
      }),
      columns: 10,
      rows: 8,
      sort: 0,
      created_at: now,
    })
    .execute();
  const exhibitors = delegations.slice(0, 40);
  const booths = exhibitors.map((d, i) => {
    return {
      id: `${forumId}-booth-${i + 1}`,
      forum_id: forumId,
      hall_id: hallId,
      code: `A${String(i + 1).padStart(2, '0')}`,
      x: (i % 5) * 2,
      y: Math.floor(i / 5), // 8 rows of 5 booths, each 2 cells wide
      w: 2,
      h: 1,
      delegation_id: d.id,
      created_at: now,
      updated_at: now,
    };
  });
  const products = exhibitors.flatMap((d, i) => {
    const count = rand() < 0.5 ? 1 : 2;
    return Array.from({ length: count }, (_, k) => {
      const kind = DEMO_PRODUCTS[(i + k * 3) % DEMO_PRODUCTS.length]!;
      const vn = d.party.country === 'VN';
      const name = vn ? kind.vn : kind.jp;
      const original = vn ? 'vi' : 'ja';
      const others = (['vi', 'ja', 'en'] as const).filter((l) => l !== original);
      const marks = Object.fromEntries(others.map((l) => [l, 'unofficial']));
      return {
        id: `${forumId}-product-${i + 1}-${k + 1}`,
        forum_id: forumId,
        delegation_id: d.id,
        name: JSON.stringify({ ...name, translation: marks }),
        description: JSON.stringify({
          vi: `${name.vi} của ${d.party.name.vi}${SYN.vi}`,
          ja: `${d.party.name.ja}の${name.ja}${SYN.ja}`,
          en: `${name.en} from ${d.party.name.en}${SYN.en}`,
          translation: marks,
        }),
        sector: kind.sector,
        origin_code: d.party.type === 'locality' ? d.party.id : null,
        ocop_stars: vn && kind.sector.startsWith('agriculture') ? 3 + Math.floor(rand() * 3) : null,
        gi: null,
        created_at: now,
        updated_at: now,
      };
    });
  });
  await tx.insertInto('forum_booths').values(booths).execute();
  for (let i = 0; i < products.length; i += 100)
    await tx
      .insertInto('forum_products')
      .values(products.slice(i, i + 100))
      .execute();
  return { booths: booths.length, products: products.length };
}

/** Creates the demo forum, or reports the one already there (publishing release 1 if it is missing). */
export async function seedDemoForum(db: Q, options: DemoForumOptions = {}): Promise<DemoForumReport> {
  const sessions = options.sessions ?? DEMO_DEFAULTS.sessions;
  const members = options.members ?? DEMO_DEFAULTS.members;
  const delegationCount = options.delegations ?? DEMO_DEFAULTS.delegations;
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  if (!Number.isInteger(sessions) || sessions < 2 || sessions > 1000)
    throw new RangeError('sessions: a whole number from 2 to 1000');
  if (!Number.isInteger(members) || members < 0 || members > 20_000)
    throw new RangeError('members: a whole number from 0 to 20000');
  if (!Number.isInteger(delegationCount) || delegationCount < 1 || delegationCount > 80)
    throw new RangeError('delegations: a whole number from 1 to 80');
  const forumId = options.id ?? demoForumId({ sessions, members });
  const progress = options.onProgress;

  const existing = await db
    .selectFrom('forums')
    .select(['id', 'synthetic'])
    .where('id', '=', forumId)
    .executeTakeFirst();
  if (existing && existing.synthetic !== 1)
    throw new Error(`a forum ${forumId} exists and is not synthetic: the demo leaves it alone`);
  if (existing) return reportExisting(db, forumId);

  const rand = prng(seed);
  const plan = planProgramme({ sessions, days: DAYS, offset: OFFSET });
  const partyList = parties(delegationCount, rand);
  const known = new Set(
    (
      await db
        .selectFrom('localities')
        .select('code')
        .where(
          'code',
          'in',
          partyList.filter((p) => p.type === 'locality').map((p) => p.id),
        )
        .execute()
    ).map((r) => r.code),
  );
  const missing = partyList.filter((p) => p.type === 'locality' && !known.has(p.id));
  if (
    missing.length ||
    !(await db.selectFrom('localities').select('code').where('code', '=', HOST).executeTakeFirst())
  )
    throw new Error('the demo forum needs the reference data: run `kizuna seed` first');

  const perDelegation = Math.ceil(members / partyList.length);
  const now = new Date().toISOString();
  const stamp = { created_at: now, updated_at: now };
  const j = JSON.stringify;
  const roomId = (slug: string) => `${forumId}.${slug}`;

  const roomRows = plan.rooms.map((r) => ({
    id: roomId(r.slug),
    forum_id: forumId,
    name: j(r.name),
    capacity: r.capacity,
    booths: j(r.booths),
    sort: r.sort,
    ...stamp,
  }));
  const speakerRows = Array.from({ length: plan.speakerCount }, (_, i) => {
    const party = partyList[i % partyList.length];
    const name = fullName(nameOf(party.country, rand));
    return {
      id: `${forumId}.speaker-${String(i + 1).padStart(4, '0')}`,
      forum_id: forumId,
      name_native: name.native,
      name_latin: name.latin,
      position: j(pick(rand, POSITIONS)),
      party: j(party.name),
      sources: '[]',
      email: null,
      language: party.country === 'VN' ? 'vi' : 'ja',
      ...stamp,
    };
  });
  const sessionRows = plan.sessions.map((s) => ({
    id: `${forumId}.${s.slug}`,
    forum_id: forumId,
    slug: s.slug,
    kind: s.kind,
    title: j(s.title),
    abstract: j(s.abstract),
    themes: j(s.themes),
    room_id: roomId(s.room),
    start_at: s.start,
    end_at: s.end,
    precision: 'exact',
    part_of_day: null,
    floor_language: s.floorLanguage,
    interpretation: j(s.interpretation),
    speaker_ids: j(s.speakers.map((k) => speakerRows[k].id)),
    capacity: null,
    cancelled: 0,
    sources: '[]',
    note: null,
    version: 1,
    ...stamp,
  }));
  const thematic = sessionRows.filter((s) => s.kind === 'thematic').map((s) => s.id);
  const delegations = partyList.map((party, i) => ({
    id: `${forumId}.d-${String(i + 1).padStart(3, '0')}`,
    party,
    // Most delegations are approved; every seventh still waits for the organisers' decision.
    state: i % 7 === 6 ? 'submitted' : 'approved',
  }));
  const delegationRows = delegations.map((d, i) => ({
    id: d.id,
    forum_id: forumId,
    party_type: d.party.type,
    party_id: d.party.id,
    state: d.state,
    language: d.party.country === 'VN' ? 'vi' : 'ja',
    contact_email: `delegation-${i + 1}@${forumId}.example.invalid`,
    head_user_id: null,
    member_limit: null,
    note: j({
      vi: 'Đoàn mô phỏng (dữ liệu tổng hợp)',
      ja: '架空の代表団（合成データ）',
      en: 'A synthetic delegation (made-up data)',
    }),
    waitlisted_at: null,
    ...stamp,
  }));
  const memberRows = Array.from({ length: members }, (_, k) => {
    const d = delegations[k % delegations.length];
    const parts = nameOf(d.party.country, rand);
    const name = fullName(parts);
    const own = d.party.country === 'VN' ? 'vi' : 'ja';
    const agenda = thematic.length ? [pick(rand, thematic), pick(rand, thematic)] : [];
    return {
      id: `${d.id}.m-${String(Math.floor(k / delegations.length) + 1).padStart(3, '0')}`,
      forum_id: forumId,
      delegation_id: d.id,
      name_native: name.native,
      name_latin: name.latin,
      name_parts: j(parts),
      position: j(pick(rand, POSITIONS)),
      party: '{}',
      sources: '[]',
      email: null,
      language: own,
      languages: j(rand() < 0.3 ? [own, 'en'] : [own]),
      dietary: rand() < 0.08 ? 'vegetarian' : null,
      accessibility: null,
      agenda: j([...new Set(agenda)]),
      calendar_token_hash: null,
      listed: rand() < 0.85 ? 1 : 0,
      ...stamp,
    };
  });

  const forumRow = {
    id: forumId,
    acronym: 'KIZUNA-DEMO',
    title: j({
      vi: `Diễn đàn Hợp tác Địa phương Việt Nam – Nhật Bản${SYN.vi}`,
      ja: `日越地方協力フォーラム${SYN.ja}`,
      en: `Vietnam–Japan Local Cooperation Forum${SYN.en}`,
    }),
    theme: j({
      vi: 'Kết nối địa phương vì tăng trưởng xanh và nguồn nhân lực',
      ja: '地方をつなぐ：グリーン成長と人材',
      en: 'Linking localities: green growth and people',
    }),
    description: j({
      vi: 'Diễn đàn mô phỏng để trình diễn Kizuna: mọi đoàn, người và phiên ở đây là dữ liệu tổng hợp, không phải sự kiện hay người thật.',
      ja: 'Kizunaのデモ用に作られた架空のフォーラムです。代表団・人物・セッションはすべて合成データで、実在の催しや人物ではありません。',
      en: 'A made-up forum to demonstrate Kizuna: every delegation, person and session here is synthetic data, not a real event or person.',
    }),
    venue: j({
      vi: `Trung tâm Hội nghị, Đà Nẵng${SYN.vi}`,
      ja: `ダナン国際会議場${SYN.ja}`,
      en: `Convention Centre, Da Nang${SYN.en}`,
    }),
    host_code: HOST,
    zone: ZONE,
    first_day: DAYS[0],
    last_day: DAYS[1],
    languages: j(['vi', 'ja', 'en']),
    capacity: members + 200,
    delegation_size: Math.min(200, Math.max(10, perDelegation + 2)),
    state: 'open',
    synthetic: 1,
    historical: 0,
    organisers: j([
      {
        vi: `Ban tổ chức diễn đàn${SYN.vi}`,
        ja: `フォーラム実行委員会${SYN.ja}`,
        en: `Forum organising committee${SYN.en}`,
      },
    ] satisfies Texts[]),
    facts: '[]',
    sources: '{}',
    version: 1,
    ...stamp,
  };

  let exhibition = { booths: 0, products: 0 };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('forums').values(forumRow).execute();
    progress?.('forum', 1, 1);
    await inBatches(roomRows, 'rooms', progress, (b) => tx.insertInto('forum_rooms').values(b).execute());
    await inBatches(speakerRows, 'speakers', progress, (b) =>
      tx.insertInto('forum_people').values(b).execute(),
    );
    await inBatches(sessionRows, 'sessions', progress, (b) =>
      tx.insertInto('forum_sessions').values(b).execute(),
    );
    await inBatches(delegationRows, 'delegations', progress, (b) =>
      tx.insertInto('forum_delegations').values(b).execute(),
    );
    await inBatches(memberRows, 'members', progress, (b) =>
      tx.insertInto('forum_people').values(b).execute(),
    );
    exhibition = await addDemoExhibition(tx, { forumId, rand, delegations, now });
    // The plan is checked by the forum's own rules: a broken one writes nothing.
    const problems = await programmeProblems(tx, forumId, null);
    if (problems.length)
      throw new Error(`the demo programme breaks its rules: ${problems.map((p) => p.message).join('; ')}`);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: null,
        action: 'create',
        entityType: 'forum',
        entityId: forumId,
        before: null,
        after: {
          synthetic: true,
          seed,
          rooms: plan.rooms.length,
          speakers: speakerRows.length,
          sessions: sessionRows.length,
          delegations: delegationRows.length,
          members: memberRows.length,
        },
      },
    });
  });
  const release = await publishRelease(db, {
    forumId,
    publishedAt: now,
    user: null,
    note: { vi: 'Bản đầu tiên (mô phỏng)', ja: '第1版（合成データ）', en: 'Release 1 (synthetic)' },
  });
  progress?.('release 1', 1, 1);
  return {
    forumId,
    created: true,
    release: release.number,
    rooms: plan.rooms.length,
    speakers: speakerRows.length,
    sessions: sessionRows.length,
    delegations: delegationRows.length,
    members: memberRows.length,
    ...exhibition,
  };
}

async function reportExisting(db: Q, forumId: string): Promise<DemoForumReport> {
  const count = async (table: 'forum_rooms' | 'forum_sessions' | 'forum_delegations') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('forum_id', '=', forumId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const people = await db
    .selectFrom('forum_people')
    .select(['delegation_id'])
    .where('forum_id', '=', forumId)
    .execute();
  const latest = await db
    .selectFrom('forum_releases')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('forum_id', '=', forumId)
    .executeTakeFirst();
  let release = latest?.n === null || latest?.n === undefined ? null : Number(latest.n);
  // A run cut short after its transaction: release 1 is what is missing.
  if (release === null)
    release = (await publishRelease(db, { forumId, publishedAt: new Date().toISOString(), user: null }))
      .number;
  return {
    forumId,
    created: false,
    release,
    rooms: await count('forum_rooms'),
    speakers: people.filter((p) => p.delegation_id === null).length,
    sessions: await count('forum_sessions'),
    delegations: await count('forum_delegations'),
    members: people.filter((p) => p.delegation_id !== null).length,
    booths: 0,
    products: 0,
  };
}
