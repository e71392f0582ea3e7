import type { Problem } from './types.ts';

// Small hand-made problems shared by the tests of this folder and the command's tests.

/** Slots d1-0..d1-(n-1), 20 minutes each from 09:00 (UTC+7). */
export const slots = (n: number, day = '2025-11-25'): Problem['slots'] =>
  Array.from({ length: n }, (_, i) => {
    const start = new Date(Date.parse(`${day}T09:00:00+07:00`) + i * 20 * 60_000);
    const end = new Date(start.getTime() + 20 * 60_000);
    return { id: `${day.slice(-2)}-${i}`, start: start.toISOString(), end: end.toISOString(), day };
  });

/** A small forum: two Vietnamese, two Japanese, one bilingual participant, one interpreter. */
export const smallForum = (): Problem => ({
  format: 'kizuna.schedule-problem/1',
  slots: slots(4),
  tables: 2,
  participants: [
    { id: 'vn-hanoi', languages: ['vi'] },
    { id: 'vn-danang', languages: ['vi'], unavailable: ['25-0'] },
    { id: 'jp-osaka', languages: ['ja'] },
    { id: 'jp-shiga', languages: ['ja'], maxMeetings: 2 },
    { id: 'jp-jetro', languages: ['ja', 'vi', 'en'] },
  ],
  interpreters: [{ id: 'int-01', languages: ['vi', 'ja'], unavailable: ['25-3'] }],
  meetings: [
    { id: 'm-1', participants: ['vn-hanoi', 'jp-osaka'], weight: 3 },
    { id: 'm-2', participants: ['vn-hanoi', 'jp-jetro'], weight: 1, required: true },
    { id: 'm-3', participants: ['vn-danang', 'jp-jetro'], weight: 2 },
    { id: 'm-4', participants: ['vn-danang', 'jp-shiga'], weight: 2, after: ['m-3'] },
    { id: 'm-5', participants: ['vn-hanoi', 'jp-shiga'], weight: 1 },
  ],
});

/** A tiny .dzn instance in the published format (3 participants, 3 meetings, 3 slots). */
export const tinyDzn = `nBusiness = 3;
nMeetings = 3;
nTables = 1;
nTotalSlots = 3;
nMorningSlots = 2;

requested = [|1, 2,1,
|2, 3,3,
|1, 3,2,
|];

meetingsxBusiness = [{1,2,4},
{1,2,3},
{1,3,4}];

nMeetingsBusiness = [2,2,2];

forbidden = [{0},
{0,3},
{0}];

fixed = [0,0,0];

precedences = [{},
{1},
{}];
`;
