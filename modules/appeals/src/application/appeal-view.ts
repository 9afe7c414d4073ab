import type { IsoDate } from '@zemstvo/calendar';
import { documentsRepo, type DocumentRow } from '@zemstvo/documents';
import { notFound, type Ctx, type LocalizedText } from '@zemstvo/kernel';
import {
  SPECIAL_HANDLING_RULES,
  lacksNameOrAddress,
  type SpecialHandling,
} from '../domain/special-handling.ts';
import { statusGroup, type AppealStage, type AppealStatus } from '../domain/statuses.ts';
import type { FormValues } from '../domain/intake-form.ts';
import { appealsRepo, type AppealRow, type QuestionRow } from '../infra/appeals.repository.ts';
import { localToday, requireTenant, serviceById, type InstalledService } from './context.ts';

/** The appeal read model: what staff see, and what other modules (Open311, the web app) get. */
export interface AppealView {
  id: string;
  municipality: string;
  service: { id: string; slug: string; packageSlug: string; name: LocalizedText; law59: boolean };
  category: { code: string; title: LocalizedText };
  theme: { code: string; title: LocalizedText } | null;
  status: AppealStatus;
  stage: AppealStage;
  statusGroup: 'new' | 'working' | 'done';
  regNumber: string | null;
  regDate: Date | null;
  receivedAt: Date;
  registeredAt: Date | null;
  registrationDue: IsoDate;
  answerDue: IsoDate | null;
  redirectDue: IsoDate | null;
  noticeDue: IsoDate | null;
  extensions: number;
  extensionReason: string | null;
  deadlineRule: { code: string; version: number };
  overdue: boolean;
  applicant: {
    userId: string | null;
    name: string | null;
    email: string | null;
    postalAddress: string | null;
    phone: string | null;
  };
  text: string;
  address: string | null;
  location: { lat: number; lon: number } | null;
  isPublic: boolean;
  specialHandling: { code: SpecialHandling; source: string; note: string | null } | null;
  /** 59-FZ Art. 11 p.1: no surname or no reply address; the registrar decides. */
  suggestedSpecialHandling: SpecialHandling | null;
  crimeForwardedTo: string | null;
  redirectedTo: string | null;
  duplicateOf: string | null;
  closedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  rejectedAt: Date | null;
  rejectionComment: string | null;
  answerDocumentId: string | null;
  sourceChannel: string;
  questions: QuestionRow[];
  form: FormValues;
}

const titleOf = (svc: InstalledService, category: string): LocalizedText =>
  svc.pkg.manifest.categories.find((c) => c.code === category)?.title ?? { ru: category, en: category };

function themeOf(svc: InstalledService, category: string, theme: string | null): AppealView['theme'] {
  if (!theme) return null;
  const t = svc.pkg.manifest.categories
    .find((c) => c.code === category)
    ?.themes.find((x) => x.code === theme);
  return { code: theme, title: t?.title ?? { ru: theme, en: theme } };
}

/** Past its due date and still open: the registration, the answer, or a notice (in local days). */
export function isOverdue(
  a: Pick<AppealRow, 'closedAt' | 'registeredAt' | 'registrationDue' | 'answerDue' | 'noticeDue'>,
  today: IsoDate,
): boolean {
  if (a.closedAt) return false;
  if (!a.registeredAt) return a.registrationDue < today;
  return (a.answerDue !== null && a.answerDue < today) || (a.noticeDue !== null && a.noticeDue < today);
}

export function presentAppeal(
  a: AppealRow,
  doc: DocumentRow,
  svc: InstalledService,
  questions: QuestionRow[],
  municipality: string,
  today: IsoDate,
): AppealView {
  return {
    id: a.id,
    municipality,
    service: {
      id: svc.instance.id,
      slug: svc.instance.slug,
      packageSlug: svc.instance.packageSlug,
      name: { ru: svc.instance.nameRu, en: svc.instance.nameEn },
      law59: svc.pkg.manifest.law59,
    },
    category: { code: a.categoryCode, title: titleOf(svc, a.categoryCode) },
    theme: themeOf(svc, a.categoryCode, a.themeCode),
    status: a.status,
    stage: a.stage,
    statusGroup: statusGroup(a.status),
    regNumber: doc.regNumber,
    regDate: doc.regDate,
    receivedAt: a.receivedAt,
    registeredAt: a.registeredAt,
    registrationDue: a.registrationDue,
    answerDue: a.answerDue,
    redirectDue: a.redirectDue,
    noticeDue: a.noticeDue,
    extensions: a.extensions,
    extensionReason: a.extensionReason,
    deadlineRule: { code: a.deadlineRule, version: a.deadlineRuleVersion },
    overdue: isOverdue(a, today),
    applicant: {
      userId: a.applicantUserId,
      name: a.applicantName,
      email: a.applicantEmail,
      postalAddress: a.applicantPostalAddress,
      phone: a.applicantPhone,
    },
    text: doc.body,
    address: a.address,
    location: a.lat !== null && a.lon !== null ? { lat: a.lat, lon: a.lon } : null,
    isPublic: a.isPublic,
    specialHandling: a.specialHandling
      ? {
          code: a.specialHandling,
          source: SPECIAL_HANDLING_RULES[a.specialHandling].source,
          note: a.specialHandlingNote,
        }
      : null,
    suggestedSpecialHandling:
      !a.specialHandling && svc.pkg.manifest.law59 && lacksNameOrAddress(a) ? 'anonymous' : null,
    crimeForwardedTo: a.crimeForwardedTo,
    redirectedTo: a.redirectedTo,
    duplicateOf: a.duplicateOf,
    closedAt: a.closedAt,
    rating: a.rating,
    ratingComment: a.ratingComment,
    rejectedAt: a.rejectedAt,
    rejectionComment: a.rejectionComment,
    answerDocumentId: a.answerDocumentId,
    sourceChannel: a.sourceChannel,
    questions,
    form: a.form,
  };
}

/** The read model of one appeal of the request's municipality. */
export async function getAppeal(ctx: Ctx, id: string): Promise<AppealView> {
  const tenant = requireTenant(ctx);
  const a = await appealsRepo.get(ctx.tx, tenant.municipalityId, id);
  if (!a) throw notFound('Appeal', 'appeal_not_found');
  return loadView(ctx, a);
}

export async function loadView(ctx: Ctx, a: AppealRow): Promise<AppealView> {
  const tenant = requireTenant(ctx);
  const doc = await documentsRepo.get(ctx.tx, tenant.municipalityId, a.id);
  if (!doc) throw notFound('Appeal', 'appeal_not_found');
  const svc = await serviceById(ctx, a.serviceInstanceId);
  const questions = await appealsRepo.questions(ctx.tx, tenant.municipalityId, a.id);
  return presentAppeal(a, doc, svc, questions, tenant.slug, localToday(ctx));
}
