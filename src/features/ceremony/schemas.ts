/** The signing ceremony's inputs and answers (pure zod, shared with the web app). */
import { z } from 'zod';

export const CeremonyKind = z.enum(['signing', 'handover']);

const line = (max: number) => z.string().trim().min(1).max(max);

export const Signatory = z
  .object({ name: line(200), position: z.string().trim().max(300).default('') })
  .strict()
  .meta({ id: 'CeremonySignatory' });

/** Who signs or hands over for each side (at most 10 a side). */
export const Signatories = z
  .object({ vn: z.array(Signatory).max(10).default([]), jp: z.array(Signatory).max(10).default([]) })
  .strict()
  .meta({ id: 'CeremonySignatories' });

export const CeremonyItemInput = z
  .object({
    agreementId: line(120),
    sessionId: line(120),
    kind: CeremonyKind,
    signatories: Signatories.default({ vn: [], jp: [] }),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .strict()
  .meta({ id: 'CeremonyItemInput' });
export type CeremonyItemInput = z.infer<typeof CeremonyItemInput>;

export const CeremonyItemUpdate = CeremonyItemInput.omit({ agreementId: true })
  .partial()
  .strict()
  .meta({ id: 'CeremonyItemUpdate' });
export type CeremonyItemUpdate = z.infer<typeof CeremonyItemUpdate>;

export const CeremonyOrder = z
  .object({ ids: z.array(line(120)).min(1).max(500) })
  .strict()
  .meta({ id: 'CeremonyOrder', description: 'Every item of the ceremony, each once, in the new order.' });

const Texts = z.record(z.string(), z.unknown());

export const CeremonyItem = z
  .object({
    id: z.string(),
    forumId: z.string(),
    sessionId: z.string(),
    agreementId: z.string(),
    agreement: z.object({ title: Texts, status: z.string(), signedOn: z.string().nullable() }),
    kind: CeremonyKind,
    position: z.number().int(),
    signatories: Signatories,
    note: z.string().nullable(),
    done: z.boolean(),
    doneOn: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'CeremonyItem' });
export type CeremonyItem = z.infer<typeof CeremonyItem>;

export const CeremonySession = z
  .object({
    id: z.string(),
    title: Texts,
    start: z.string(),
    date: z.string(),
    precision: z.string(),
    note: z.string().nullable(),
    sources: z.array(z.unknown()),
    items: z.array(CeremonyItem),
  })
  .meta({ id: 'CeremonySession' });

export const Ceremony = z
  .object({ forumId: z.string(), zone: z.string(), sessions: z.array(CeremonySession) })
  .meta({ id: 'Ceremony', description: "A forum's ceremony sessions and their items, in order." });
export type Ceremony = z.infer<typeof Ceremony>;

/** At most this many items in one forum's ceremony. */
export const MAX_ITEMS = 500;
