/**
 * Executors relative to the appeal's district. Most executors are district bodies ("СПб ГКУ ЖА
 * Невского района", "Администрация Невского района"): learnt as a pattern with the district in
 * it ("СПб ГКУ ЖА {D}ого района"), one class serves every district and a district with few
 * appeals borrows the evidence of the others. The district's stem is its name without the
 * two-letter adjective ending ("Невский" → "Невск"), matched in any case form.
 */
export const DISTRICT_SLOT = '{D}';

export function districtStem(district: string | null | undefined): string | null {
  if (!district) return null;
  const d = district.trim();
  if (d.length < 6 || !/(ий|ый|ой)$/.test(d)) return null;
  return d.slice(0, -2);
}

/** The executor as a pattern of the district, or the name itself when it does not mention it. */
export function executorPattern(executor: string, district: string | null | undefined): string {
  const stem = districtStem(district);
  if (!stem || executor.includes(DISTRICT_SLOT)) return executor;
  const at = executor.indexOf(stem);
  if (at < 0) return executor;
  return executor.slice(0, at) + DISTRICT_SLOT + executor.slice(at + stem.length);
}

/** The executor a pattern names in a district; null when the pattern needs a district it lacks. */
export function executorName(pattern: string, district: string | null | undefined): string | null {
  if (!pattern.includes(DISTRICT_SLOT)) return pattern;
  const stem = districtStem(district);
  return stem ? pattern.replace(DISTRICT_SLOT, stem) : null;
}
