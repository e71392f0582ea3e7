/**
 * The scheduler's problem (../shared/specs/meeting-scheduling.md, `kizuna.schedule-problem/1`)
 * built from a forum's records: the organiser's meeting blocks become slots, registered
 * delegations with an accepted request become participants, the interpreters' pool the
 * interpreters, accepted requests the meetings. Pure: the caller reads the records.
 *
 * Availability is derived, never typed twice: a delegation is unavailable in a slot that starts
 * before it arrives or ends after it leaves (its presence), or that overlaps a session one of its
 * members speaks in (the programme). Everything is sorted by id so that the same records give
 * the same file byte for byte, on SQLite and PostgreSQL alike.
 */
import { localClock, localDate } from '../calendar/zones.ts';
import type { Problem } from '../scheduling/types.ts';

export interface BlockIn {
  id: string;
  /** The first slot's start, an ISO instant. */
  startAt: string;
  slotMinutes: number;
  slots: number;
  tables: number;
}

export interface Span {
  from: string;
  to: string;
}

/**
 * Records are ordered by `sortKey` when given (the party's code for a delegation, the two
 * parties for a meeting, the name for an interpreter), else by id: the same forum entered in two
 * databases, whose generated ids differ, then gives the scheduler the same problem up to names.
 */
interface Sorted {
  sortKey?: string;
}

export interface DelegationIn extends Sorted {
  id: string;
  name?: string;
  /** ISO 639-1 codes its members speak; empty means "speaks every language" (no interpreter). */
  languages: string[];
  arrivesAt?: string | null;
  leavesAt?: string | null;
  /** Sessions one of its members speaks in. */
  speaking: Span[];
}

export interface InterpreterIn extends Sorted {
  id: string;
  name?: string;
  languages: string[];
  unavailable: Span[];
}

export type Priority = 'must' | 'would_like';

export interface MeetingIn extends Sorted {
  id: string;
  from: string;
  to: string;
  priority: Priority;
  required: boolean;
  fixedSlot: string | null;
}

export interface ProblemInput {
  zone: string;
  blocks: BlockIn[];
  delegations: DelegationIn[];
  interpreters: InterpreterIn[];
  meetings: MeetingIn[];
  maxMeetings: number | null;
  /** Meetings locked by hand, with their slot: they stay there in a new run. */
  locked: Record<string, string>;
}

/** A `must` meeting counts three `would like` ones. */
export const PRIORITY_WEIGHT: Record<Priority, number> = { must: 3, would_like: 1 };

export interface SlotOut {
  id: string;
  start: string;
  end: string;
  day: string;
  tables: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = <T extends { id: string; sortKey?: string }>(a: T, b: T) =>
  cmp(a.sortKey ?? a.id, b.sortKey ?? b.id) || cmp(a.id, b.id);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * The slots of the blocks in time order; a slot's id is its start in the forum's zone
 * (`2027-05-10T09:00`), readable and stable while the blocks stay. Slots are consecutive within
 * a day in the order given; a lunch gap is not a slot, so 11:40 and 13:00 are neighbours.
 * @example slotsOf([{ id: 'b', startAt: '2027-05-10T02:00:00Z', slotMinutes: 20, slots: 2, tables: 5 }], 'Asia/Ho_Chi_Minh')[1].id // '2027-05-10T09:20'
 */
export function slotsOf(blocks: readonly BlockIn[], zone: string): SlotOut[] {
  const out: SlotOut[] = [];
  for (const b of blocks) {
    const start = Date.parse(b.startAt);
    for (let i = 0; i < b.slots; i++) {
      const s = new Date(start + i * b.slotMinutes * 60_000);
      const e = start + (i + 1) * b.slotMinutes * 60_000;
      out.push({
        id: `${localDate(s, zone)}T${localClock(s, zone)}`,
        start: iso(s.getTime()),
        end: iso(e),
        day: localDate(s, zone),
        tables: b.tables,
      });
    }
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Two blocks whose slots overlap in time, named; none when they are apart. */
export function overlappingBlocks(blocks: readonly BlockIn[]): [string, string][] {
  const spans = blocks
    .map((b) => ({
      id: b.id,
      from: Date.parse(b.startAt),
      to: Date.parse(b.startAt) + b.slots * b.slotMinutes * 60_000,
    }))
    .sort((a, b) => a.from - b.from || (a.id < b.id ? -1 : 1));
  const out: [string, string][] = [];
  for (let i = 1; i < spans.length; i++)
    for (let j = 0; j < i; j++) if (spans[j]!.to > spans[i]!.from) out.push([spans[j]!.id, spans[i]!.id]);
  return out;
}

const overlaps = (slot: SlotOut, span: Span) => slot.start < span.to && span.from < slot.end;

/** The slots a delegation cannot meet in: before arrival, after departure, while one of its members speaks. */
export function unavailableSlots(d: DelegationIn, slots: readonly SlotOut[]): string[] {
  return slots
    .filter(
      (s) =>
        (d.arrivesAt != null && Date.parse(s.start) < Date.parse(d.arrivesAt)) ||
        (d.leavesAt != null && Date.parse(s.end) > Date.parse(d.leavesAt)) ||
        d.speaking.some((sp) => overlaps(s, sp)),
    )
    .map((s) => s.id);
}

/**
 * The scheduler's problem, exactly in its documented format.
 * @example buildProblem(input).format // 'kizuna.schedule-problem/1'
 */
export function buildProblem(input: ProblemInput): Problem {
  const slots = slotsOf(input.blocks, input.zone);
  const slotIds = new Set(slots.map((s) => s.id));
  const meetings = [...input.meetings].sort(byId);
  const involved = new Set(meetings.flatMap((m) => [m.from, m.to]));
  const delegations = input.delegations.filter((d) => involved.has(d.id)).sort(byId);
  const tables = Math.max(0, ...slots.map((s) => s.tables));
  const uniform = slots.every((s) => s.tables === tables);
  return {
    format: 'kizuna.schedule-problem/1',
    slots: slots.map(({ id, start, end, day }) => ({ id, start, end, day })),
    tables,
    tablesPerSlot: uniform ? null : slots.map((s) => s.tables),
    fairness: null,
    participants: delegations.map((d) => ({
      id: d.id,
      ...(d.name ? { name: d.name } : {}),
      languages: [...new Set(d.languages)].sort(),
      unavailable: unavailableSlots(d, slots),
      maxMeetings: input.maxMeetings,
    })),
    interpreters: [...input.interpreters].sort(byId).map((i) => ({
      id: i.id,
      ...(i.name ? { name: i.name } : {}),
      languages: [...new Set(i.languages)].sort(),
      unavailable: slots.filter((s) => i.unavailable.some((sp) => overlaps(s, sp))).map((s) => s.id),
    })),
    meetings: meetings.map((m) => {
      // A lock wins over the organiser's fixed time: it is the later decision.
      const fixed = input.locked[m.id] ?? m.fixedSlot;
      return {
        id: m.id,
        participants: [m.from, m.to] as [string, string],
        weight: PRIORITY_WEIGHT[m.priority],
        required: m.required,
        allowedSlots: null,
        fixedSlot: fixed && slotIds.has(fixed) ? fixed : null,
        after: [],
      };
    }),
  };
}
