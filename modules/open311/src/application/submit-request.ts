import { submitAppeal } from '@zemstvo/appeals';
import { writeAudit } from '@zemstvo/audit';
import { addLink } from '@zemstvo/documents';
import { isAppError, newSecret, type Ctx } from '@zemstvo/kernel';
import { splitIntakeForm } from '../domain/attributes.ts';
import type { ResolvedService } from '../domain/services.ts';
import { mapSubmission, type PostedRequest } from '../domain/submission.ts';
import { open311Refusal } from '../http/errors.ts';
import { open311TokensRepo } from '../infra/tokens.repository.ts';

export interface Open311Submission {
  service: ResolvedService;
  posted: PostedRequest;
  timeZone: string;
  idempotencyKey: string | null;
}

/** The standard's name for an intake field, for problems the intake reports by field key. */
function parameterNames(service: ResolvedService): Map<string, string> {
  const { standard, attributes } = splitIntakeForm(service.manifest.intakeForm.fields);
  const names = new Map(attributes.map((f) => [f.key, `attribute[${f.key}]`]));
  for (const [param, field] of standard)
    names.set(
      field.key,
      param === 'location' ? 'lat/long' : param === 'full_name' ? 'first_name/last_name' : param,
    );
  return names;
}

/** The intake's refusal of a form (`invalid_form`, one problem per field) in the standard's words. */
function intakeProblems(service: ResolvedService, details: unknown): string[] | null {
  if (!Array.isArray(details)) return null;
  const names = parameterNames(service);
  return details.map((p: unknown) => {
    const { field, message } = (p ?? {}) as { field?: unknown; message?: unknown };
    const name = typeof field === 'string' ? (names.get(field) ?? field) : 'request';
    return `${name} ${typeof message === 'string' ? message : 'is invalid'}`;
  });
}

/**
 * Files a GeoReport v2 service request as an appeal through the one intake use case every channel
 * uses (channel `open311`), and hands back its id and a token. A retry with the same
 * Idempotency-Key finds the same appeal and gets the same token back.
 */
export async function submitOpen311Request(
  ctx: Ctx,
  input: Open311Submission,
): Promise<{ serviceRequestId: string; token: string }> {
  const { service } = input;
  const mapped = mapSubmission(service.manifest.intakeForm.fields, input.posted, input.timeZone);
  if ('problems' in mapped) throw open311Refusal(400, 'bad_request', mapped.problems);
  let outcome;
  try {
    outcome = await submitAppeal(ctx, {
      service: service.instance.slug,
      category: service.category.code,
      fields: mapped.submission.form,
      channel: 'open311',
      idempotencyKey: input.idempotencyKey,
    });
  } catch (e) {
    const problems = isAppError(e) && e.code === 'invalid_form' ? intakeProblems(service, e.details) : null;
    if (problems?.length) throw open311Refusal(400, 'bad_request', problems);
    throw e;
  }
  const appealId = outcome.appeal.id;
  // The standard's media_url: a link on the appeal's document (shown again as media_url when public).
  if (outcome.created && mapped.submission.mediaUrl)
    await addLink(ctx, appealId, { url: mapped.submission.mediaUrl, title: 'media_url' });
  const municipalityId = ctx.tenant!.municipalityId;
  const existing = await open311TokensRepo.byDocument(ctx.tx, municipalityId, appealId);
  if (existing) return { serviceRequestId: appealId, token: existing };
  const token = newSecret(18);
  await open311TokensRepo.insert(ctx.tx, {
    municipalityId,
    token,
    documentId: appealId,
    submittedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    now: ctx.clock.now(),
  });
  await writeAudit(ctx, {
    action: 'open311.request_posted',
    entity: 'appeal',
    entityId: appealId,
    after: { serviceCode: service.serviceCode, token },
  });
  return { serviceRequestId: appealId, token };
}
