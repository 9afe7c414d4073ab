import { enqueueMail, usersRepo } from '@zemstvo/identity';
import type { Ctx } from '@zemstvo/kernel';
import {
  notificationSubject,
  notificationText,
  type NotificationKind,
  type NotificationSubject,
} from '../domain/notification-texts.ts';
import { notificationsRepo } from '../infra/notifications.repository.ts';
import { documentPath, tenantOf, type WorkflowDeps } from './deps.ts';

export interface NotifyInput {
  userId: string;
  kind: NotificationKind;
  documentId: string;
  assignmentId?: string | null;
  subject: NotificationSubject;
}

/**
 * Tells a staff member about a step of document flow: a row in their notifications and an e-mail
 * in their language through the mail outbox, both in the caller's transaction (they exist exactly
 * when the step commits; a job that notifies commits them with its own completion).
 */
export async function notify(
  ctx: Ctx,
  deps: Pick<WorkflowDeps, 'publicUrl'>,
  n: NotifyInput,
): Promise<string> {
  const m = tenantOf(ctx).municipalityId;
  const text = notificationText(n.kind, n.subject);
  const link = documentPath(ctx, n.documentId);
  const id = await notificationsRepo.insert(ctx.tx, m, {
    userId: n.userId,
    kind: n.kind,
    documentId: n.documentId,
    assignmentId: n.assignmentId ?? null,
    textRu: text.ru,
    textEn: text.en,
    link,
    now: ctx.clock.now(),
  });
  const user = await usersRepo.byId(ctx.tx, n.userId);
  if (user && !user.disabledAt) {
    const locale = user.locale;
    const subject = notificationSubject(n.kind, n.subject.document)[locale];
    const open = locale === 'en' ? 'Open the document' : 'Открыть документ';
    await enqueueMail(ctx, {
      to: user.email,
      subject,
      text: `${text[locale]}\n\n${open}: ${deps.publicUrl}${link}\n`,
    });
  }
  return id;
}
