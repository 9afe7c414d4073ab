import { writeAudit } from '@zemstvo/audit';
import { computeDeadline } from '@zemstvo/calendar';
import { claimUploads, createDocument } from '@zemstvo/documents';
import { AppError, badRequest, conflict, newId, type Ctx } from '@zemstvo/kernel';
import { applicantFromForm, requestHash } from '../domain/applicant.ts';
import {
  attachmentIdsOf,
  locationOf,
  mainTextOf,
  textOf,
  validateIntakeForm,
} from '../domain/intake-form.ts';
import { STAGE_OF } from '../domain/statuses.ts';
import { appealsRepo, type AppealRow } from '../infra/appeals.repository.ts';
import { loadView, presentAppeal, type AppealView } from './appeal-view.ts';
import { localToday, requireTenant, serviceBySlug, workingCalendar } from './context.ts';

/** How an appeal arrived. Every channel goes through this one use case. */
export const INTAKE_CHANNELS = ['web', 'widget', 'api', 'open311', 'email', 'post', 'in_person'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export interface SubmitAppealInput {
  /** The service instance's slug in the municipality (e.g. `appeals-59fz`, `urban-reports`). */
  service: string;
  /** A category code of the instance's package. */
  category: string;
  /** A theme of that category (the municipality's thematic classifier). */
  theme?: string | null;
  /** Values of the package's intake form, by field key (a location is `{ lat, lon }`). */
  fields: Record<string, unknown>;
  channel: IntakeChannel;
  /** The client's `Idempotency-Key`: a retry with the same key and body gives the same appeal. */
  idempotencyKey?: string | null;
  /** Show a public-by-default report on the map (false hides it; never publishes a private package's appeals). */
  isPublic?: boolean;
  /** An identifier in the sending system (an Open311 client's token, a mail id). */
  externalRef?: string | null;
}

export interface SubmitAppealOutcome {
  appeal: AppealView;
  /** False when an earlier request with the same Idempotency-Key already created it. */
  created: boolean;
}

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

/** Who the key belongs to: the same key from another caller is another request. */
function keyScope(ctx: Ctx): string {
  return ctx.actor.kind === 'user'
    ? `user:${ctx.actor.userId}`
    : ctx.actor.kind === 'system'
      ? `system:${ctx.actor.name}`
      : 'anonymous';
}

/**
 * Files an appeal (or a map report): validates it against the package's intake form and
 * categories, creates the incoming document (kind `appeal`, status `received`) and the appeal in
 * the caller's transaction, and computes the registration deadline (59-FZ Art. 8 p.2 for the
 * appeals package) over the working calendar, from the day of receipt in the municipality.
 */
export async function submitAppeal(ctx: Ctx, input: SubmitAppealInput): Promise<SubmitAppealOutcome> {
  const tenant = requireTenant(ctx);
  const svc = await serviceBySlug(ctx, input.service);
  const m = svc.pkg.manifest;
  if (ctx.actor.kind === 'anonymous' && svc.instance.settings.allow_anonymous_web !== true)
    throw new AppError(
      'anonymous_not_allowed',
      'This service accepts appeals from signed-in residents only',
      401,
    );

  const idemKey = input.idempotencyKey ? `${keyScope(ctx)}:${input.idempotencyKey}` : null;
  const hash = requestHash({ ...input, idempotencyKey: undefined });
  if (idemKey) {
    if (!IDEMPOTENCY_KEY.test(input.idempotencyKey!))
      throw badRequest('bad_idempotency_key', 'Idempotency-Key is 8–200 printable ASCII characters');
    // The key is locked until commit; only the earlier appeal's id and hash are read (a new key: nothing).
    const earlier = await appealsRepo.claimIdempotencyKey(ctx.tx, tenant.municipalityId, idemKey);
    if (earlier) {
      if (earlier.idempotencyHash !== hash)
        throw conflict('idempotency_conflict', 'This Idempotency-Key was used for a different request', {
          appealId: earlier.id,
        });
      const appeal = await appealsRepo.get(ctx.tx, tenant.municipalityId, earlier.id);
      return { appeal: await loadView(ctx, appeal!), created: false };
    }
  }

  const category = m.categories.find((c) => c.code === input.category);
  if (!category)
    throw badRequest('unknown_category', `No category ${input.category} in ${svc.instance.slug}`, {
      category: input.category,
    });
  const theme = input.theme ?? null;
  if (theme !== null && !category.themes.some((t) => t.code === theme))
    throw badRequest('unknown_theme', `No theme ${theme} in category ${category.code}`, { theme });
  const checked = validateIntakeForm(m.intakeForm.fields, input.fields);
  if (!checked.ok) throw badRequest('invalid_form', 'The form has problems', checked.problems);
  const values = checked.values;
  const text = mainTextOf(m.intakeForm.fields, values);
  if (!text)
    throw badRequest('invalid_form', 'The appeal has no text', [
      { field: 'text', problem: 'required', message: 'is required' },
    ]);

  const user = ctx.actor.kind === 'user' && ctx.actor.via === 'session' ? ctx.actor : null;
  const applicant = applicantFromForm(values, {
    name: user?.displayName ?? null,
    email: user?.email ?? null,
  });
  const point = locationOf(m.intakeForm.fields, values);
  const now = ctx.clock.now();
  const registration = computeDeadline(m.deadlines.registration, localToday(ctx), await workingCalendar(ctx));
  const id = newId();
  const title = `${category.title.ru}: ${text.replace(/\s+/g, ' ').slice(0, 120)}`;
  const doc = await createDocument(
    ctx,
    {
      id,
      direction: 'incoming',
      kind: 'appeal',
      status: 'received',
      title,
      body: text,
      authorUserId: user?.userId ?? null,
      authorName: applicant.name,
      authorOrg: null,
      addressee: null,
      signatoryUserId: null,
      sourceChannel: input.channel,
      parentId: null,
      serviceInstanceId: svc.instance.id,
      externalRef: input.externalRef ?? null,
      dueDate: registration.due,
    },
    'received',
  );
  const appeal: AppealRow = {
    id,
    municipalityId: tenant.municipalityId,
    serviceInstanceId: svc.instance.id,
    categoryCode: category.code,
    themeCode: theme,
    applicantUserId: user?.userId ?? null,
    applicantName: applicant.name,
    applicantEmail: applicant.email,
    applicantPostalAddress: applicant.postalAddress,
    applicantPhone: applicant.phone,
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
    address: textOf(values, 'address'),
    isPublic: m.publicVisibility.publicByDefault && input.isPublic !== false,
    status: 'received',
    stage: STAGE_OF.received,
    specialHandling: null,
    specialHandlingNote: null,
    crimeForwardedTo: null,
    receivedAt: now,
    registeredAt: null,
    registrationDue: registration.due,
    answerDue: null,
    redirectDue: null,
    noticeDue: null,
    extensions: 0,
    extensionReason: null,
    deadlineRule: registration.ruleCode,
    deadlineRuleVersion: registration.ruleVersion,
    closedAt: null,
    rating: null,
    ratingComment: null,
    rejectedAt: null,
    rejectionComment: null,
    duplicateOf: null,
    redirectedTo: null,
    answerDocumentId: null,
    form: values,
    sourceChannel: input.channel,
    idempotencyKey: idemKey,
    idempotencyHash: idemKey ? hash : null,
  };
  await appealsRepo.insert(
    ctx.tx,
    tenant.municipalityId,
    { ...appeal, searchText: searchTextOf(null, applicant.name, applicant.email, applicant.phone, text) },
    now,
  );
  // Photos and files uploaded while the form was filled in become the appeal's attachments.
  const uploads = attachmentIdsOf(m.intakeForm.fields, values);
  if (uploads.length) await claimUploads(ctx, id, uploads);
  await writeAudit(ctx, {
    action: 'appeal.submitted',
    entity: 'appeal',
    entityId: id,
    after: {
      service: svc.instance.slug,
      category: category.code,
      theme,
      channel: input.channel,
      registrationDue: registration.due,
    },
  });
  // The view is what was written just now (the appeal's columns not written are their defaults):
  // the appeal, the document, the service, no questions yet.
  return { appeal: presentAppeal(appeal, doc, svc, [], tenant.slug, localToday(ctx)), created: true };
}

/** What the inbox's search box matches (number, applicant, e-mail, phone, text), lower-cased. */
export function searchTextOf(...parts: (string | null)[]): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .join(' ')
    .toLowerCase()
    .slice(0, 20_000);
}
