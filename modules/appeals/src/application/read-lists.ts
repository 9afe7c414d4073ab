import { instancesRepo, type ServiceManifest } from '@zemstvo/catalog';
import { notFound, unauthorized, type Ctx, type LocalizedText } from '@zemstvo/kernel';
import { maskPersonalData } from '../domain/masking.ts';
import { inboxRepo, type InboxBox, type InboxQuery, type InboxRow } from '../infra/inbox.repository.ts';
import {
  publicRepo,
  type ReportFilter,
  type ReportRow,
  type ResidentAppealRow,
} from '../infra/public.repository.ts';
import { isOverdue } from './appeal-view.ts';
import { localToday, requireTenant, serviceRegistry } from './context.ts';

type Titled = { code: string; title: LocalizedText };

function manifestOf(packageSlug: string): ServiceManifest | undefined {
  return serviceRegistry().get(packageSlug)?.manifest;
}

export function categoryOf(packageSlug: string, code: string): Titled {
  const c = manifestOf(packageSlug)?.categories.find((x) => x.code === code);
  return { code, title: c?.title ?? { ru: code, en: code } };
}

export function themeOf(packageSlug: string, category: string, theme: string | null): Titled | null {
  if (!theme) return null;
  const t = manifestOf(packageSlug)
    ?.categories.find((x) => x.code === category)
    ?.themes.find((x) => x.code === theme);
  return { code: theme, title: t?.title ?? { ru: theme, en: theme } };
}

export type InboxItem = Omit<InboxRow, 'categoryCode' | 'themeCode'> & {
  category: Titled;
  theme: Titled | null;
  overdue: boolean;
};

export interface InboxPage {
  items: InboxItem[];
  /** Exact up to INBOX_COUNT_CAP; above it the cap, and `totalIsEstimate` says «10 000+». */
  total: number;
  totalIsEstimate: boolean;
  limit: number;
  offset: number;
  counts: Record<InboxBox, number>;
  /** The boxes whose count is the cap, a lower bound («10 000+»). */
  estimatedCounts: InboxBox[];
}

/** One page of a staff inbox box with the filters, and the size of every box (the tabs). */
export async function listInbox(
  ctx: Ctx,
  query: Omit<InboxQuery, 'userId' | 'today' | 'canSign' | 'timeZone'>,
  caller: { canSign: boolean },
): Promise<InboxPage> {
  const tenant = requireTenant(ctx);
  if (ctx.actor.kind !== 'user') throw unauthorized();
  const scope = { userId: ctx.actor.userId, today: localToday(ctx), canSign: caller.canSign };
  const packages = new Map(
    (await instancesRepo.list(ctx.tx, tenant.municipalityId)).map((i) => [i.slug, i.packageSlug]),
  );
  const page = await inboxRepo.page(ctx.tx, tenant.municipalityId, {
    ...query,
    ...scope,
    timeZone: tenant.timeZone,
  });
  const { counts, estimated } = await inboxRepo.counts(ctx.tx, tenant.municipalityId, scope);
  const items = page.items.map(({ categoryCode, themeCode, ...row }) => {
    const pkg = packages.get(row.service) ?? '';
    return {
      ...row,
      category: categoryOf(pkg, categoryCode),
      theme: themeOf(pkg, categoryCode, themeCode),
      overdue: isOverdue({ ...row, registrationDue: row.registrationDue }, scope.today),
    };
  });
  return {
    items,
    total: page.total,
    totalIsEstimate: page.totalIsEstimate,
    limit: query.limit,
    offset: query.offset,
    counts,
    estimatedCounts: estimated,
  };
}

export type ResidentAppeal = Omit<ResidentAppealRow, 'categoryCode' | 'themeCode'> & {
  category: Titled;
  theme: Titled | null;
};

const presentResident = (r: ResidentAppealRow): ResidentAppeal => {
  const { categoryCode, themeCode, ...rest } = r;
  return {
    ...rest,
    category: categoryOf(r.packageSlug, categoryCode),
    theme: themeOf(r.packageSlug, categoryCode, themeCode),
  };
};

/** The signed-in resident's own appeals in every municipality. */
export async function listMyAppeals(ctx: Ctx, page: { limit: number; offset: number }) {
  if (ctx.actor.kind !== 'user') throw unauthorized();
  const { items, total } = await publicRepo.residentAppeals(
    ctx.tx,
    ctx.actor.userId,
    page.limit,
    page.offset,
  );
  return { items: items.map(presentResident), total, ...page };
}

export async function getMyAppeal(ctx: Ctx, id: string): Promise<ResidentAppeal> {
  if (ctx.actor.kind !== 'user') throw unauthorized();
  const row = await publicRepo.residentAppeal(
    ctx.tx,
    ctx.actor.userId,
    requireTenant(ctx).municipalityId,
    id,
  );
  if (!row) throw notFound('Appeal', 'appeal_not_found');
  return presentResident(row);
}

export interface PublicReport {
  id: string;
  service: string;
  status: string;
  category: Titled;
  theme: Titled | null;
  location: { lat: number; lon: number } | null;
  /** The text with personal data masked (e-mails, phones, the applicant's names, house and flat numbers). */
  text: string;
  receivedAt: Date;
}

export function presentReport(r: ReportRow): PublicReport {
  const names = [
    r.applicantName,
    ...['last_name', 'first_name', 'patronymic', 'name'].map((k) => r.form[k]),
  ].filter((x): x is string => typeof x === 'string');
  return {
    id: r.id,
    service: r.service,
    status: r.status,
    category: categoryOf(r.packageSlug, r.categoryCode),
    theme: themeOf(r.packageSlug, r.categoryCode, r.themeCode),
    location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
    text: maskPersonalData(r.text, names),
    receivedAt: r.receivedAt,
  };
}

/** The public map: reports of the municipality's public packages (see publicRepo.reports). */
export async function listReports(ctx: Ctx, filter: Omit<ReportFilter, 'instanceIds'>) {
  const tenant = requireTenant(ctx);
  const instanceIds = (await instancesRepo.list(ctx.tx, tenant.municipalityId))
    .filter((i) => i.enabled && manifestOf(i.packageSlug)?.publicVisibility.publicByDefault === true)
    .map((i) => i.id);
  const { items, total } = await publicRepo.reports(ctx.tx, tenant.municipalityId, {
    ...filter,
    instanceIds,
  });
  return { items: items.map(presentReport), total, limit: filter.limit, offset: filter.offset };
}
