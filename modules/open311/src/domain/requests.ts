import type { ServiceManifest } from '@zemstvo/catalog';
import { pick, type Locale } from '@zemstvo/kernel';
import { endOfLocalDay, formatW3DateTime } from './dates.ts';
import { serviceCodeOf } from './service-code.ts';
import { serviceNotice, type InstalledService } from './services.ts';
import { open311Status, statusNotes, type Open311Status } from './statuses.ts';

/** What a GeoReport v2 request shows of an appeal; never the applicant's personal data. */
export interface Open311Request {
  service_request_id: string;
  status: Open311Status;
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** The appeal as read for Open311 (see infra/requests.repository.ts). */
export interface AppealView {
  id: string;
  status: string;
  closedAt: Date | null;
  redirectedTo: string | null;
  categoryCode: string;
  instanceSlug: string;
  isPublic: boolean;
  receivedAt: Date;
  updatedAt: Date;
  answerDue: string | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  description: string;
  mediaUrl: string | null;
  applicantNames: readonly string[];
}

export interface PresentationContext {
  /** Every instance of the municipality, enabled or not: old requests keep their service's name. */
  installed: readonly InstalledService[];
  locale: Locale;
  timeZone: string;
  /** Department names by code (`departments.code`), in the request's locale. */
  departments: ReadonlyMap<string, string>;
  /** Hides personal data in a published text (the appeals module's masking, as on the public map). */
  mask: (text: string, names: readonly string[]) => string;
}

/**
 * The department the package routes a category to when nothing more is known (no theme, no
 * district yet): the first routing rule that names the category or nothing at all.
 */
export function routedDepartmentCode(manifest: ServiceManifest, categoryCode: string): string | null {
  const rule = manifest.routing.find(
    (r) =>
      (r.when.category === undefined || r.when.category === categoryCode) &&
      !r.when.theme &&
      !r.when.district,
  );
  return rule?.department ?? null;
}

/**
 * An appeal as a GeoReport v2 request. Where and what (address, point, description, media) is
 * shown only for reports the package publishes (`is_public`), with personal data masked as on the
 * public map; for other appeals — letters under 59-FZ — the text and the place may identify the
 * applicant, and only the status is told.
 */
export function presentRequest(a: AppealView, ctx: PresentationContext): Open311Request {
  const service = ctx.installed.find((s) => s.instance.slug === a.instanceSlug);
  const category = service?.manifest.categories.find((c) => c.code === a.categoryCode);
  const department = service ? routedDepartmentCode(service.manifest, a.categoryCode) : null;
  const shown = a.isPublic;
  return {
    service_request_id: a.id,
    status: open311Status(a.status, a.closedAt),
    status_notes: statusNotes(a.status, a.redirectedTo, ctx.locale),
    service_name: category ? pick(category.title, ctx.locale) : a.categoryCode,
    service_code: serviceCodeOf(a.instanceSlug, a.categoryCode),
    description: shown ? ctx.mask(a.description, a.applicantNames) : null,
    agency_responsible: department ? (ctx.departments.get(department) ?? null) : null,
    service_notice: service ? serviceNotice(service.manifest, ctx.locale) : null,
    requested_datetime: formatW3DateTime(a.receivedAt, ctx.timeZone),
    updated_datetime: formatW3DateTime(a.updatedAt, ctx.timeZone),
    expected_datetime: a.answerDue ? endOfLocalDay(a.answerDue, ctx.timeZone) : null,
    address: shown && a.address ? ctx.mask(a.address, a.applicantNames) : null,
    address_id: null,
    zipcode: null,
    lat: shown ? a.lat : null,
    long: shown ? a.lon : null,
    media_url: shown ? a.mediaUrl : null,
  };
}
