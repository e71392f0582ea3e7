import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { ENGINES } from '../../../../test/support/db.ts';
import { adminHeaders } from '../../../../test/support/factories.ts';
import { type PlacedBooth, placementProblems } from '../../../domain/forum/floor.ts';
import { planProgramme } from './programme.ts';
import { seedDemoForum } from './seed.ts';

type Json = Record<string, unknown>;

describe.each(ENGINES)('the demo forum on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  it('makes a complete synthetic forum, marked so wherever it shows, and adds nothing when run again', async () => {
    const steps = new Set<string>();
    const r = await seedDemoForum(t.db.db, { onProgress: (step) => steps.add(step) });
    expect(r).toMatchObject({
      forumId: 'kizuna-demo',
      created: true,
      release: 1,
      delegations: 50,
      members: 300,
      sessions: 48,
      rooms: 5,
    });
    expect([...steps]).toEqual([
      'forum',
      'rooms',
      'speakers',
      'sessions',
      'delegations',
      'members',
      'release 1',
    ]);

    const forum = (await (await t.req('/api/forums/kizuna-demo')).json()) as Json;
    expect(forum).toMatchObject({ synthetic: true, historical: false, state: 'open', release: 1 });
    for (const lang of ['vi', 'ja', 'en'] as const) {
      expect((forum.title as Json)[lang]).toMatch(/mô phỏng|合成データ|synthetic/);
      expect((forum.description as Json)[lang]).toBeTruthy();
    }
    const programme = (await (await t.req('/api/forums/kizuna-demo/programme')).json()) as {
      rooms: { booths: string[] }[];
      speakers: Json[];
      sessions: { kind: string; themes: string[]; start: string; abstract: Json }[];
    };
    expect(programme.sessions).toHaveLength(48);
    // The programme names its speakers only, never the delegations' members (some did not consent).
    expect(programme.speakers).toHaveLength(r.speakers);
    expect(
      programme.rooms.every((room) => room.booths.includes('vi>ja') && room.booths.includes('ja>vi')),
    ).toBe(true);
    // Four thematic tracks over two days, between an opening plenary and a closing ceremony.
    const tracks = new Set(programme.sessions.filter((s) => s.kind === 'thematic').map((s) => s.themes[0]));
    expect(tracks.size).toBe(4);
    expect(new Set(programme.sessions.map((s) => s.start.slice(0, 10)))).toEqual(
      new Set(['2027-06-14', '2027-06-15']),
    );
    expect(programme.sessions.every((s) => String(s.abstract.en).includes('synthetic'))).toBe(true);
    const ics = await (await t.req('/api/forums/kizuna-demo/programme.ics?lang=ja')).text();
    expect(ics).toContain('合成データ');

    // The exhibition: 40 booths on one hall's grid that break none of the floor's rules, one for
    // each of 40 delegations, and their typical products, marked synthetic in every language.
    expect(r).toMatchObject({ booths: 40 });
    const floor = (await (await t.req('/api/forums/kizuna-demo/exhibition')).json()) as {
      halls: { id: string; columns: number; rows: number; name: Json }[];
      booths: (PlacedBooth & { delegationId: string | null })[];
      exhibitors: { booths: string[]; products: { name: Json; description: Json }[] }[];
    };
    expect(floor.halls).toHaveLength(1);
    expect(floor.booths).toHaveLength(40);
    const hall = floor.halls[0]!;
    for (const b of floor.booths)
      expect(
        placementProblems(
          b,
          hall,
          floor.booths.filter((o) => o.id !== b.id),
        ),
      ).toEqual([]);
    expect(new Set(floor.booths.map((b) => b.delegationId)).size).toBe(40);
    const products = floor.exhibitors.flatMap((e) => e.products);
    expect(products).toHaveLength(r.products);
    expect(products.length).toBeGreaterThanOrEqual(40);
    for (const p of products)
      for (const lang of ['vi', 'ja', 'en'] as const) {
        expect(p.name[lang]).toBeTruthy();
        expect(String(p.description[lang])).toMatch(/mô phỏng|合成データ|synthetic/);
      }

    // The programme keeps the forum's own rules (no room or speaker in two places).
    const admin = await adminHeaders(t);
    const draft = (await (await t.req('/api/forums/kizuna-demo/draft', { headers: admin })).json()) as Json;
    expect(draft.conflicts).toEqual([]);

    // Members: names in their own script and in Latin letters; those who consented are listed.
    const delegations = (await (
      await t.req('/api/forums/kizuna-demo/delegations', { headers: admin })
    ).json()) as {
      items: { party: { id: string }; note: Json; members: { name: { native: string; latin: string } }[] }[];
    };
    expect(delegations.items).toHaveLength(50);
    const members = delegations.items.flatMap((d) => d.members);
    expect(members).toHaveLength(300);
    expect(members.some((m) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(m.name.native))).toBe(true);
    expect(
      members.some((m) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(m.name.native)),
    ).toBe(true);
    expect(members.every((m) => /^[A-Za-z' -]+$/.test(m.name.latin))).toBe(true);
    expect(new Set(delegations.items.map((d) => d.party.id.slice(0, 3)))).toEqual(
      new Set(['VN-', 'JP-', 'org']),
    );
    expect(delegations.items.every((d) => String(d.note.en).includes('synthetic'))).toBe(true);
    // The public list: approved delegations (every seventh waits for a decision), members who consented.
    const participants = (await (await t.req('/api/forums/kizuna-demo/participants')).json()) as {
      items: { members: unknown[] }[];
    };
    expect(participants.items.length).toBe(50 - Math.floor(50 / 7));
    const listed = participants.items.flatMap((d) => d.members).length;
    expect(listed > 150 && listed < 300).toBe(true);

    const again = await seedDemoForum(t.db.db);
    expect(again).toMatchObject({ created: false, release: 1, members: 300, sessions: 48, delegations: 50 });
  });

  it('gives the same forum for the same seed', async () => {
    const names = async (id: string) => {
      await seedDemoForum(t.db.db, { id, members: 40, sessions: 12, delegations: 8, seed: 7 });
      return (
        await t.db.db
          .selectFrom('forum_people')
          .select(['id', 'name_native', 'name_latin'])
          .where('forum_id', '=', id)
          .orderBy('id')
          .execute()
      ).map((p) => [p.id.slice(id.length), p.name_native, p.name_latin]);
    };
    const a = await names('demo-same-a');
    expect(a.length).toBeGreaterThan(40);
    expect(await names('demo-same-b')).toEqual(a);
  });
});

describe('the demo programme plan', () => {
  it('reaches the benchmark size with no room or speaker in two places at once', () => {
    const plan = planProgramme({ sessions: 200, days: ['2027-06-14', '2027-06-15'], offset: '+07:00' });
    expect(plan.sessions).toHaveLength(200);
    const byStart = new Map<string, typeof plan.sessions>();
    for (const s of plan.sessions) byStart.set(s.start, [...(byStart.get(s.start) ?? []), s]);
    for (const group of byStart.values()) {
      const rooms = group.map((s) => s.room);
      const speakers = group.flatMap((s) => s.speakers);
      expect(new Set(rooms).size).toBe(rooms.length);
      expect(new Set(speakers).size).toBe(speakers.length);
    }
  });
});
