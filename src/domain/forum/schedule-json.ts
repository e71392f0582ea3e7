/**
 * A forum's published programme in the c3voc conference schedule format (version 2 of its JSON
 * schema), which conference apps read, so that an existing programme app can show a Kizuna
 * forum. Ids are name-based UUIDs of the forum's public address, stable across releases.
 */
import { instantAt } from '../calendar/zones.ts';
import { describeSession, personName } from './describe.ts';
import type { Lang, PublishedProgramme, SessionKind } from './model.ts';
import { textIn } from './texts.ts';
import { NS_URL, uuidV5 } from './uuid.ts';

const EVENT_TYPES: Record<SessionKind, string> = {
  plenary: 'talk',
  thematic: 'discussion',
  exhibition: 'other',
  meetings: 'meeting',
  ceremony: 'other',
  visit: 'other',
  break: 'other',
};

/** The format's slugs and acronyms allow lower-case letters, digits, `_` and `-`. */
function slugify(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'x';
}

/** ISO 8601 with the zone's offset (`2025-11-25T09:00:00+07:00`), as the format's examples write it. */
function zoned(instant: Date, zone: string): string {
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
    .format(instant)
    .replace(' ', 'T');
  const asUtc = Date.parse(`${local}Z`);
  const offset = Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function daysOf(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; ) {
    out.push(d.toISOString().slice(0, 10));
    d = new Date(d.getTime() + 86_400_000);
  }
  return out;
}

export function scheduleJson(p: PublishedProgramme, lang: Lang, baseUrl: string): Record<string, unknown> {
  const { forum } = p;
  const forumUrl = forum.url ?? `${baseUrl}/forums/${forum.id}`;
  const guid = (kind: string, id: string) => uuidV5(`${forumUrl}/${kind}/${id}`, NS_URL);
  const dayBounds = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    const start = instantAt({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, forum.zone);
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    const end = instantAt(
      {
        year: next.getUTCFullYear(),
        month: next.getUTCMonth() + 1,
        day: next.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      },
      forum.zone,
    );
    return { start, end: new Date(end.getTime() - 1000) };
  };
  const days = daysOf(forum.firstDay, forum.lastDay).map((date, index) => {
    const b = dayBounds(date);
    return { index: index + 1, date, start: zoned(b.start, forum.zone), end: zoned(b.end, forum.zone) };
  });
  const rooms = p.rooms.map((r) => ({
    name: textIn(r.name, lang) || r.id,
    slug: slugify(r.id),
    guid: guid('room', r.id),
    capacity: r.capacity ?? null,
  }));
  const roomById = new Map(p.rooms.map((r, i) => [r.id, rooms[i]]));
  const speakers = new Map(p.speakers.map((s) => [s.id, s]));
  const events = p.sessions
    .filter((s) => !s.cancelled)
    .map((s) => {
      const d = describeSession(p, s, lang);
      const room = (s.roomId && roomById.get(s.roomId)) || {
        name: '—',
        guid: guid('room', 'none'),
        slug: 'none',
      };
      return {
        guid: guid('session', s.id),
        start: zoned(new Date(s.start), forum.zone),
        end: zoned(new Date(s.end), forum.zone),
        room: { name: room.name, guid: room.guid, slug: room.slug },
        slug: `${slugify(forum.acronym)}-${slugify(s.id)}`,
        url: `${forumUrl}#session-${s.id}`,
        title: d.title,
        subtitle: null,
        track: s.themes[0] ?? null,
        type: EVENT_TYPES[s.kind],
        // The format needs a language: a session whose floor language is not recorded is given
        // the forum's first language (the host's), which is what its programme is printed in.
        language: s.floorLanguage ?? forum.languages[0] ?? lang,
        abstract: textIn(s.abstract, lang) || null,
        description: d.lines.join('\n') || null,
        participants: s.speakerIds.flatMap((id) => {
          const sp = speakers.get(id);
          return sp ? [{ name: personName(sp.name), role: 'speaker', guid: guid('person', id) }] : [];
        }),
        links: [],
      };
    });
  const tracks = [...new Set(p.sessions.flatMap((s) => s.themes.slice(0, 1)))].map((t) => ({
    name: t,
    slug: slugify(t),
  }));
  return {
    $schema: 'https://c3voc.de/schedule/schema2.json',
    generator: { name: 'Kizuna', version: '1' },
    schedule: {
      version: `${p.release.number}`,
      conference: {
        acronym: slugify(forum.acronym).replace(/-/g, '_'),
        title: textIn(forum.title, lang),
        ...(forum.description ? { description: textIn(forum.description, lang) } : {}),
        start: days[0]?.start,
        end: days[days.length - 1]?.end,
        time_zone_name: forum.zone,
        url: forumUrl,
        languages: [...forum.languages],
        tracks,
        rooms,
        days,
      },
      events,
    },
  };
}
