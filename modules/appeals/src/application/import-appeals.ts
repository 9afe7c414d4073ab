import { writeAudit } from '@zemstvo/audit';
import { computeDeadline, russianWorkingCalendar, type CalendarYear } from '@zemstvo/calendar';
import { formatRegNumber, journalsRepo, type JournalRow } from '@zemstvo/documents';
import { actorLabel, badRequest, notFound, type Ctx } from '@zemstvo/kernel';
import { createDepartment, tenancyRepo } from '@zemstvo/tenancy';
import { parseSpbAppeal, spbTimeline, type SpbAppeal, type SpbTimeline } from '../domain/spb-record.ts';
import { calendarRepo } from '../infra/calendar.repository.ts';
import { importRepo } from '../infra/import.repository.ts';
import { localDay, requireTenant, serviceBySlug, type InstalledService } from './context.ts';
import { buildImportRows, type PreparedAppeal } from './import-rows.ts';

export const IMPORT_FORMATS = ['spb'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportAppealsInput {
  format: ImportFormat;
  /** The service instance (slug) the appeals are filed under; its package's classifier names their categories. */
  service: string;
  /** Parsed JSON lines of the file, numbered from 1 (a line that was not JSON carries its error). */
  lines: readonly { lineNo: number; value: unknown; error?: string }[];
  /** Years of the production calendar the platform does not ship (old data), for the deadlines. */
  calendarYears?: readonly CalendarYear[];
}

export interface InvalidImportLine {
  lineNo: number;
  error: string;
}

export interface ImportBatchResult {
  imported: number;
  /** Lines whose appeal is already in the municipality (idempotency key `spb:<id>`). */
  existing: number;
  invalid: InvalidImportLine[];
  answers: number;
  departmentsCreated: number;
}

/** The key an imported appeal is found by on every later run: one per data set id and municipality. */
export const importKey = (format: ImportFormat, id: string): string => `${format}:${id}`;

function classifier(svc: InstalledService) {
  const categories = new Map(svc.pkg.manifest.categories.map((c) => [c.title.ru, c]));
  return (a: SpbAppeal): { category: string; theme: string | null } | string => {
    const c = categories.get(a.category);
    if (!c) return `category «${a.category}» is not in the classifier of ${svc.instance.slug}`;
    if (!a.reason) return { category: c.code, theme: null };
    const t = c.themes.find((x) => x.title.ru === a.reason);
    return t
      ? { category: c.code, theme: t.code }
      : `theme «${a.reason}» is not in category «${a.category}» of ${svc.instance.slug}`;
  };
}

/** Departments by their Russian name; an executor organisation not among them becomes one (audited). */
async function departmentsFor(
  ctx: Ctx,
  orgs: ReadonlySet<string>,
): Promise<{ ids: Map<string, string>; created: number }> {
  const { municipalityId } = requireTenant(ctx);
  const ids = new Map(
    (await tenancyRepo.listDepartments(ctx.tx, municipalityId)).map((d) => [d.nameRu, d.id]),
  );
  let created = 0;
  for (const org of [...orgs].sort()) {
    if (ids.has(org)) continue;
    const dep = await createDepartment(ctx, { parentId: null, code: null, nameRu: org, nameEn: org });
    ids.set(org, dep.id);
    created++;
  }
  return { ids, created };
}

async function requireJournal(ctx: Ctx, code: string): Promise<JournalRow> {
  const j = await journalsRepo.byCode(ctx.tx, requireTenant(ctx).municipalityId, code);
  if (!j) throw notFound(`Journal ${code}`, 'journal_not_found');
  return j;
}

/**
 * Numbers for registrations in a journal: grouped by the registration's local year, reserved in one
 * step per year, given in the order of the registration times.
 */
async function numbersFor(ctx: Ctx, journal: JournalRow, times: readonly Date[]): Promise<string[]> {
  const { municipalityId } = requireTenant(ctx);
  const order = times.map((t, i) => ({ t, i })).sort((a, b) => a.t.getTime() - b.t.getTime() || a.i - b.i);
  const byYear = new Map<number, number[]>();
  for (const { t, i } of order) {
    const y = Number(localDay(ctx, t).slice(0, 4));
    const list = byYear.get(y) ?? [];
    list.push(i);
    byYear.set(y, list);
  }
  const out: string[] = new Array<string>(times.length);
  for (const [year, idx] of byYear) {
    const first = await importRepo.reserveNumbers(
      ctx.tx,
      municipalityId,
      journal.id,
      journal.resetYearly ? year : 0,
      idx.length,
    );
    idx.forEach((i, k) => (out[i] = formatRegNumber(journal.numberFormat, year, first + k)));
  }
  return out;
}

/**
 * Imports one batch of a data set's appeals in the caller's transaction: each new record becomes an
 * appeal (the incoming document, registered in the service's journal with its real dates), its
 * answers outgoing documents linked to it, its status history document history; deadlines come
 * from the package's rules over the working calendar, as if it had been filed here. Records already
 * imported (same idempotency key) are skipped, so a re-run — or a run after an interrupted one —
 * imports each record once. One audit record summarises the batch.
 */
export async function importAppealBatch(ctx: Ctx, input: ImportAppealsInput): Promise<ImportBatchResult> {
  const { municipalityId } = requireTenant(ctx);
  if (!(IMPORT_FORMATS as readonly string[]).includes(input.format))
    throw badRequest('unknown_import_format', `Unknown import format ${input.format}`);
  const svc = await serviceBySlug(ctx, input.service);
  const classify = classifier(svc);
  const invalid: InvalidImportLine[] = [];
  const valid: {
    lineNo: number;
    appeal: SpbAppeal;
    timeline: SpbTimeline;
    category: string;
    theme: string | null;
  }[] = [];
  for (const line of input.lines) {
    const parsed = line.error ? { ok: false as const, error: line.error } : parseSpbAppeal(line.value);
    if (!parsed.ok) {
      invalid.push({ lineNo: line.lineNo, error: parsed.error });
      continue;
    }
    const cls = classify(parsed.appeal);
    const timeline = spbTimeline(parsed.appeal.statuses);
    if (typeof cls === 'string' || 'error' in timeline) {
      invalid.push({
        lineNo: line.lineNo,
        error: typeof cls === 'string' ? cls : (timeline as { error: string }).error,
      });
      continue;
    }
    valid.push({ lineNo: line.lineNo, appeal: parsed.appeal, timeline, ...cls });
  }

  const keys = valid.map((v) => importKey(input.format, v.appeal.id));
  const existingKeys = await importRepo.existingKeys(ctx.tx, municipalityId, keys);
  const seen = new Set<string>();
  const fresh = valid.filter((v) => {
    const k = importKey(input.format, v.appeal.id);
    if (existingKeys.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const existing = valid.length - fresh.length;
  if (fresh.length === 0) return { imported: 0, existing, invalid, answers: 0, departmentsCreated: 0 };

  const orgOf = (a: SpbAppeal) => a.executorOrg ?? a.answers.at(-1)?.org ?? null;
  const departments = await departmentsFor(
    ctx,
    new Set(fresh.map((v) => orgOf(v.appeal)).filter((o): o is string => o !== null)),
  );
  const overrides = await calendarRepo.list(ctx.tx);
  const calendar = russianWorkingCalendar(overrides, input.calendarYears ?? []);
  const m = svc.pkg.manifest;
  const incoming = await requireJournal(ctx, m.journal.code);
  const outgoing = await requireJournal(ctx, m.outgoingJournal.code);
  const registered = fresh.filter((v) => v.timeline.registeredAt !== null);
  const regNumberList = await numbersFor(
    ctx,
    incoming,
    registered.map((v) => v.timeline.registeredAt!),
  );
  const regNumbers = new Map(registered.map((v, i) => [v, regNumberList[i]!]));
  const answerNumbers = await numbersFor(
    ctx,
    outgoing,
    fresh.flatMap((v) => v.appeal.answers.map((a) => a.at)),
  );

  let answerCursor = 0;
  const prepared: PreparedAppeal[] = fresh.map((v) => {
    const registration = computeDeadline(
      m.deadlines.registration,
      localDay(ctx, v.appeal.createdAt),
      calendar,
    );
    const answer = v.timeline.registeredAt
      ? computeDeadline(m.deadlines.answer, localDay(ctx, v.timeline.registeredAt), calendar)
      : null;
    const org = orgOf(v.appeal);
    const numbers = answerNumbers.slice(answerCursor, answerCursor + v.appeal.answers.length);
    answerCursor += v.appeal.answers.length;
    return {
      key: importKey(input.format, v.appeal.id),
      appeal: v.appeal,
      timeline: v.timeline,
      category: v.category,
      theme: v.theme,
      categoryTitle: m.categories.find((c) => c.code === v.category)!.title.ru,
      regNumber: regNumbers.get(v) ?? null,
      answerNumbers: numbers,
      registration,
      answer,
      executorOrg: org,
      departmentId: org ? (departments.ids.get(org) ?? null) : null,
    };
  });
  const rows = buildImportRows(prepared, {
    serviceInstanceId: svc.instance.id,
    incomingJournalId: incoming.id,
    outgoingJournalId: outgoing.id,
    publicByDefault: m.publicVisibility.publicByDefault,
    actorLabel: ctx.actor.kind === 'user' ? ctx.actor.displayName : actorLabel(ctx.actor),
    timeZone: requireTenant(ctx).timeZone,
  });
  await importRepo.insertDocuments(ctx.tx, municipalityId, rows.incoming);
  await importRepo.insertAppeals(ctx.tx, municipalityId, rows.appeals);
  await importRepo.insertDocuments(ctx.tx, municipalityId, rows.answers);
  await importRepo.insertEvents(ctx.tx, municipalityId, rows.events);
  await writeAudit(ctx, {
    action: 'appeal.imported',
    entity: 'service_instance',
    entityId: svc.instance.id,
    after: {
      format: input.format,
      service: svc.instance.slug,
      imported: fresh.length,
      answers: rows.answers.length,
      existing,
      invalid: invalid.length,
      departmentsCreated: departments.created,
      keys: { first: prepared[0]!.key, last: prepared.at(-1)!.key },
    },
  });
  return {
    imported: fresh.length,
    existing,
    invalid,
    answers: rows.answers.length,
    departmentsCreated: departments.created,
  };
}
