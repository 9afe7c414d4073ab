import type { FormField } from '@zemstvo/catalog';
import { splitIntakeForm, validateAttributes, type StandardParameter } from './attributes.ts';
import { parseW3DateTime } from './dates.ts';

/** The standard parameters of a POST requests call (after validation of their shapes). */
export interface PostedRequest {
  lat?: number | undefined;
  long?: number | undefined;
  address_string?: string | undefined;
  address_id?: string | undefined;
  email?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  phone?: string | undefined;
  description?: string | undefined;
  media_url?: string | undefined;
  attribute?: Readonly<Record<string, string | readonly string[]>> | undefined;
}

/** What the intake use case needs: the intake form's values, and where the problem is. */
export interface MappedSubmission {
  form: Record<string, unknown>;
  location: { lat: number; lon: number } | null;
  address: string | null;
  mediaUrl: string | null;
}

const trimmed = (v: string | undefined) => (v === undefined ? '' : v.trim());

/** A W3C datetime as the calendar date it falls on in the municipality (`YYYY-MM-DD`). */
function localDateOf(w3: string, timeZone: string): string {
  const instant = parseW3DateTime(w3)!;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * Maps a GeoReport v2 request onto the package's intake form: the standard parameters fill the
 * fields they stand for, `attribute[code]` fills the rest. Returns the problems (one description
 * each, named by the standard's parameters) when the request does not satisfy the service.
 */
export function mapSubmission(
  fields: readonly FormField[],
  posted: PostedRequest,
  timeZone: string,
): { submission: MappedSubmission } | { problems: string[] } {
  const problems: string[] = [];
  const hasLat = posted.lat !== undefined;
  const hasLong = posted.long !== undefined;
  const address = trimmed(posted.address_string);
  if (hasLat !== hasLong) problems.push('lat and long must be given together');
  else if (!hasLat && !address && !trimmed(posted.address_id))
    problems.push('A location is required: lat and long, address_string or address_id');
  if (
    posted.media_url !== undefined &&
    posted.media_url.trim() &&
    !/^https?:\/\/\S+$/i.test(posted.media_url.trim())
  )
    problems.push('media_url must be an http(s) URL');

  const { standard } = splitIntakeForm(fields);
  const form: Record<string, unknown> = {};
  const fullName = [trimmed(posted.first_name), trimmed(posted.last_name)].filter(Boolean).join(' ');
  const given: Partial<Record<StandardParameter, unknown>> = {
    location: hasLat && hasLong ? { lat: posted.lat, lon: posted.long } : undefined,
    address_string: address || undefined,
    description: trimmed(posted.description) || undefined,
    email: trimmed(posted.email) || undefined,
    phone: trimmed(posted.phone) || undefined,
    first_name: trimmed(posted.first_name) || undefined,
    last_name: trimmed(posted.last_name) || undefined,
    full_name: fullName || undefined,
  };
  for (const [param, field] of standard) {
    if (param === 'media_url') continue;
    const value = given[param];
    if (value !== undefined) form[field.key] = value;
    else if (field.required)
      problems.push(
        param === 'location'
          ? 'lat and long are required for this service'
          : `${param === 'full_name' ? 'first_name or last_name' : param} is required for this service`,
      );
  }

  const attributes = validateAttributes(fields, posted.attribute ?? {});
  problems.push(...attributes.problems.map((p) => p.message));
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const [key, value] of Object.entries(attributes.values)) {
    const field = byKey.get(key)!;
    form[key] =
      field.type === 'checkbox'
        ? value === 'true'
        : field.type === 'date'
          ? localDateOf(value, timeZone)
          : value;
  }
  if (problems.length) return { problems };
  return {
    submission: {
      form,
      location: hasLat && hasLong ? { lat: posted.lat!, lon: posted.long! } : null,
      address: address || null,
      mediaUrl: trimmed(posted.media_url) || null,
    },
  };
}
