import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withXml, xsdErrors } from '../../../test/support/xml.ts';
import { PARTY_ROLES, PROJECT_LIFECYCLES } from '../progress/records.ts';
import { MILESTONE_STATUSES } from '../progress/rule.ts';
import { SECTOR_CODES } from '../sectors.ts';
import { xmlSafe } from '../xml.ts';
import { type IatiExport, IatiInputError, type IatiProject, iatiActivitiesXml } from './activities.ts';
import { ORGANISATION_TYPES, type OrganisationType } from './codes.ts';

const SCHEMA = 'vendor/iati-2.03/iati-activities-schema.xsd';

const publisher: IatiExport['publisher'] = {
  ref: 'XM-KIZUNA',
  type: 'other',
  name: { en: 'Kizuna', vi: 'Kizuna (Gắn kết)', ja: '絆' },
};

const smartRice: IatiProject = {
  id: 'prj-1',
  title: { vi: 'Canh tác lúa thông minh', ja: 'スマート稲作', en: 'Smart rice farming' },
  description: { en: 'Sensors & drones for <paddy> fields; "pilot" in Đông Anh' },
  lifecycle: 'implementation',
  parties: [
    { role: 'lead', ref: null, type: 'localGovernment', name: { vi: 'Thành phố Hà Nội', en: 'Hanoi' } },
    { role: 'partner', ref: null, type: 'localGovernment', name: { ja: '大阪府', en: 'Osaka Prefecture' } },
    { role: 'funding', ref: 'XM-DAC-701-8', type: 'government', name: {} },
  ],
  plannedStart: '2026-04-01',
  plannedEnd: '2027-09-30',
  actualStart: '2026-05-15',
  actualEnd: null,
  sector: 'agriculture.high_tech',
  pageUrl: 'https://kizuna.example/projects/prj-1?lang=en&tab=reports',
  lastUpdated: '2026-12-28T10:15:00Z',
  milestones: [
    {
      id: 'ms-1',
      title: { en: 'Pilot farm opened', ja: '実証農場の開設' },
      due: '2026-12-31',
      status: 'met',
      sides: {
        vn: { status: 'met', progress: null, comment: { vi: 'Đã khai trương ngày 1/12' } },
        jp: { status: 'partiallyMet', progress: 60, comment: { ja: '設備の一部が未納' } },
      },
    },
    {
      id: 'ms-2',
      title: { en: 'Training of 20 farmers' },
      due: '2027-03-31',
      status: 'cancelled',
      sides: { vn: { status: 'cancelled', progress: null, comment: {} } },
    },
  ],
};

const closedOne: IatiProject = {
  ...smartRice,
  id: 'prj-2',
  lifecycle: 'closed',
  title: { en: 'Cold chain study' },
  description: {},
  parties: [{ role: 'implementing', ref: null, type: null, name: { en: 'Sakai City' } }],
  actualStart: null,
  plannedStart: '2026-01-10',
  actualEnd: '2026-11-30',
  sector: null,
  pageUrl: null,
  lastUpdated: null,
  milestones: [],
};

const exportOf = (projects: IatiProject[]): IatiExport => ({
  publisher,
  generatedAt: '2027-01-05T09:00:00Z',
  defaultLang: 'en',
  projects,
});

describe('IATI activities 2.03', () => {
  const xml = iatiActivitiesXml(exportOf([smartRice, closedOne]));

  it('is valid against the standard’s 2.03 schema', () => {
    expect(xsdErrors(SCHEMA, xml)).toEqual([]);
  });

  it('the schema check is real: a file without reporting-org fails it', () => {
    const broken = xml.replace(/<reporting-org[\s\S]*?<\/reporting-org>/, '');
    expect(xsdErrors(SCHEMA, broken).join('\n')).toMatch(/Expected is \( reporting-org \)/);
  });

  it('maps identifiers, status, roles, dates, sector, page and narratives per language', () => {
    withXml(xml, (doc) => {
      const s = (xpath: string) => String(doc.eval(`string(${xpath})`));
      const all = (xpath: string) => (doc.find(xpath) as { content: string }[]).map((n) => n.content);
      expect(s('/iati-activities/@version')).toBe('2.03');
      expect(all('//iati-identifier')).toEqual(['XM-KIZUNA-prj-1', 'XM-KIZUNA-prj-2']);
      const a1 = '/iati-activities/iati-activity[1]';
      expect(s(`${a1}/@xml:lang`)).toBe('en');
      expect(s(`${a1}/reporting-org/@ref`)).toBe('XM-KIZUNA');
      expect(s(`${a1}/reporting-org/@type`)).toBe('90');
      expect(all(`${a1}/title/narrative/@xml:lang`)).toEqual(['vi', 'ja', 'en']);
      expect(s(`${a1}/title/narrative[@xml:lang="ja"]`)).toBe('スマート稲作');
      expect(s(`${a1}/description/narrative`)).toBe(
        'Sensors & drones for <paddy> fields; "pilot" in Đông Anh',
      );
      expect(all(`${a1}/participating-org/@role`)).toEqual(['2', '4', '1']);
      expect(all(`${a1}/participating-org/@type`)).toEqual(['11', '11', '10']);
      expect(s(`${a1}/participating-org[3]/@ref`)).toBe('XM-DAC-701-8');
      expect(s(`${a1}/activity-status/@code`)).toBe('2');
      expect(all(`${a1}/activity-date/@type`)).toEqual(['1', '2', '3']);
      expect(s(`${a1}/activity-date[@type="2"]/@iso-date`)).toBe('2026-05-15');
      expect(s(`${a1}/sector/@vocabulary`)).toBe('99');
      expect(s(`${a1}/sector/@code`)).toBe('agriculture.high_tech');
      expect(s(`${a1}/document-link/@url`)).toBe('https://kizuna.example/projects/prj-1?lang=en&tab=reports');
      expect(s(`${a1}/document-link/category/@code`)).toBe('A12');
      const a2 = '/iati-activities/iati-activity[2]';
      expect(s(`${a2}/activity-status/@code`)).toBe('4');
      expect(s(`${a2}/description/narrative`)).toBe('Cold chain study'); // the title when there is no description
      expect(all(`${a2}/activity-date/@type`)).toEqual(['1', '3', '4']);
    });
  });

  it('gives each milestone a result: target 100 by its due date, each side’s actual with its status', () => {
    withXml(xml, (doc) => {
      const s = (xpath: string) => String(doc.eval(`string(${xpath})`));
      const r1 = '/iati-activities/iati-activity[1]/result[1]';
      expect(s(`${r1}/@type`)).toBe('1');
      expect(s(`${r1}/indicator/@measure`)).toBe('2');
      expect(s(`${r1}/indicator/period/period-start/@iso-date`)).toBe('2026-05-15');
      expect(s(`${r1}/indicator/period/period-end/@iso-date`)).toBe('2026-12-31');
      expect(s(`${r1}/indicator/period/target/@value`)).toBe('100');
      const actual = (side: string) =>
        `${r1}/indicator/period/actual[dimension[@name="side" and @value="${side}"]]`;
      expect(s(`${actual('VN')}/@value`)).toBe('100');
      expect(s(`${actual('JP')}/@value`)).toBe('60');
      expect(s(`${actual('JP')}/dimension[@name="status"]/@value`)).toBe('partiallyMet');
      expect(s(`${actual('JP')}/comment/narrative[@xml:lang="ja"]`)).toBe('設備の一部が未納');
      const r2 = '/iati-activities/iati-activity[1]/result[2]';
      expect(doc.find(`${r2}/indicator/period/target`)).toHaveLength(0);
      expect(doc.find(`${r2}/indicator/period/actual`)).toHaveLength(0);
    });
  });

  it('refuses, naming each, what IATI cannot describe', () => {
    const bad = { ...closedOne, id: 'prj 9', title: {}, parties: [], plannedStart: null, sector: 'space' };
    try {
      iatiActivitiesXml(exportOf([smartRice, bad]));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(IatiInputError);
      expect((err as IatiInputError).problems.map((p) => `${p.project} ${p.field}`)).toEqual([
        'prj 9 id',
        'prj 9 title',
        'prj 9 parties',
        'prj 9 plannedStart',
        'prj 9 sector',
      ]);
    }
    expect(() => iatiActivitiesXml(exportOf([]))).toThrow(/one activity at least/);
    expect(() =>
      iatiActivitiesXml({ ...exportOf([smartRice]), publisher: { ...publisher, ref: 'XM KIZUNA' } }),
    ).toThrow(/\(publisher\), ref: is empty or has a space/);
  });

  it('is valid and keeps every text for any projects (escaping, control characters, lone surrogates)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
      fc.constantFrom(
        '<script>alert(1)</script>',
        ']]>',
        '&amp;',
        '"\'',
        'a\r\nb',
        '\u0000\u0008\uFFFE',
        '\uD800x',
      ),
    );
    const texts = fc.record({ vi: text, ja: text, en: text }, { requiredKeys: [] });
    const date = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const project = fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
      title: fc.record({ vi: text, ja: text, en: text }, { requiredKeys: ['en'] }),
      description: texts,
      lifecycle: fc.constantFrom(...PROJECT_LIFECYCLES),
      parties: fc.array(
        fc.record({
          role: fc.constantFrom(...PARTY_ROLES),
          ref: fc.option(text, { nil: null }),
          type: fc.option(fc.constantFrom(...(Object.keys(ORGANISATION_TYPES) as OrganisationType[])), {
            nil: null,
          }),
          name: fc.record({ vi: text, ja: text, en: text }, { requiredKeys: ['vi'] }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      plannedStart: date,
      plannedEnd: fc.option(date, { nil: null }),
      actualStart: fc.option(date, { nil: null }),
      actualEnd: fc.option(date, { nil: null }),
      sector: fc.option(fc.constantFrom(...SECTOR_CODES), { nil: null }),
      pageUrl: fc.option(fc.webUrl(), { nil: null }),
      lastUpdated: fc.option(fc.constant('2026-12-28T10:15:00+07:00'), { nil: null }),
      milestones: fc.array(
        fc.record({
          id: fc.string(),
          title: fc.record({ vi: text, ja: text, en: text }, { requiredKeys: ['ja'] }),
          due: date,
          status: fc.constantFrom(...MILESTONE_STATUSES),
          sides: fc.record(
            {
              vn: fc.record({
                status: fc.constantFrom(...MILESTONE_STATUSES),
                progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
                comment: texts,
              }),
              jp: fc.record({
                status: fc.constantFrom(...MILESTONE_STATUSES),
                progress: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
                comment: texts,
              }),
            },
            { requiredKeys: [] },
          ),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(fc.array(project, { minLength: 1, maxLength: 3 }), (projects) => {
        const out = iatiActivitiesXml(exportOf(projects));
        expect(xsdErrors(SCHEMA, out)).toEqual([]);
        withXml(out, (doc) => {
          projects.forEach((p, i) => {
            const title = String(
              doc.eval(`string(/iati-activities/iati-activity[${i + 1}]/title/narrative[@xml:lang="en"])`),
            );
            expect(title).toBe(xmlSafe(p.title.en!));
          });
        });
      }),
      { numRuns: 40 },
    );
  });
});
