import type { z } from 'zod';
import { type InputProblem, type Problem, problemSchema } from './types.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

const jsonPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  ) || '(root)';

export const zodProblems = (error: z.ZodError): InputProblem[] =>
  error.issues.map((issue) => ({ path: jsonPath(issue.path), reason: issue.message }));

/**
 * Parses and validates a problem in the JSON format of the spec.
 * @example parseProblemJson('{"slots":[],...}') // { ok: false, problems: [{ path: 'slots', ... }] }
 */
export function parseProblemJson(text: string): Parsed<Problem> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ path: '(root)', reason: `not valid JSON: ${(err as Error).message}` }] };
  }
  const parsed = problemSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = validateProblem(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

const duplicates = (items: { id: string }[], prefix: string, out: InputProblem[]): Set<string> => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) out.push({ path: `${prefix}[${i}].id`, reason: `duplicate id ${item.id}` });
    seen.add(item.id);
  });
  return seen;
};

const unknownRefs = (
  refs: readonly string[] | null | undefined,
  known: Set<string>,
  path: string,
  kind: string,
  out: InputProblem[],
): void => {
  refs?.forEach((ref, i) => {
    if (!known.has(ref)) out.push({ path: `${path}[${i}]`, reason: `unknown ${kind} id ${ref}` });
  });
};

/** Slots must be given in time order, and a day's slots together, since breaks count along that order. */
const checkSlotOrder = (problem: Problem, out: InputProblem[]): void => {
  const closedDays = new Set<string>();
  problem.slots.forEach((slot, i) => {
    const start = slot.start ? Date.parse(slot.start) : Number.NaN;
    const end = slot.end ? Date.parse(slot.end) : Number.NaN;
    if (slot.start && Number.isNaN(start)) out.push({ path: `slots[${i}].start`, reason: 'not a date-time' });
    if (slot.end && Number.isNaN(end)) out.push({ path: `slots[${i}].end`, reason: 'not a date-time' });
    if (start >= end) out.push({ path: `slots[${i}].end`, reason: 'slot ends before it starts' });
    const prev = problem.slots[i - 1];
    if (!prev) return;
    const prevStart = prev.start ? Date.parse(prev.start) : Number.NaN;
    if (start <= prevStart) {
      out.push({ path: `slots[${i}].start`, reason: `slot ${slot.id} does not start after slot ${prev.id}` });
    }
    if ((prev.day ?? '') !== (slot.day ?? '')) {
      closedDays.add(prev.day ?? '');
      if (closedDays.has(slot.day ?? '')) {
        out.push({
          path: `slots[${i}].day`,
          reason: `day ${slot.day} resumes after another day: slots out of order`,
        });
      }
    }
  });
};

/** The cross-reference rules of the spec; returns every problem found, not only the first. */
export function validateProblem(problem: Problem): InputProblem[] {
  const out: InputProblem[] = [];
  const slots = duplicates(problem.slots, 'slots', out);
  const people = duplicates(problem.participants, 'participants', out);
  duplicates(problem.interpreters ?? [], 'interpreters', out);
  const meetings = duplicates(problem.meetings, 'meetings', out);
  checkSlotOrder(problem, out);
  if (problem.tablesPerSlot && problem.tablesPerSlot.length !== problem.slots.length) {
    out.push({
      path: 'tablesPerSlot',
      reason: `has ${problem.tablesPerSlot.length} entries for ${problem.slots.length} slots`,
    });
  }
  problem.participants.forEach((p, i) => {
    unknownRefs(p.unavailable, slots, `participants[${i}].unavailable`, 'slot', out);
  });
  (problem.interpreters ?? []).forEach((p, i) => {
    unknownRefs(p.unavailable, slots, `interpreters[${i}].unavailable`, 'slot', out);
  });
  problem.meetings.forEach((m, i) => {
    const path = `meetings[${i}]`;
    unknownRefs(m.participants, people, `${path}.participants`, 'participant', out);
    if (m.participants[0] === m.participants[1]) {
      out.push({
        path: `${path}.participants`,
        reason: `a meeting of participant ${m.participants[0]} with itself`,
      });
    }
    unknownRefs(m.allowedSlots, slots, `${path}.allowedSlots`, 'slot', out);
    if (m.fixedSlot && !slots.has(m.fixedSlot)) {
      out.push({ path: `${path}.fixedSlot`, reason: `unknown slot id ${m.fixedSlot}` });
    }
    unknownRefs(m.after, meetings, `${path}.after`, 'meeting', out);
    if (m.after?.includes(m.id))
      out.push({ path: `${path}.after`, reason: `meeting ${m.id} cannot follow itself` });
  });
  return out;
}
