import type { ServiceCategory, ServiceInstance, ServiceManifest } from '@zemstvo/catalog';
import { pick, type Locale } from '@zemstvo/kernel';
import { serviceAttributes, type ServiceAttribute } from './attributes.ts';
import { parseServiceCode, serviceCodeOf } from './service-code.ts';

/** An installed, enabled instance of a package, with the package's manifest. */
export interface InstalledService {
  instance: ServiceInstance;
  manifest: ServiceManifest;
}

/** One entry of GET services, named as GeoReport v2 names it. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface ServiceDefinition {
  service_code: string;
  attributes: ServiceAttribute[];
}

/** A service found by its code: the instance and the category it stands for. */
export interface ResolvedService extends InstalledService {
  category: ServiceCategory;
  serviceCode: string;
}

/** Only enabled instances of packages that take residents' appeals are offered over Open311. */
export const offeredOverOpen311 = (s: InstalledService): boolean =>
  s.instance.enabled && s.manifest.startEvents.includes('appeal');

export function listServices(installed: readonly InstalledService[], locale: Locale): Open311Service[] {
  return installed.filter(offeredOverOpen311).flatMap((s) => {
    const metadata = serviceAttributes(s.manifest.intakeForm.fields, locale).length > 0;
    const instanceName = locale === 'en' ? s.instance.nameEn : s.instance.nameRu;
    return s.manifest.categories.map((c) => ({
      service_code: serviceCodeOf(s.instance.slug, c.code),
      service_name: pick(c.title, locale),
      description: c.description ? pick(c.description, locale) : `${instanceName}: ${pick(c.title, locale)}`,
      metadata,
      type: 'realtime' as const,
      keywords: (c.open311?.keywords ?? []).join(', '),
      group: c.open311?.group ?? instanceName,
    }));
  });
}

export function resolveService(installed: readonly InstalledService[], code: string): ResolvedService | null {
  const parts = parseServiceCode(code);
  if (!parts) return null;
  const s = installed.find((i) => i.instance.slug === parts.instanceSlug && offeredOverOpen311(i));
  const category = s?.manifest.categories.find((c) => c.code === parts.categoryCode);
  return s && category ? { ...s, category, serviceCode: code } : null;
}

export function serviceDefinition(service: ResolvedService, locale: Locale): ServiceDefinition {
  return {
    service_code: service.serviceCode,
    attributes: serviceAttributes(service.manifest.intakeForm.fields, locale),
  };
}

function daysPhrase(days: number, working: boolean, locale: Locale): string {
  if (locale === 'en') return `${days} ${working ? 'working ' : ''}day${days === 1 ? '' : 's'}`;
  const mod10 = days % 10;
  const mod100 = days % 100;
  const form =
    mod10 === 1 && mod100 !== 11 ? 0 : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 1 : 2;
  const noun = ['день', 'дня', 'дней'][form]!;
  const adjective = ['рабочий', 'рабочих', 'рабочих'][form]!;
  return `${days} ${working ? `${adjective} ` : ''}${noun}`;
}

/** What the resident can expect: the package's answer deadline rule, in words. */
export function serviceNotice(manifest: ServiceManifest, locale: Locale): string {
  const rule = manifest.deadlines.answer;
  const term = daysPhrase(rule.days, rule.unit === 'working', locale);
  return locale === 'en'
    ? `${pick(rule.title, locale)}: within ${term} of registration.`
    : `${pick(rule.title, locale)}: в течение ${term} со дня регистрации.`;
}
