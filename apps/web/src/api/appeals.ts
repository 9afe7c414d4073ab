/**
 * The appeals API as the web app uses it: intake (POST /api/m/:m/appeals with Idempotency-Key),
 * the resident's cabinet (/api/me/appeals), the public map (/api/m/:m/reports).
 * Shapes follow modules/appeals/src/http (see /api/docs).
 */
import type { Point } from '../intake/intake-values.ts';
import { api } from './client.ts';
import type { Localized } from './types.ts';

/** The intake body: the package's form values by key (files fields hold attachment ids). */
export interface AppealSubmission {
  service: string;
  category: string;
  theme?: string;
  fields: Record<string, string | boolean | Point | string[]>;
}

/** What the intake answers: the appeal as it now stands. */
export interface SubmittedAppeal {
  id: string;
  status: string;
  registrationDue: string | null;
  regNumber?: string | null;
}

export const appealsApi = {
  submit: (municipality: string, body: AppealSubmission, idempotencyKey: string) =>
    api.post<SubmittedAppeal>(`/api/m/${encodeURIComponent(municipality)}/appeals`, body, {
      'Idempotency-Key': idempotencyKey,
    }),
  /** Uploads one photo or file before the appeal is sent (multipart, field `file`); its id goes in the form. */
  upload: (municipality: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post<{ id: string }>(`/api/m/${encodeURIComponent(municipality)}/appeals/uploads`, form);
  },
};

export type { Localized };
