import { enqueueJob, type JobHandler } from '@zemstvo/db';
import type { Ctx } from '@zemstvo/kernel';
import type { MailContent } from '../domain/mail-texts.ts';
import { mailOutboxRepo } from '../infra/mail-outbox.repository.ts';

export const MAIL_SEND_JOB = 'mail.send';

/** Sends one letter (SMTP in production). */
export interface Mailer {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * Writes a letter to the outbox and schedules its delivery, in the caller's transaction: the
 * letter exists exactly when the change that wants it commits.
 */
export async function enqueueMail(ctx: Ctx, mail: MailContent & { to: string }): Promise<string> {
  const id = await mailOutboxRepo.insert(ctx.tx, {
    to: mail.to,
    subject: mail.subject,
    bodyText: mail.text,
    now: ctx.clock.now(),
  });
  await enqueueJob(ctx.tx, ctx.clock, {
    kind: MAIL_SEND_JOB,
    payload: { mailId: id },
    uniqueKey: `mail:${id}`,
    maxAttempts: 8,
  });
  return id;
}

/**
 * The `mail.send` job: delivers one outbox letter and marks it sent. Without a mailer (no SMTP_URL,
 * development) the letter stays in the outbox, readable at GET /api/dev/outbox. A failed delivery
 * throws, so the job is retried with back-off. A crash between the SMTP answer and the commit may
 * send a letter twice (at least once, never lost).
 */
export function makeDeliverMail(mailer: Mailer | null): JobHandler {
  return async (job, ctx) => {
    const id = job.payload.mailId;
    if (typeof id !== 'string') throw new Error('mail.send needs payload.mailId');
    if (!mailer) return;
    const mail = await mailOutboxRepo.byIdForUpdate(ctx.tx, id);
    if (!mail || mail.sentAt) return;
    await mailer.send({ to: mail.to, subject: mail.subject, text: mail.bodyText });
    await mailOutboxRepo.markSent(ctx.tx, id, ctx.clock.now());
  };
}
