import type { ServiceDetail } from '../api/catalog.ts';
import type { DraftReport } from '../api/search.ts';
import { pointOf, type IntakeValues, type LocationValue } from './intake-values.ts';

/**
 * The draft the duplicate check needs — service, category, the point and the text (the `text`
 * field, else the first textarea, as the server reads it) — or null when the service's reports
 * are not public or the form has no point yet.
 */
export function duplicateDraft(
  service: Pick<ServiceDetail, 'slug' | 'publicVisibility' | 'intakeForm'>,
  category: string,
  values: IntakeValues,
): DraftReport | null {
  if (!service.publicVisibility.publicByDefault || !category) return null;
  const fields = service.intakeForm.fields;
  const location = fields.find((f) => f.type === 'location');
  const raw = location ? values[location.key] : undefined;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const point = pointOf(raw as LocationValue);
  if (!point) return null;
  const textField = fields.find((f) => f.key === 'text') ?? fields.find((f) => f.type === 'textarea');
  const text = textField ? values[textField.key] : undefined;
  return {
    service: service.slug,
    category,
    lat: point.lat,
    lon: point.lon,
    ...(typeof text === 'string' && text.trim() ? { text: text.trim().slice(0, 5000) } : {}),
  };
}
