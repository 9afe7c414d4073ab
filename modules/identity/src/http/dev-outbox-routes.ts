import { z } from 'zod';
import { requireOperator, type TypedApp } from '@zemstvo/http';
import { mailOutboxRepo } from '../infra/mail-outbox.repository.ts';

/**
 * Development only (not registered in production): the mail outbox, so password reset works in a
 * demo without SMTP. Platform operators only: reset links are keys to accounts, and a server
 * mistakenly left in development mode must not hand them to anyone who asks.
 */
export function devOutboxRoutes(app: TypedApp): void {
  app.get(
    '/dev/outbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Development: mail written to the outbox, newest first (platform operators)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                to: z.string(),
                subject: z.string(),
                bodyText: z.string(),
                createdAt: z.string(),
                sentAt: z.string().nullable(),
                attempts: z.number(),
                lastError: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      requireOperator(req);
      const mails = await req.useCase((ctx) => mailOutboxRepo.latest(ctx.tx, req.query.limit));
      return {
        items: mails.map((m) => ({
          ...m,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );
}
