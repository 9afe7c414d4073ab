import { ApiError } from '../api/client.ts';

interface Detail {
  path: string;
  message?: string;
}

const detailsOf = (details: unknown): Detail[] => {
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null && 'issues' in details && Array.isArray(details.issues)
      ? details.issues
      : [];
  return list.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null || !('path' in d)) return [];
    const path = Array.isArray(d.path) ? d.path.join('.') : typeof d.path === 'string' ? d.path : null;
    if (path === null) return [];
    const message = 'message' in d && typeof d.message === 'string' ? d.message : undefined;
    return [{ path, ...(message ? { message } : {}) }];
  });
};

/**
 * The form keys a refused submission names: `validation_failed` details with a path such as
 * `fields.text`, `body.fields.text`, `text` or `category`. The server's message is kept (it may be
 * in either language); the form shows its own translated message next to the field.
 */
export function serverFieldErrors(error: unknown, keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return out;
  for (const d of detailsOf(error.details)) {
    const parts = d.path.split('.').filter((p) => p !== 'body' && p !== 'fields');
    const key = parts.find((p) => keys.includes(p));
    if (key && !out.has(key)) out.set(key, d.message ?? '');
  }
  return out;
}
