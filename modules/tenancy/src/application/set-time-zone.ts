import { writeAudit } from '@zemstvo/audit';
import { badRequest, forbidden, notFound, type Ctx } from '@zemstvo/kernel';
import { tenancyRepo } from '../infra/tenancy.repository.ts';

/** IANA names look like `Europe/Moscow`, `Asia/Vladivostok`, `UTC`: no numeric offsets (`+03:00`). */
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The canonical IANA name of a time zone (`asia/vladivostok` → `Asia/Vladivostok`), or
 * `400 invalid_time_zone`: Intl.DateTimeFormat throws a RangeError for a zone it does not know.
 */
export function checkTimeZone(name: string): string {
  const refuse = () =>
    badRequest(
      'invalid_time_zone',
      `"${name}" is not an IANA time zone name; use one like Europe/Moscow, Europe/Kaliningrad or Asia/Vladivostok`,
      { timeZone: name },
    );
  if (!IANA_NAME.test(name)) throw refuse();
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch (e) {
    if (e instanceof RangeError) throw refuse();
    throw e;
  }
}

/**
 * Sets the time zone a municipality counts its days in (registration dates, 59-FZ deadlines,
 * overdue, dashboards). Platform operators only (and the `zemstvo` CLI). The per-day summaries of
 * the municipality are rebuilt in this transaction (the analytics trigger on the column).
 */
export async function setMunicipalityTimeZone(
  ctx: Ctx,
  slug: string,
  timeZone: string,
): Promise<{ slug: string; timeZone: string }> {
  const actor = ctx.actor;
  if (actor.kind !== 'system' && !(actor.kind === 'user' && actor.userKind === 'operator'))
    throw forbidden('Only platform operators may change the time zone of a municipality');
  const zone = checkTimeZone(timeZone);
  const m = await tenancyRepo.municipalityBySlug(ctx.tx, slug);
  if (!m) throw notFound('Municipality', 'municipality_not_found');
  const before = await tenancyRepo.timeZoneForUpdate(ctx.tx, m.id);
  if (before === zone) return { slug, timeZone: zone };
  await tenancyRepo.setTimeZone(ctx.tx, m.id, zone);
  await writeAudit(ctx, {
    action: 'municipality.time_zone_changed',
    entity: 'municipality',
    entityId: m.id,
    before: { timeZone: before },
    after: { timeZone: zone },
    municipalityId: m.id,
  });
  return { slug, timeZone: zone };
}
