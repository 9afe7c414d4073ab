import { writeAudit } from '@zemstvo/audit';
import { AppError, newSecret, type Ctx } from '@zemstvo/kernel';
import type { PostedRequest } from '../domain/submission.ts';
import { mapSubmission } from '../domain/submission.ts';
import type { ResolvedService } from '../domain/services.ts';
import { open311TokensRepo } from '../infra/tokens.repository.ts';
import { open311Refusal } from '../http/errors.ts';

export interface Open311Submission {
  service: ResolvedService;
  posted: PostedRequest;
  timeZone: string;
  idempotencyKey: string | null;
}

/**
 * Files a GeoReport v2 service request as an appeal through the one intake use case every channel
 * uses, and hands back its id and a token (the same token again when a retry finds the appeal).
 */
export async function submitOpen311Request(
  ctx: Ctx,
  input: Open311Submission,
): Promise<{ serviceRequestId: string; token: string }> {
  const mapped = mapSubmission(input.service.manifest.intakeForm.fields, input.posted, input.timeZone);
  if ('problems' in mapped) throw open311Refusal(400, 'bad_request', mapped.problems);
  const appealId: string = await Promise.reject(
    new AppError('not_implemented', 'Intake is not wired yet', 503),
  );
  const tenant = ctx.tenant!;
  const existing = await open311TokensRepo.byDocument(ctx.tx, tenant.municipalityId, appealId);
  if (existing) return { serviceRequestId: appealId, token: existing };
  const token = newSecret(18);
  await open311TokensRepo.insert(ctx.tx, {
    municipalityId: tenant.municipalityId,
    token,
    documentId: appealId,
    apiTokenUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : '',
    now: ctx.clock.now(),
  });
  await writeAudit(ctx, {
    action: 'open311.request_posted',
    entity: 'appeal',
    entityId: appealId,
    after: { serviceCode: input.service.serviceCode, token },
  });
  return { serviceRequestId: appealId, token };
}
