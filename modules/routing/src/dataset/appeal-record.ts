import type { RoutingInput } from '../engine/featurizer.ts';

/**
 * One appeal as the St. Petersburg data set stores it (`id`, `created_at`, `text`, `category`,
 * `reason`, `city_object`, `district`, `municipality`, `lat`, `lon`, `address`, `executor_org`,
 * `statuses`, `answers`), read leniently: labels may be missing (prediction input), coordinates
 * may be strings. Only `id` and `text` are required.
 */
export interface AppealRecord extends RoutingInput {
  id: string | number;
  createdAt: string | null;
  category: string | null;
  reason: string | null;
  executorOrg: string | null;
  /** The organisation of the last answer: the executor when the record names none yet. */
  answerOrg: string | null;
}

export type ParsedRecord = { ok: true; record: AppealRecord } | { ok: false; error: string };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function optionalString(o: Record<string, unknown>, key: string): string | null | Error {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return new Error(`"${key}" must be a string`);
  return v.trim() === '' ? null : v;
}

function coordinate(o: Record<string, unknown>, key: string, limit: number): number | null | Error {
  const v = o[key];
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit)
    return new Error(`"${key}" must be a number within ±${limit}`);
  return n;
}

function lastAnswerOrg(answers: unknown): string | null {
  if (!Array.isArray(answers) || answers.length === 0) return null;
  const last: unknown = answers[answers.length - 1];
  return Array.isArray(last) && typeof last[1] === 'string' && last[1].trim() !== '' ? last[1] : null;
}

/** Checks one parsed JSON line; the error names the offending field. */
export function parseAppealRecord(value: unknown): ParsedRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'not a JSON object' };
  const o = value as Record<string, unknown>;
  const id = o.id;
  if (!(typeof id === 'string' && id.trim() !== '') && !(typeof id === 'number' && Number.isFinite(id)))
    return { ok: false, error: '"id" is missing (a string or a number)' };
  if (typeof o.text !== 'string') return { ok: false, error: '"text" is missing (a string)' };
  const fields = {
    createdAt: optionalString(o, 'created_at'),
    category: optionalString(o, 'category'),
    reason: optionalString(o, 'reason'),
    executorOrg: optionalString(o, 'executor_org'),
    district: optionalString(o, 'district'),
    cityObject: optionalString(o, 'city_object'),
    municipality: optionalString(o, 'municipality'),
    address: optionalString(o, 'address'),
    lat: coordinate(o, 'lat', 90),
    lon: coordinate(o, 'lon', 180),
  };
  for (const v of Object.values(fields)) if (v instanceof Error) return { ok: false, error: v.message };
  const f = fields as { [K in keyof typeof fields]: Exclude<(typeof fields)[K], Error> };
  if (f.createdAt !== null && !ISO_DATE_TIME.test(f.createdAt))
    return { ok: false, error: '"created_at" must be an ISO date-time (YYYY-MM-DDTHH:MM:SS)' };
  return { ok: true, record: { id, text: o.text, answerOrg: lastAnswerOrg(o.answers), ...f } };
}
