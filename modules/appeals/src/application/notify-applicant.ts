import { recordEvent } from '@zemstvo/documents';
import { enqueueMail } from '@zemstvo/identity';
import type { Ctx } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';
import { noticeMail, type NoticeKind } from '../domain/notices.ts';
import type { AppealRow } from '../infra/appeals.repository.ts';

/**
 * Tells the applicant about a step the law says they must hear about: at once in the cabinet (the
 * history and status they see) and by e-mail when there is an address; and asks the document
 * workflow for the formal letter (`notice_required` in the history, with its template purpose).
 */
export async function notifyApplicant(
  ctx: Ctx,
  appeal: AppealRow,
  n: {
    kind: NoticeKind;
    purpose: string;
    detail: string;
    source: string;
    regNumber: string | null;
    due?: string | null;
  },
): Promise<void> {
  const municipality = await tenancyRepo.municipalityBySlug(ctx.tx, ctx.tenant!.slug);
  const channels: string[] = appeal.applicantUserId ? ['cabinet'] : [];
  if (appeal.applicantEmail) {
    const mail = noticeMail(n.kind, {
      regNumber: n.regNumber,
      municipalityName: municipality?.nameRu ?? ctx.tenant!.slug,
      detail: n.detail,
      source: n.source,
    });
    await enqueueMail(ctx, { to: appeal.applicantEmail, ...mail });
    channels.push('email');
  }
  await recordEvent(ctx, appeal.id, 'notice_required', {
    purpose: n.purpose,
    due: n.due ?? null,
    source: n.source,
    notifiedBy: channels,
  });
}
