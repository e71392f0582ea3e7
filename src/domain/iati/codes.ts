/**
 * The IATI codes the activity export uses, each from the standard's code list named beside it
 * (version 2.03; the lists are vendored unmodified in vendor/iati-2.03/codelists/ and
 * codes.test.ts checks every code here against them).
 */
import type { PartyRole, ProjectLifecycle } from '../progress/records.ts';

export const IATI_VERSION = '2.03';

/** ActivityStatus (embedded, 2.03): our project lifecycle is the standard's, word for word. */
export const ACTIVITY_STATUS: Record<ProjectLifecycle, string> = {
  pipeline: '1',
  implementation: '2',
  finalisation: '3',
  closed: '4',
  cancelled: '5',
  suspended: '6',
};

/**
 * OrganisationRole (embedded, 2.03): 1 Funding, 2 Accountable, 3 Extending, 4 Implementing. The
 * lead party answers for the project (Accountable); a partner carries it out with the lead
 * (Implementing), as an implementing party does. Extending (managing funds on a funder's behalf)
 * is not a role a party of a local cooperation project takes, so no party maps to it.
 */
export const ORGANISATION_ROLE: Record<PartyRole, string> = {
  funding: '1',
  lead: '2',
  partner: '4',
  implementing: '4',
};

/** ActivityDateType (embedded, 2.03). */
export const ACTIVITY_DATE_TYPE = {
  plannedStart: '1',
  actualStart: '2',
  plannedEnd: '3',
  actualEnd: '4',
} as const;

/** OrganisationType (non-embedded): the types a follow-through party can have. */
export const ORGANISATION_TYPES = {
  government: '10',
  localGovernment: '11',
  otherPublicSector: '15',
  internationalNgo: '21',
  nationalNgo: '22',
  publicPrivatePartnership: '30',
  multilateral: '40',
  foundation: '60',
  privateSector: '70',
  academic: '80',
  other: '90',
} as const;
export type OrganisationType = keyof typeof ORGANISATION_TYPES;

/** ResultType (non-embedded): a milestone is an output of the project. */
export const RESULT_TYPE_OUTPUT = '1';

/** IndicatorMeasure (non-embedded): a milestone's progress is a percentage. */
export const INDICATOR_MEASURE_PERCENTAGE = '2';

/** SectorVocabulary (non-embedded): 99 "Reporting Organisation", our own sector taxonomy. */
export const SECTOR_VOCABULARY_REPORTING_ORG = '99';

/** DocumentCategory (embedded, 2.03): A12 "Activity web page", the project's page on Kizuna. */
export const DOCUMENT_CATEGORY_WEB_PAGE = 'A12';

/** Every code above by list, for the test against the vendored lists. */
export const CODES_BY_LIST: Record<string, readonly string[]> = {
  ActivityStatus: Object.values(ACTIVITY_STATUS),
  OrganisationRole: Object.values(ORGANISATION_ROLE),
  ActivityDateType: Object.values(ACTIVITY_DATE_TYPE),
  OrganisationType: Object.values(ORGANISATION_TYPES),
  ResultType: [RESULT_TYPE_OUTPUT],
  IndicatorMeasure: [INDICATOR_MEASURE_PERCENTAGE],
  SectorVocabulary: [SECTOR_VOCABULARY_REPORTING_ORG],
  DocumentCategory: [DOCUMENT_CATEGORY_WEB_PAGE],
};
