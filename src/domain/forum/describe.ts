/**
 * How one session reads in one language: its title (with the part of the day when the exact
 * time is not known, and "unofficial translation" when it is one), and the lines that describe
 * it (speakers, room, floor language, interpretation). Shared by the calendar, schedule.json and
 * the printed programme so that the three say the same thing.
 */
import { interpretationLabel, KIND_LABELS, LANGUAGE_NAMES, PART_OF_DAY_LABELS, WORDS } from './labels.ts';
import type { Lang, PersonName, PublishedProgramme, SessionInfo, SpeakerInfo } from './model.ts';
import { pickText, textIn } from './texts.ts';

/** `Phạm Minh Chính (Pham Minh Chinh)`: the name in its own script, and in Latin letters when different. */
export function personName(n: PersonName): string {
  const native = n.native?.normalize('NFC').trim();
  const latin = n.latin?.normalize('NFC').trim();
  if (native && latin && native !== latin) return `${native} (${latin})`;
  return native || latin || '';
}

export function speakerLine(s: SpeakerInfo, lang: Lang): string {
  const position = textIn(s.position, lang);
  const party = textIn(s.party, lang);
  return [personName(s.name), [position, party].filter(Boolean).join(', ')].filter(Boolean).join(' – ');
}

/** The title as a reader of `lang` sees it, marked when it is a translation or falls back. */
export function sessionTitle(s: SessionInfo, lang: Lang): string {
  const picked = pickText(s.title, lang);
  let title = picked?.text || KIND_LABELS[s.kind][lang];
  if (picked) {
    // Say which language a fallback is in, and whether the text is a translation.
    const marks: string[] = [];
    if (picked.fallback) marks.push(LANGUAGE_NAMES[picked.lang][lang]);
    if (picked.status === 'official') marks.push(WORDS.officialTranslation[lang]);
    if (picked.status === 'unofficial') marks.push(WORDS.unofficialTranslation[lang]);
    if (marks.length) title += ` [${marks.join(' · ')}]`;
  }
  if (s.precision !== 'exact') {
    const when = s.partOfDay ? PART_OF_DAY_LABELS[s.partOfDay][lang] : WORDS.timeNotKnown[lang];
    title += ` (${when})`;
  }
  return title;
}

export interface SessionDescription {
  title: string;
  kind: string;
  room: string;
  speakers: string[];
  lines: string[];
}

export function describeSession(p: PublishedProgramme, s: SessionInfo, lang: Lang): SessionDescription {
  const room = textIn(p.rooms.find((r) => r.id === s.roomId)?.name, lang);
  const byId = new Map(p.speakers.map((x) => [x.id, x]));
  const speakers = s.speakerIds.flatMap((id) => {
    const sp = byId.get(id);
    return sp ? [speakerLine(sp, lang)] : [];
  });
  const lines: string[] = [];
  const abstract = pickText(s.abstract, lang);
  if (abstract) lines.push(abstract.text);
  if (speakers.length) lines.push(`${WORDS.speakers[lang]}: ${speakers.join('; ')}`);
  if (room) lines.push(`${WORDS.room[lang]}: ${room}`);
  if (s.floorLanguage) lines.push(`${WORDS.floorLanguage[lang]}: ${LANGUAGE_NAMES[s.floorLanguage][lang]}`);
  if (s.interpretation.length) {
    lines.push(
      `${WORDS.interpretation[lang]}: ${s.interpretation.map((x) => interpretationLabel(x, lang)).join(', ')}`,
    );
  }
  if (s.cancelled) lines.unshift(WORDS.cancelled[lang]);
  return { title: sessionTitle(s, lang), kind: KIND_LABELS[s.kind][lang], room, speakers, lines };
}
