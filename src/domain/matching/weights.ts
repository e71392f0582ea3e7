import { SECTOR_CODES, type SectorCode } from '../sectors.ts';

export const SECTOR_COUNT = SECTOR_CODES.length;

/**
 * How much a link through a sector is worth. Broad sectors that nearly every profile touches
 * ("economy", "friendship", generic "technology") would otherwise make everyone a match.
 */
const SECTOR_WEIGHT: Partial<Record<SectorCode, number>> = {
  economy: 0.3,
  friendship: 0.2,
  innovation: 0.4,
  governance: 0.7,
  'exchange.people': 0.6,
  education: 0.7,
  trade: 0.8,
  // Two destinations both "offer tourism" and both want visitors: a weak sign on its own.
  tourism: 0.7,
};

/**
 * Sectors that say what kind of help is exchanged (people, training, money, trade) rather than
 * in which field. "Workers for forestry" and "caregivers" share only a role: a weak link.
 */
const ROLE_SECTORS: readonly SectorCode[] = [
  'labour.workers',
  'labour.training',
  'trade',
  'investment',
  'innovation',
  'economy',
  'friendship',
];

export const WEIGHT_BY_INDEX = Float64Array.from(SECTOR_CODES, (c) => SECTOR_WEIGHT[c] ?? 1);
export const IS_ROLE = Uint8Array.from(SECTOR_CODES, (c) => (ROLE_SECTORS.includes(c) ? 1 : 0));
export const WORKERS = SECTOR_CODES.indexOf('labour.workers');
/** Sectors about people (workers, trainees, students, youth): any of them can answer a need for workers. */
const PEOPLE_SECTORS: readonly SectorCode[] = [
  'labour.workers',
  'labour.training',
  'education',
  'exchange.people',
];
export const IS_PEOPLE = Uint8Array.from(SECTOR_CODES, (c) => (PEOPLE_SECTORS.includes(c) ? 1 : 0));

export const sectorWeight = (s: number): number => WEIGHT_BY_INDEX[s] ?? 1;

/** Per-text flags used by the scorer. */
export const HAS_DOMAIN = 1;
export const HAS_WORKERS = 2;
export const HAS_PEOPLE = 4;
export const HAS_TRADE = 8;
export const SEEKS_MARKET = 16;

/**
 * Concepts by which a text looks for buyers ("販路", "xuất khẩu"). Such a text is answered by
 * someone who trades (an importer, a distributor), not by someone who grows the same product.
 */
export const MARKET_CONCEPTS: readonly string[] = ['sales-channel', 'export'];
export const TRADE = SECTOR_CODES.indexOf('trade');
