import { parseW3DateTime } from './dates.ts';

/** GeoReport v2's limits on GET requests: the last 90 days by default, at most 1000 requests. */
export const DEFAULT_RANGE_DAYS = 90;
export const MAX_RANGE_DAYS = 90;
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RequestsQuery {
  service_request_id?: string | readonly string[] | undefined;
  service_code?: string | readonly string[] | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: string | readonly string[] | undefined;
}

export interface RequestSearch {
  ids: string[] | null;
  serviceCodes: string[] | null;
  from: Date | null;
  to: Date | null;
  status: 'open' | 'closed' | null;
  limit: number;
}

/** Comma-delimited values, possibly repeated: `status=open,closed` or `status=open&status=closed`. */
export function listValues(value: string | readonly string[] | undefined): string[] | null {
  if (value === undefined) return null;
  const values = (typeof value === 'string' ? [value] : value)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length ? [...new Set(values)] : null;
}

/**
 * The search a GET requests query asks for, or the problems with it. With `service_request_id` the
 * other parameters are ignored, as the standard says; otherwise the dates default to the last 90
 * days and may not span more than 90 days.
 */
export function requestSearch(
  q: RequestsQuery,
  now: Date,
): { search: RequestSearch } | { problems: string[] } {
  const ids = listValues(q.service_request_id);
  if (ids)
    // An id that is not one of ours matches nothing (no error: the standard lists what it finds).
    return {
      search: {
        ids: ids.filter((id) => UUID_RE.test(id)).map((id) => id.toLowerCase()),
        serviceCodes: null,
        from: null,
        to: null,
        status: null,
        limit: MAX_RESULTS,
      },
    };
  const problems: string[] = [];
  const statuses = listValues(q.status) ?? [];
  for (const s of statuses)
    if (s !== 'open' && s !== 'closed')
      problems.push(`status must be open or closed, not ${JSON.stringify(s.slice(0, 40))}`);
  const date = (name: 'start_date' | 'end_date') => {
    const text = q[name];
    if (text === undefined || text === '') return null;
    const parsed = parseW3DateTime(text);
    if (!parsed) problems.push(`${name} must be a W3C datetime such as 2026-03-01T00:00:00Z`);
    return parsed;
  };
  const start = date('start_date');
  const end = date('end_date');
  const from = start ?? new Date((end ?? now).getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  const to = end ?? (start ? new Date(start.getTime() + DEFAULT_RANGE_DAYS * DAY_MS) : now);
  if (start && end && end < start) problems.push('end_date must not be before start_date');
  else if (start && end && end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS)
    problems.push(`start_date and end_date may not span more than ${MAX_RANGE_DAYS} days`);
  if (problems.length) return { problems };
  const unique = new Set(statuses);
  return {
    search: {
      ids: null,
      serviceCodes: listValues(q.service_code),
      from,
      to,
      status: unique.size === 1 ? (statuses[0] as 'open' | 'closed') : null,
      limit: MAX_RESULTS,
    },
  };
}
