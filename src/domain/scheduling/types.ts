import { z } from 'zod';

// The contract is ../shared/specs/meeting-scheduling.md; these schemas are its JSON formats.
// Structural checks live here; the cross-reference checks (unknown ids, duplicates, slot
// order) need the whole document and live in validate.ts.

const id = z.string().min(1, 'id must not be empty');
const idList = z.array(id);

export const slotSchema = z.object({
  id,
  start: z.string().optional(),
  end: z.string().optional(),
  day: z.string().optional(),
});

export const participantSchema = z.object({
  id,
  name: z.string().optional(),
  languages: z.array(z.string()).nullish(),
  unavailable: idList.nullish(),
  maxMeetings: z.number().int().min(0, 'maxMeetings must not be negative').nullish(),
});

export const interpreterSchema = z.object({
  id,
  name: z.string().optional(),
  languages: z.array(z.string()).nullish(),
  unavailable: idList.nullish(),
});

export const meetingSchema = z.object({
  id,
  participants: z.tuple([id, id]),
  weight: z.number().min(0, 'weight must not be negative').nullish(),
  required: z.boolean().nullish(),
  allowedSlots: idList.nullish(),
  fixedSlot: id.nullish(),
  after: idList.nullish(),
});

export const problemSchema = z.object({
  format: z.literal('kizuna.schedule-problem/1').optional(),
  slots: z.array(slotSchema).min(1, 'the slot list is empty'),
  tables: z.number().int().min(0, 'tables must not be negative'),
  tablesPerSlot: z.array(z.number().int().min(0)).nullish(),
  fairness: z.number().int().min(0, 'fairness must not be negative').nullish(),
  participants: z.array(participantSchema),
  interpreters: z.array(interpreterSchema).nullish(),
  meetings: z.array(meetingSchema),
});

export type Problem = z.infer<typeof problemSchema>;
export type Meeting = z.infer<typeof meetingSchema>;

export interface Assignment {
  meeting: string;
  slot: string;
  table: number;
  interpreter?: string;
}

export interface Objective {
  weight: number;
  meetings: number;
  breaks: number;
  breakSpread: number;
  tableChanges: number;
}

/** A meeting of a kept (previously published) schedule that moved, and why. */
export interface Move {
  meeting: string;
  from: string;
  to: string | null;
  reason: string;
}

export interface Schedule {
  format: 'kizuna.schedule/1';
  /**
   * `incomplete`: the time ran out before every required meeting was placed (or the fairness
   * rule met) and nothing proves it impossible; the schedule keeps every other rule and
   * `missingRequired` lists the required meetings it lacks.
   */
  status: 'optimal' | 'feasible' | 'incomplete' | 'infeasible';
  reason?: string;
  missingRequired?: string[];
  assignments: Assignment[];
  unscheduled: { meeting: string; reason: string }[];
  objective: Objective;
  bound?: { weight: number };
  moved?: Move[];
  elapsedMs: number;
}

/** What --keep reads from a previous schedule: only its assignments matter. */
export const keptScheduleSchema = z.object({
  format: z.literal('kizuna.schedule/1').optional(),
  assignments: z.array(
    z.object({
      meeting: id,
      slot: id,
      table: z.number().int().optional(),
      interpreter: z.string().nullish(),
    }),
  ),
});

export type KeptSchedule = z.infer<typeof keptScheduleSchema>;

/** An input error: where (a JSON path or a file line) and why. */
export interface InputProblem {
  path: string;
  reason: string;
}
