/**
 * What the server says the caller may do with a record (`actions` on detail answers and list
 * items for a signed-in caller); a visitor's answers carry none, and a missing list means nothing.
 */
export interface WithActions {
  actions?: string[];
}

/** Whether `record.actions` lists `action` (any record: the field is read, not required by type). */
export function can(record: object | null | undefined, action: string): boolean {
  const actions = (record as WithActions | null | undefined)?.actions;
  return Array.isArray(actions) && actions.includes(action);
}
