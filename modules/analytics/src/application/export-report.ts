import type { ServiceRegistry } from '@zemstvo/catalog';
import { addAttachment, createDocument, ensureJournal, registerDocument } from '@zemstvo/documents';
import { actorUserId, municipalTimeZone, type Ctx, type Locale } from '@zemstvo/kernel';
import type { FileStorage } from '@zemstvo/storage';
import { buildLetterDocx, renderPdf } from '@zemstvo/templates';
import { tenancyRepo } from '@zemstvo/tenancy';
import type { FilterInput } from '../domain/filters.ts';
import { listCases, type CasesInput } from './cases.ts';
import { dashboard, type DashboardInput } from './dashboard.ts';
import { casesReport, dashboardReport, reportTitle, type ReportHead } from './report-text.ts';

/** Cases listed in one exported list (the newest of the slice). */
export const REPORT_CASES_LIMIT = 500;

/** The journal analytical reports are registered in (created on first export). */
export const REPORTS_JOURNAL = {
  code: 'analytics',
  name: { ru: 'Аналитические справки', en: 'Analytical reports' },
  direction: 'internal' as const,
  numberFormat: 'АС-{yyyy}/{seq:6}',
};

export interface ExportInput {
  kind: 'dashboard' | 'cases';
  format: 'docx' | 'pdf';
  locale: Locale;
  filters: DashboardInput & Omit<CasesInput, 'page' | 'limit'>;
}

export interface ExportResult {
  documentId: string;
  regNumber: string | null;
  title: string;
  attachmentId: string;
  fileName: string;
}

const filterLabels = (f: FilterInput): string[] =>
  Object.entries(f).flatMap(([k, v]) =>
    v !== undefined && k !== 'from' && k !== 'to' ? [`${k}=${String(v)}`] : [],
  );

/**
 * Exports a dashboard or a drill-down list as an internal document of document flow: registered
 * in the analytical reports journal, with the rendered DOCX or PDF attached (both audited by the
 * documents module's use cases).
 */
export async function exportReport(
  ctx: Ctx,
  registry: ServiceRegistry,
  storage: FileStorage,
  input: ExportInput,
): Promise<ExportResult> {
  const m = ctx.tenant!;
  const municipality = await tenancyRepo.municipalityBySlug(ctx.tx, m.slug);
  const now = ctx.clock.now();
  const base = {
    locale: input.locale,
    municipality: { ru: municipality?.nameRu ?? m.slug, en: municipality?.nameEn ?? m.slug },
    filters: filterLabels(input.filters),
    generatedAt: now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    timeZone: municipalTimeZone(ctx),
  };
  let paragraphs;
  let head: ReportHead;
  if (input.kind === 'dashboard') {
    const d = await dashboard(ctx, registry, input.filters);
    head = { ...base, from: d.range.from, to: d.range.to };
    paragraphs = dashboardReport(head, d);
  } else {
    const page = await listCases(ctx, registry, { ...input.filters, page: 1, limit: REPORT_CASES_LIMIT });
    const d = await dashboard(ctx, registry, { ...input.filters, period: 'month' });
    head = { ...base, from: d.range.from, to: d.range.to };
    paragraphs = casesReport(head, page);
  }
  const title = reportTitle(input.locale, input.kind, head.from, head.to);
  const docx = buildLetterDocx({ lang: input.locale === 'ru' ? 'ru-RU' : 'en-GB', title, paragraphs });
  const bytes =
    input.format === 'docx' ? docx : await renderPdf(docx, { locale: input.locale, title, createdAt: now });
  await ensureJournal(ctx, REPORTS_JOURNAL);
  const doc = await createDocument(ctx, {
    direction: 'internal',
    kind: 'report',
    status: 'draft',
    title,
    body: paragraphs
      .map((p) => p.text.replace('\t', ' '))
      .join('\n')
      .slice(0, 20_000),
    authorUserId: actorUserId(ctx.actor),
    authorName: null,
    authorOrg: null,
    addressee: null,
    signatoryUserId: null,
    sourceChannel: 'web',
    parentId: null,
    serviceInstanceId: null,
    externalRef: null,
    dueDate: null,
  });
  const fileName = `analytics-${input.kind}-${head.from}-${head.to}.${input.format}`;
  const attachment = await addAttachment(ctx, storage, doc.id, { bytes, fileName });
  const registered = await registerDocument(ctx, doc.id, REPORTS_JOURNAL.code, 'registered');
  return {
    documentId: doc.id,
    regNumber: registered.regNumber,
    title,
    attachmentId: attachment.id,
    fileName,
  };
}
