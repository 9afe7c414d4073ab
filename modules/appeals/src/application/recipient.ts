import type { Recipient } from '@zemstvo/documents';
import { documentsRepo } from '@zemstvo/documents';
import type { Ctx } from '@zemstvo/kernel';
import { appealsRepo } from '../infra/appeals.repository.ts';
import { localDay, requireTenant } from './context.ts';

/** Who the answer to an appeal goes to: the applicant (cabinet, e-mail, post). Null for other documents. */
export async function recipientOf(ctx: Ctx, incomingId: string): Promise<Recipient | null> {
  const a = await appealsRepo.get(ctx.tx, requireTenant(ctx).municipalityId, incomingId);
  if (!a) return null;
  return {
    name: a.applicantName,
    email: a.applicantEmail,
    postalAddress: a.applicantPostalAddress,
    userId: a.applicantUserId,
  };
}

/** Template fields of the answer to an appeal (DOCX placeholders): the applicant and the appeal's requisites. */
export async function answerFields(ctx: Ctx, incomingId: string): Promise<Record<string, string>> {
  const m = requireTenant(ctx).municipalityId;
  const a = await appealsRepo.get(ctx.tx, m, incomingId);
  const doc = a ? await documentsRepo.get(ctx.tx, m, incomingId) : undefined;
  if (!a || !doc) return {};
  return {
    applicant_name: a.applicantName ?? '',
    applicant_email: a.applicantEmail ?? '',
    applicant_address: a.applicantPostalAddress ?? a.address ?? '',
    appeal_number: doc.regNumber ?? '',
    appeal_date: doc.regDate ? localDay(ctx, doc.regDate) : '',
    appeal_received: localDay(ctx, a.receivedAt),
    answer_due: a.answerDue ?? '',
  };
}
