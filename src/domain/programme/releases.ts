/**
 * What changed between two releases of a programme, as a published release lists it ("new,
 * moved, changed room, cancelled", as pretalx's changelog does), and who must be told: the
 * people whose own agenda holds a session that changed.
 */

export interface ReleaseSession {
  id: string;
  start: string;
  end: string;
  roomId: string | null;
  cancelled?: boolean;
  /** Every other field shown to the public (titles, speakers, languages …), compared as values. */
  content: Record<string, unknown>;
}

export type ProgrammeChange =
  | { type: 'new'; sessionId: string }
  | { type: 'cancelled'; sessionId: string }
  | {
      type: 'moved';
      sessionId: string;
      from: { start: string; end: string };
      to: { start: string; end: string };
    }
  | { type: 'room'; sessionId: string; from: string | null; to: string | null }
  | { type: 'changed'; sessionId: string; fields: string[] };

/** JSON with object keys sorted, so that two equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The changes from one release to the next, ordered by session id then kind of change. A
 * session can be both moved and given another room; cancelling makes its other changes moot.
 * @example diffProgramme([], [s]) // [{ type: 'new', sessionId: s.id }]
 */
export function diffProgramme(
  previous: readonly ReleaseSession[],
  next: readonly ReleaseSession[],
): ProgrammeChange[] {
  const before = new Map(previous.filter((s) => !s.cancelled).map((s) => [s.id, s]));
  const after = new Map(next.filter((s) => !s.cancelled).map((s) => [s.id, s]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: ProgrammeChange[] = [];
  for (const id of ids) {
    const a = before.get(id);
    const b = after.get(id);
    if (!a && b) out.push({ type: 'new', sessionId: id });
    else if (a && !b) out.push({ type: 'cancelled', sessionId: id });
    else if (a && b) {
      if (a.start !== b.start || a.end !== b.end) {
        out.push({
          type: 'moved',
          sessionId: id,
          from: { start: a.start, end: a.end },
          to: { start: b.start, end: b.end },
        });
      }
      if (a.roomId !== b.roomId) out.push({ type: 'room', sessionId: id, from: a.roomId, to: b.roomId });
      const fields = [...new Set([...Object.keys(a.content), ...Object.keys(b.content)])]
        .filter((k) => canonical(a.content[k]) !== canonical(b.content[k]))
        .sort();
      if (fields.length) out.push({ type: 'changed', sessionId: id, fields });
    }
  }
  return out;
}

/**
 * The people to tell about a release: everyone whose agenda holds a session that changed, in
 * either release (a speaker removed from a session is told too). `peopleOf` gives a session's
 * people in one release.
 */
export function peopleToTell(
  changes: readonly ProgrammeChange[],
  peopleOf: (sessionId: string, release: 'previous' | 'next') => readonly string[],
): string[] {
  const people = new Set<string>();
  for (const c of changes) {
    for (const p of peopleOf(c.sessionId, 'previous')) people.add(p);
    for (const p of peopleOf(c.sessionId, 'next')) people.add(p);
  }
  return [...people].sort();
}
