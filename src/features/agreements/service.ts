/**
 * The agreements feature's use cases, one module per kind: what is read (queries.ts, with the
 * answers' shape in present.ts), what a writer names (references.ts), a single change
 * (write.ts), and loads of many rows (bulk.ts). Other features and the CLI import them from here.
 */

export {
  applyStatedTerms,
  importAgreementRows,
  insertSyntheticAgreements,
  type StatedTerms,
} from './bulk.ts';
export {
  agreementCeremonyState,
  type CeremonyState,
  setAgreementCeremonyState,
  signedState,
} from './ceremony.ts';
export { present, toAgreementSummary } from './present.ts';
export {
  agreementExists,
  agreementStats,
  getAgreement,
  getAgreementDetail,
  listAgreements,
  partnersOf,
} from './queries.ts';
export { resolveParties } from './references.ts';
export {
  type CreateOptions,
  createAgreement,
  deleteAgreement,
  insertAgreement,
  updateAgreement,
} from './write.ts';
