import { AGRICULTURE } from './agriculture.ts';
import type { Concept } from './concept.ts';
import { ECONOMY } from './economy.ts';
import { ENVIRONMENT } from './environment.ts';
import { PEOPLE } from './people.ts';
import { PRODUCTS } from './products.ts';
import { SOCIETY } from './society.ts';

export type { Concept } from './concept.ts';

/** The whole curated lexicon, every concept once. */
export const LEXICON: readonly Concept[] = [
  ...ECONOMY,
  ...AGRICULTURE,
  ...PRODUCTS,
  ...ENVIRONMENT,
  ...PEOPLE,
  ...SOCIETY,
];

/**
 * Terms that are recognised only so that the words inside them are not: "米国" (the United
 * States) must not count as "米" (rice), nor "nhãn hiệu" (brand) as "nhãn" (longan).
 */
export const BLOCKERS: readonly string[] = [
  '米国',
  '欧米',
  '北米',
  '南米',
  '日米',
  'nhãn hiệu',
  'nhãn mác',
  'dán nhãn',
  'hợp tác xã',
];
