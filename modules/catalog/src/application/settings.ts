import { badRequest } from '@zemstvo/kernel';
import type { ServiceManifest } from '../manifest/schema.ts';

/** Instance settings: the manifest's declared keys with their defaults, checked by type and range. */
export function resolveSettings(
  manifest: ServiceManifest,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const known = new Set(manifest.settings.map((s) => s.key));
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  if (unknown.length)
    throw badRequest('unknown_setting', `Unknown settings: ${unknown.join(', ')}`, { unknown });
  for (const s of manifest.settings) {
    const v = given[s.key] ?? s.default;
    const ok =
      (s.type === 'boolean' && typeof v === 'boolean') ||
      (s.type === 'string' && typeof v === 'string' && v.length <= 2000) ||
      (s.type === 'integer' &&
        Number.isInteger(v) &&
        (s.min === undefined || (v as number) >= s.min) &&
        (s.max === undefined || (v as number) <= s.max));
    if (!ok) throw badRequest('bad_setting', `Setting ${s.key} must be a valid ${s.type}`, { key: s.key });
    out[s.key] = v;
  }
  return out;
}
