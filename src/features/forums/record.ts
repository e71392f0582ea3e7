/**
 * The sourced record of a past forum (`kizuna.forum-record/1`, as in
 * ../shared/data/forums/vjlcf-2025.json): read, checked, and turned into the same read model
 * the public files are made from. Every fact keeps the ids of its sources; translations stay
 * marked; a session known only to the day or the part of a day keeps that precision (its
 * instants are the span it is known to lie in, never an invented hour).
 */
import { z } from 'zod';
import { instantAt, isKnownZone } from '../../domain/calendar/zones.ts';
import type { PublishedProgramme, SessionInfo, SpeakerInfo, Texts } from '../../domain/forum/model.ts';

const Status = z.enum(['official', 'unofficial']);
const RecordTexts = z
  .object({
    vi: z.string().min(1).optional(),
    ja: z.string().min(1).optional(),
    en: z.string().min(1).optional(),
    translation: z
      .object({ vi: Status.optional(), ja: Status.optional(), en: Status.optional() })
      .strict()
      .optional(),
    sources: z.array(z.string()).optional(),
  })
  .strict()
  .refine((t) => Boolean(t.vi || t.ja || t.en), { message: 'give the text in at least one of vi, ja, en' });

const SourceIds = z.array(z.string().min(1)).min(1, 'a fact needs at least one source');

const Speaker = z
  .object({
    name: z
      .object({ vi: z.string().optional(), ja: z.string().optional(), latin: z.string().optional() })
      .strict()
      .refine((n) => Boolean(n.vi || n.ja || n.latin), { message: 'a speaker needs a name' }),
    position: RecordTexts.optional(),
    sources: SourceIds,
  })
  .strict();

const Kind = z.enum(['plenary', 'thematic', 'exhibition', 'meetings', 'ceremony', 'visit', 'break']);
const Part = z.enum(['morning', 'afternoon', 'evening']);

const Item = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
    kind: Kind,
    precision: z.enum(['exact', 'part-of-day', 'day']),
    part: Part.optional(),
    start: z.string().optional(),
    end: z.string().optional(),
    date: z.iso.date().optional(),
    sectors: z.array(z.string()).optional(),
    title: RecordTexts,
    summary: RecordTexts.optional(),
    speakers: z.array(Speaker).optional(),
    parties: z.array(z.string()).optional(),
    note: z.string().optional(),
    sources: SourceIds,
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.precision === 'part-of-day' && !item.part) {
      ctx.addIssue({
        code: 'custom',
        path: ['part'],
        message: 'a part-of-day time needs its part (morning, afternoon, evening)',
      });
    }
    if (item.precision === 'exact' && !(item.start && item.end)) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: 'an exact time needs start and end' });
    }
  });

export const ForumRecord = z
  .object({
    format: z.literal('kizuna.forum-record/1'),
    note: z.string(),
    sources: z.record(
      z.string(),
      z.object({ url: z.url({ protocol: /^https?$/ }), publisher: z.string(), date: z.iso.date() }).strict(),
    ),
    forum: z
      .object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        edition: z.number().int().positive(),
        title: RecordTexts,
        theme: RecordTexts.optional(),
        date: z.iso.date(),
        timeZone: z.string().refine(isKnownZone, 'not an IANA time zone'),
        host: z.string(),
        organisers: z.array(RecordTexts),
        organisersSources: SourceIds,
        scale: z.record(z.string(), z.unknown()).optional(),
        background: z.array(z.object({ fact: z.string(), sources: SourceIds }).strict()).optional(),
      })
      .strict(),
    programme: z.array(Item),
  })
  .strict()
  .superRefine((r, ctx) => {
    const known = new Set(Object.keys(r.sources));
    const check = (ids: readonly string[] | undefined, path: (string | number)[]) => {
      for (const [i, id] of (ids ?? []).entries()) {
        if (!known.has(id))
          ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown source "${id}"` });
      }
    };
    check(r.forum.organisersSources, ['forum', 'organisersSources']);
    check(r.forum.theme?.sources, ['forum', 'theme', 'sources']);
    for (const [i, b] of (r.forum.background ?? []).entries())
      check(b.sources, ['forum', 'background', i, 'sources']);
    const ids = new Set<string>();
    for (const [i, item] of r.programme.entries()) {
      if (ids.has(item.id))
        ctx.addIssue({ code: 'custom', path: ['programme', i, 'id'], message: `duplicate id "${item.id}"` });
      ids.add(item.id);
      check(item.sources, ['programme', i, 'sources']);
      for (const [j, s] of (item.speakers ?? []).entries())
        check(s.sources, ['programme', i, 'speakers', j, 'sources']);
    }
  });
export type ForumRecord = z.infer<typeof ForumRecord>;

/** The hours a part of the day is known to lie in (a span, never shown as hours). */
const PART_HOURS = { morning: [8, 12], afternoon: [13, 18], evening: [18, 22] } as const;

function texts(t: z.infer<typeof RecordTexts> | undefined): Texts | undefined {
  if (!t) return undefined;
  const { sources: _sources, ...rest } = t;
  return rest;
}

function span(item: z.infer<typeof Item>, day: string, zone: string): { start: string; end: string } {
  if (item.precision === 'exact')
    return { start: new Date(item.start!).toISOString(), end: new Date(item.end!).toISOString() };
  const [y, m, d] = (item.date ?? day).split('-').map(Number);
  const [from, to] = item.precision === 'part-of-day' ? PART_HOURS[item.part!] : [0, 24];
  const at = (h: number) =>
    h === 24
      ? new Date(
          instantAt({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, zone).getTime() +
            86_400_000,
        )
      : instantAt({ year: y, month: m, day: d, hour: h, minute: 0, second: 0 }, zone);
  return { start: at(from).toISOString(), end: at(to).toISOString() };
}

export interface RecordProgramme {
  programme: PublishedProgramme;
  /** Source ids per fact: `forum`, `session:<id>`, `speaker:<id>`. */
  sourcesOf: Record<string, string[]>;
  sources: ForumRecord['sources'];
}

/** The record as the read model of its (one, historical) programme release. */
export function recordProgramme(r: ForumRecord): RecordProgramme {
  const zone = r.forum.timeZone;
  const speakers: SpeakerInfo[] = [];
  const sourcesOf: Record<string, string[]> = {
    forum: [...new Set([...r.forum.organisersSources, ...(r.forum.theme?.sources ?? [])])],
  };
  const sessions: SessionInfo[] = r.programme.map((item) => {
    const ids = (item.speakers ?? []).map((s, j) => {
      const id = `${item.id}-${j + 1}`;
      speakers.push({
        id,
        name: { native: s.name.vi ?? s.name.ja, latin: s.name.latin },
        position: texts(s.position),
      });
      sourcesOf[`speaker:${id}`] = s.sources;
      return id;
    });
    sourcesOf[`session:${item.id}`] = item.sources;
    return {
      id: item.id,
      kind: item.kind,
      title: texts(item.title)!,
      abstract: texts(item.summary),
      themes: item.sectors ?? [],
      roomId: null,
      ...span(item, r.forum.date, zone),
      precision: item.precision,
      partOfDay: item.part,
      interpretation: [],
      speakerIds: ids,
      sequence: 0,
    };
  });
  const newest = Object.values(r.sources)
    .map((s) => s.date)
    .sort()
    .at(-1);
  return {
    programme: {
      forum: {
        id: r.forum.id,
        acronym: r.forum.id,
        title: texts(r.forum.title)!,
        theme: texts(r.forum.theme),
        zone,
        firstDay: r.forum.date,
        lastDay: r.forum.date,
        languages: ['vi', 'ja'],
      },
      release: { number: 1, publishedAt: `${newest ?? r.forum.date}T00:00:00Z` },
      rooms: [],
      speakers,
      sessions,
    },
    sourcesOf,
    sources: r.sources,
  };
}
