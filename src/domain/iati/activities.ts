/**
 * Follow-through projects as IATI activities, version 2.03 (`GET /api/cycles/{id}/iati.xml`).
 * The mapping is described in docs/follow-through.md; the output is checked against the standard's
 * schema (vendor/iati-2.03/) in activities.test.ts.
 */
import type { PartyRole, ProjectLifecycle, Texts } from '../progress/records.ts';
import type { MilestoneStatus, Side } from '../progress/rule.ts';
import { LANGS, type Lang, SECTORS } from '../sectors.ts';
import { el, type Xml, xmlDocument } from '../xml.ts';
import {
  ACTIVITY_DATE_TYPE,
  ACTIVITY_STATUS,
  DOCUMENT_CATEGORY_WEB_PAGE,
  IATI_VERSION,
  INDICATOR_MEASURE_PERCENTAGE,
  ORGANISATION_ROLE,
  ORGANISATION_TYPES,
  type OrganisationType,
  RESULT_TYPE_OUTPUT,
  SECTOR_VOCABULARY_REPORTING_ORG,
} from './codes.ts';

export interface IatiOrganisation {
  /** The organisation identifier (IATI org-id), when it has one. */
  ref: string | null;
  type: OrganisationType | null;
  name: Texts;
}

export interface IatiParty extends IatiOrganisation {
  role: PartyRole;
}

/** One side's latest account of a milestone. */
export interface IatiSideAccount {
  status: MilestoneStatus;
  /** 0–100; may be null when the status is met (counts 100) or cancelled. */
  progress: number | null;
  comment: Texts;
}

export interface IatiMilestone {
  id: string;
  title: Texts;
  due: string;
  status: MilestoneStatus;
  sides: Partial<Record<Side, IatiSideAccount>>;
}

export interface IatiProject {
  id: string;
  title: Texts;
  description: Texts;
  lifecycle: ProjectLifecycle;
  parties: IatiParty[];
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  /** A sector code of Kizuna's taxonomy (the priority field the project serves). */
  sector: string | null;
  /** The project's public page. */
  pageUrl: string | null;
  /** ISO date-time of the project's last change. */
  lastUpdated: string | null;
  milestones: IatiMilestone[];
}

export interface IatiExport {
  /** The publisher: its ref starts every iati-identifier. */
  publisher: IatiOrganisation & { ref: string; type: OrganisationType };
  /** ISO date-time the file is generated at (an argument: no clock in domain/). */
  generatedAt: string;
  /** The language of text without its own xml:lang. Every narrative carries its own anyway. */
  defaultLang: Lang;
  projects: readonly IatiProject[];
}

export class IatiInputError extends Error {
  constructor(readonly problems: { project: string; field: string; reason: string }[]) {
    super(problems.map((p) => `project ${p.project}, ${p.field}: ${p.reason}`).join('\n'));
  }
}

/** The country each side reports from: the value of the `side` dimension of an actual value. */
const SIDE_COUNTRY: Record<Side, string> = { vn: 'VN', jp: 'JP' };

const hasText = (t: Texts) => LANGS.some((l) => t[l] !== undefined && t[l] !== '');

/** A narrative per language that has text, each with its xml:lang. */
const narratives = (t: Texts): Xml[] =>
  LANGS.filter((l) => t[l] !== undefined && t[l] !== '').map((l) =>
    el('narrative', { 'xml:lang': l }, t[l]!),
  );

function org(name: string, o: IatiOrganisation, attrs: Record<string, string | null>): Xml {
  return el(
    name,
    { ref: o.ref, type: o.type && ORGANISATION_TYPES[o.type], ...attrs },
    ...(hasText(o.name) ? narratives(o.name) : []),
  );
}

function checkProject(p: IatiProject): { project: string; field: string; reason: string }[] {
  const problems: { project: string; field: string; reason: string }[] = [];
  const problem = (field: string, reason: string) => problems.push({ project: p.id, field, reason });
  // IATI identifiers are read by systems that split on these characters (IATI identifier guidance).
  if (!/^[^\s/&|?]+$/.test(p.id))
    problem('id', `"${p.id}" has a space, /, &, | or ?, which an iati-identifier cannot`);
  if (!hasText(p.title)) problem('title', 'is empty in every language; IATI requires a title');
  if (!p.parties.length) problem('parties', 'is empty; IATI requires a participating organisation');
  if (!p.plannedStart && !p.actualStart)
    problem('plannedStart', 'and actualStart are empty; IATI requires a start date');
  if (p.sector && !SECTORS.some((s) => s.code === p.sector))
    problem('sector', `"${p.sector}" is not a sector code`);
  p.parties.forEach((party, i) => {
    if (!party.ref && !hasText(party.name)) problem(`parties[${i}]`, 'has neither a ref nor a name');
  });
  return problems;
}

/** A milestone as an output result with one percentage indicator: target 100 by the due date, each side's actual. */
function milestoneResult(project: IatiProject, m: IatiMilestone): Xml {
  // The period runs from the project's start to the due date (a due date before the start: that day alone).
  const [start] = [project.actualStart ?? project.plannedStart!, m.due].sort();
  const actuals = (['vn', 'jp'] as const).flatMap((side) => {
    const a = m.sides[side];
    if (!a || a.status === 'cancelled') return [];
    const value = a.status === 'met' ? 100 : (a.progress ?? 0);
    return [
      el(
        'actual',
        { value: String(value) },
        el('dimension', { name: 'side', value: SIDE_COUNTRY[side] }),
        el('dimension', { name: 'status', value: a.status }),
        hasText(a.comment) && el('comment', {}, ...narratives(a.comment)),
      ),
    ];
  });
  return el(
    'result',
    { type: RESULT_TYPE_OUTPUT },
    el('title', {}, ...narratives(m.title)),
    el(
      'indicator',
      { measure: INDICATOR_MEASURE_PERCENTAGE, ascending: '1' },
      el('title', {}, ...narratives(m.title)),
      el(
        'period',
        {},
        el('period-start', { 'iso-date': start }),
        el('period-end', { 'iso-date': m.due }),
        m.status !== 'cancelled' && el('target', { value: '100' }),
        ...actuals,
      ),
    ),
  );
}

function activity(x: IatiExport, p: IatiProject): Xml {
  const sector = p.sector ? SECTORS.find((s) => s.code === p.sector) : undefined;
  const dates = (
    [
      ['plannedStart', p.plannedStart],
      ['actualStart', p.actualStart],
      ['plannedEnd', p.plannedEnd],
      ['actualEnd', p.actualEnd],
    ] as const
  ).filter(([, d]) => d);
  return el(
    'iati-activity',
    { 'xml:lang': x.defaultLang, 'last-updated-datetime': p.lastUpdated },
    el('iati-identifier', {}, `${x.publisher.ref}-${p.id}`),
    org('reporting-org', x.publisher, {}),
    el('title', {}, ...narratives(p.title)),
    el('description', { type: '1' }, ...narratives(hasText(p.description) ? p.description : p.title)),
    ...p.parties.map((party) => org('participating-org', party, { role: ORGANISATION_ROLE[party.role] })),
    el('activity-status', { code: ACTIVITY_STATUS[p.lifecycle] }),
    ...dates.map(([type, d]) => el('activity-date', { type: ACTIVITY_DATE_TYPE[type], 'iso-date': d })),
    sector &&
      el(
        'sector',
        { vocabulary: SECTOR_VOCABULARY_REPORTING_ORG, code: sector.code },
        ...narratives(sector.label),
      ),
    p.pageUrl &&
      el(
        'document-link',
        { url: p.pageUrl, format: 'text/html' },
        el('title', {}, ...narratives(p.title)),
        el('category', { code: DOCUMENT_CATEGORY_WEB_PAGE }),
      ),
    ...p.milestones.map((m) => milestoneResult(p, m)),
  );
}

/**
 * The projects as one IATI activities file (version 2.03). Refuses, naming each, projects that
 * IATI cannot describe (no title, no party, no start date).
 *
 * @example
 * iatiActivitiesXml({ publisher, generatedAt: '2027-01-05T09:00:00Z', defaultLang: 'en', projects })
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" …'
 */
export function iatiActivitiesXml(x: IatiExport): string {
  const problems = x.projects.flatMap(checkProject);
  if (!x.projects.length)
    problems.push({
      project: '(none)',
      field: 'projects',
      reason: 'is empty; an IATI file holds one activity at least',
    });
  if (!/^[^\s/&|?]+$/.test(x.publisher.ref))
    problems.push({
      project: '(publisher)',
      field: 'ref',
      reason: 'is empty or has a space, /, &, | or ?; it starts every iati-identifier',
    });
  if (!hasText(x.publisher.name))
    problems.push({ project: '(publisher)', field: 'name', reason: 'is empty in every language' });
  if (problems.length) throw new IatiInputError(problems);
  return xmlDocument(
    el(
      'iati-activities',
      { version: IATI_VERSION, 'generated-datetime': x.generatedAt },
      ...x.projects.map((p) => activity(x, p)),
    ),
  );
}
