/**
 * Open311 service codes: one service per category of each enabled service instance, coded
 * `<instance slug>.<category code>` (e.g. `urban-reports.roads`). Instance slugs have no dots and
 * category codes neither, so the code splits unambiguously at its only dot.
 */
export interface ServiceCodeParts {
  instanceSlug: string;
  categoryCode: string;
}

const SERVICE_CODE_RE = /^([a-z0-9][a-z0-9-]{1,62})\.([a-z][a-z0-9_]{0,62})$/;

export const serviceCodeOf = (instanceSlug: string, categoryCode: string): string =>
  `${instanceSlug}.${categoryCode}`;

/** The instance and category a service code names, or null when it is not one of ours. */
export function parseServiceCode(code: string): ServiceCodeParts | null {
  const m = SERVICE_CODE_RE.exec(code);
  return m ? { instanceSlug: m[1]!, categoryCode: m[2]! } : null;
}
