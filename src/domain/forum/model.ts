/**
 * The read model of a forum that the public files are made from (iCalendar, schedule.json,
 * the printed programme): plain data, independent of tables and HTTP, so each exporter is a
 * pure function of one published release.
 */
import type { TimePrecision } from '../programme/conflicts.ts';

export type Lang = 'vi' | 'ja' | 'en';
export const FORUM_LANGS: readonly Lang[] = ['vi', 'ja', 'en'];

/** How a text came to be in a language: absent means it was written in that language. */
export type TextStatus = 'original' | 'official' | 'unofficial';

/** A text per language, with the translations marked (as the forum record writes them). */
export interface Texts {
  vi?: string;
  ja?: string;
  en?: string;
  translation?: Partial<Record<Lang, 'official' | 'unofficial'>>;
}

export type SessionKind = 'plenary' | 'thematic' | 'exhibition' | 'meetings' | 'ceremony' | 'visit' | 'break';
export const SESSION_KINDS: readonly SessionKind[] = [
  'plenary',
  'thematic',
  'exhibition',
  'meetings',
  'ceremony',
  'visit',
  'break',
];

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

export interface ForumInfo {
  id: string;
  /** Short lower-case code used in files and feeds (`vjlcf-2025`). */
  acronym: string;
  title: Texts;
  theme?: Texts;
  description?: Texts;
  venue?: Texts;
  /** IANA zone of the forum (its days and the times it shows). */
  zone: string;
  firstDay: string;
  lastDay: string;
  languages: readonly Lang[];
  /** Public address of the forum's page, for links in the files. */
  url?: string;
  synthetic?: boolean;
}

export interface RoomInfo {
  id: string;
  name: Texts;
  capacity?: number | null;
  /** Interpretation the room's booths can carry, as `vi>ja`, `ja>vi`, `en` relay … */
  booths?: readonly string[];
}

export interface PersonName {
  /** The name in its own script, family name first where that is the custom. */
  native?: string;
  /** The same name in Latin letters. */
  latin?: string;
}

export interface SpeakerInfo {
  id: string;
  name: PersonName;
  position?: Texts;
  party?: Texts;
}

export interface SessionInfo {
  id: string;
  kind: SessionKind;
  title: Texts;
  abstract?: Texts;
  /** Sector codes of the taxonomy. */
  themes: readonly string[];
  roomId: string | null;
  /** ISO instants (UTC). For an imprecise historical time: the span it is known to lie in. */
  start: string;
  end: string;
  precision: TimePrecision;
  partOfDay?: PartOfDay;
  floorLanguage?: Lang | null;
  interpretation: readonly string[];
  speakerIds: readonly string[];
  cancelled?: boolean;
  /** The release that last changed the session (iCalendar SEQUENCE). */
  sequence?: number;
}

export interface ReleaseInfo {
  number: number;
  publishedAt: string;
  note?: Texts;
}

/** One published release of a forum's programme, with what its sessions refer to. */
export interface PublishedProgramme {
  forum: ForumInfo;
  release: ReleaseInfo;
  rooms: readonly RoomInfo[];
  speakers: readonly SpeakerInfo[];
  sessions: readonly SessionInfo[];
}
