import { instancesRepo, type ServicePackage } from '@zemstvo/catalog';
import { badRequest, newId, sha256Hex, type Ctx, type Locale } from '@zemstvo/kernel';
import { packageTemplatePath, renderTemplate, type TemplateFields } from '@zemstvo/templates';
import { versionsRepo, type VersionRow } from '../infra/versions.repository.ts';
import { tenantOf, type WorkflowDeps } from './deps.ts';

/** A template of an applied-service package, as a draft is made from it. */
export interface ChosenTemplate {
  pkg: ServicePackage;
  instanceId: string | null;
  code: string;
  purpose: string;
  title: { ru: string; en: string };
}

/**
 * The package a draft takes its templates from: the incoming document's own service instance, or
 * the instance the executor names (orders, requests and signals belong to no package).
 */
export async function chooseTemplate(
  ctx: Ctx,
  deps: WorkflowDeps,
  opts: { serviceInstanceId: string | null; serviceSlug?: string | undefined; templateCode: string },
): Promise<ChosenTemplate> {
  const m = tenantOf(ctx).municipalityId;
  const instance = opts.serviceSlug
    ? await instancesRepo.bySlug(ctx.tx, m, opts.serviceSlug)
    : opts.serviceInstanceId
      ? await instancesRepo.byId(ctx.tx, m, opts.serviceInstanceId)
      : undefined;
  if (!instance)
    throw badRequest('service_required', 'Name the installed service whose templates to use (serviceSlug)');
  const pkg = deps.registry.get(instance.packageSlug);
  const t = pkg?.manifest.templates.find((x) => x.code === opts.templateCode);
  if (!pkg || !t)
    throw badRequest(
      'template_not_found',
      `The service ${instance.slug} has no template ${opts.templateCode}`,
      {
        templates: pkg?.manifest.templates.map((x) => x.code) ?? [],
      },
    );
  return { pkg, instanceId: instance.id, code: t.code, purpose: t.purpose, title: t.title };
}

/** A storage key of the platform's own making: `<municipality>/<yyyy>/<mm>/<uuid>.<ext>`. */
export function storageKey(ctx: Ctx, ext: 'pdf' | 'docx'): string {
  const now = ctx.clock.now();
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${tenantOf(ctx).municipalityId}/${now.getUTCFullYear()}/${month}/${newId()}.${ext}`;
}

/**
 * Renders a template with the draft's fields (DOCX, and the PDF with the DRAFT watermark that
 * approvers read), stores both files and saves them as the next version of the draft.
 */
export async function renderAndSaveVersion(
  ctx: Ctx,
  deps: WorkflowDeps,
  v: {
    documentId: string;
    template: ChosenTemplate;
    locale: Locale;
    fields: Record<string, string>;
    body: string;
    comment: string | null;
    createdBy: string;
  },
): Promise<VersionRow> {
  const file = packageTemplatePath(v.template.pkg, v.template.code, v.locale);
  if (!file) throw badRequest('template_not_found', `No template ${v.template.code} in ${v.locale}`);
  const fields: TemplateFields = { ...v.fields, answer_text: v.body };
  const rendered = await renderTemplate({
    file,
    fields,
    locale: v.locale,
    draft: true,
    createdAt: ctx.clock.now(),
    timeZone: tenantOf(ctx).timeZone,
  });
  const docxKey = storageKey(ctx, 'docx');
  const pdfKey = storageKey(ctx, 'pdf');
  await deps.storage.put(docxKey, rendered.docx);
  await deps.storage.put(pdfKey, rendered.pdf);
  return versionsRepo.insert(ctx.tx, tenantOf(ctx).municipalityId, {
    documentId: v.documentId,
    templateCode: v.template.code,
    fields: v.fields,
    body: v.body,
    docxKey,
    pdfKey,
    pdfSha256: sha256Hex(rendered.pdf),
    createdBy: v.createdBy,
    createdAt: ctx.clock.now(),
    comment: v.comment,
    locale: v.locale,
  });
}
