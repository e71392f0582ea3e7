import { z } from 'zod';

// Pure zod, shared with the web app (its admin outbox page reads these types).

export const OutboxStatus = z.enum(['pending', 'sending', 'sent', 'held', 'failed']);
export const MailLanguage = z.enum(['vi', 'ja', 'en']);

export const OutboxQuery = z.object({
  status: OutboxStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const OutboxItem = z
  .object({
    id: z.string(),
    messageId: z.string(),
    to: z.string(),
    language: MailLanguage,
    template: z.string(),
    subject: z.string(),
    status: OutboxStatus,
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxItem' });

export const MailDelivery = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(['sent', 'temporary', 'permanent', 'unknown']).nullable(),
  response: z.string().nullable(),
});

export const OutboxMail = OutboxItem.extend({
  text: z.string(),
  html: z.string(),
  deliveries: z.array(MailDelivery),
}).meta({ id: 'OutboxMail' });

export const TestMailRequest = z.object({ to: z.email().max(254), language: MailLanguage });

export type OutboxItem = z.infer<typeof OutboxItem>;
export type OutboxMail = z.infer<typeof OutboxMail>;
