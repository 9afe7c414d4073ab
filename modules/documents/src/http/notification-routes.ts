import { z } from 'zod';
import { pageQuery, requireUser, uuidSchema, type TypedApp } from '@zemstvo/http';
import { writeAudit } from '@zemstvo/audit';
import { notFound } from '@zemstvo/kernel';
import { notificationsRepo } from '../infra/notifications.repository.ts';

const notificationOut = z.object({
  id: z.string(),
  municipalityId: z.string(),
  kind: z.string(),
  documentId: z.string().nullable(),
  assignmentId: z.string().nullable(),
  textRu: z.string(),
  textEn: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

/** The signed-in user's own notifications, in every municipality where they work. */
export function notificationRoutes(app: TypedApp): void {
  app.get(
    '/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications (reminders, escalations, assignments, approvals), newest first',
        querystring: pageQuery.extend({ unread: z.enum(['0', '1']).default('0') }),
        response: { 200: z.object({ items: z.array(notificationOut), unread: z.number() }) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      return req.useCase((ctx) =>
        notificationsRepo.listForUser(ctx.tx, user.userId, {
          unreadOnly: req.query.unread === '1',
          limit: req.query.limit,
          offset: req.query.offset,
        }),
      );
    },
  );

  app.post(
    '/me/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        params: z.object({ id: uuidSchema }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      await req.useCase(async (ctx) => {
        const found = await notificationsRepo.markRead(ctx.tx, user.userId, req.params.id, ctx.clock.now());
        if (!found) throw notFound('Notification');
        await writeAudit(ctx, {
          action: 'notification.read',
          entity: 'notification',
          entityId: req.params.id,
          municipalityId: found.municipalityId,
        });
      });
      return reply.status(204).send(null);
    },
  );
}
