/**
 * The appeals API as the web app uses it: intake (POST /api/m/:m/appeals with Idempotency-Key),
 * the resident's cabinet (/api/me/appeals), the public map (/api/m/:m/reports).
 * Shapes follow modules/appeals/src/http (see /api/docs).
 */
import type { Point } from '../intake/intake-values.ts';
import { api, ApiError } from './client.ts';
import type { Localized } from './types.ts';

/** The intake body: the package's form values by key (files fields hold attachment ids). */
export interface AppealSubmission {
  service: string;
  category: string;
  theme?: string;
  fields: Record<string, string | boolean | Point | string[]>;
}

/** What the intake answers: the appeal as it now stands (201 created, 200 the same key again). */
export interface SubmittedAppeal {
  id: string;
  municipality: string;
  service: string;
  category: { code: string; title: Localized };
  status: string;
  stage: string;
  receivedAt: string;
  registrationDue: string;
  isPublic: boolean;
}

export interface SubmitResult {
  appeal: SubmittedAppeal;
  created: boolean;
}

export const appealsApi = {
  submit: (municipality: string, body: AppealSubmission, idempotencyKey: string) =>
    api.post<SubmitResult>(`/api/m/${encodeURIComponent(municipality)}/appeals`, body, {
      'Idempotency-Key': idempotencyKey,
    }),
  /** Uploads one photo or file before the appeal is sent (multipart); its id goes in the form's files field. */
  upload: async (municipality: string, file: File): Promise<{ id: string }> => {
    const form = new FormData();
    form.append('file', file, file.name);
    const res = await api.post<{ items: { id: string }[] }>(
      `/api/m/${encodeURIComponent(municipality)}/appeals/uploads`,
      form,
    );
    const [staged] = res.items;
    if (!staged) throw new ApiError('no_files', 'The server kept no file', 400);
    return staged;
  },
};

export type { Localized };

export interface Titled {
  code: string;
  title: Localized;
}

/** An appeal as staff see it (GET /api/m/:m/appeals/:id → appeal). */
export interface AppealView {
  id: string;
  municipality: string;
  service: { id: string; slug: string; packageSlug: string; name: Localized; law59: boolean };
  category: Titled;
  theme: Titled | null;
  status: string;
  stage: string;
  statusGroup: string;
  regNumber: string | null;
  regDate: string | null;
  receivedAt: string;
  registeredAt: string | null;
  registrationDue: string;
  answerDue: string | null;
  redirectDue: string | null;
  noticeDue: string | null;
  extensions: number;
  extensionReason: string | null;
  deadlineRule: { code: string; version: number };
  overdue: boolean;
  applicant: {
    userId: string | null;
    name: string | null;
    email: string | null;
    postalAddress: string | null;
    phone: string | null;
  };
  text: string;
  address: string | null;
  location: Point | null;
  isPublic: boolean;
  specialHandling: { code: string; source: string; note: string | null } | null;
  suggestedSpecialHandling: string | null;
  crimeForwardedTo: string | null;
  redirectedTo: string | null;
  duplicateOf: string | null;
  closedAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  rejectedAt: string | null;
  rejectionComment: string | null;
  answerDocumentId: string | null;
  sourceChannel: string;
  questions: {
    n: number;
    text: string;
    themeCode: string | null;
    repetition: string;
    repeatedOf: string | null;
  }[];
  form: Record<string, unknown>;
}

export interface AppealDetail {
  appeal: AppealView;
  history: { at: string; actor: string; type: string; data: Record<string, unknown> }[];
  documents: {
    id: string;
    kind: string;
    direction: string;
    status: string;
    regNumber: string | null;
    title: string;
  }[];
}

/** Grounds of 59-FZ Art. 11 on which no answer on the merits is given. */
export const SPECIAL_HANDLING = [
  'anonymous',
  'crime_forwarded',
  'court_decision',
  'abusive',
  'unreadable',
  'essence_unclear',
  'repeated_no_new_arguments',
] as const;

/** Statuses staff set by hand; the others follow from registration, the answer, a redirect. */
export const STAFF_SETTABLE = [
  'investigating',
  'in_progress',
  'planned',
  'fixed',
  'unable_to_fix',
  'not_responsible',
  'duplicate',
  'closed',
] as const;

export const appealPath = (municipality: string, id: string, rest = '') =>
  `/api/m/${encodeURIComponent(municipality)}/appeals/${encodeURIComponent(id)}${rest}`;

/** A dispatched answer or notice to the resident's appeal. */
export interface ResidentAnswer {
  id: string;
  kind: string;
  regNumber: string | null;
  regDate: string | null;
  title: string;
  /** Where the signed file is downloaded, when the server names it. */
  downloadUrl?: string | null;
}

/** One of the resident's own appeals (GET /api/me/appeals, …/:municipality/:id). */
export interface ResidentAppeal {
  id: string;
  municipality: string;
  municipalityName: Localized;
  service: string;
  serviceName: Localized;
  packageSlug: string;
  category: Titled;
  theme: Titled | null;
  status: string;
  stage: string;
  regNumber: string | null;
  regDate: string | null;
  text: string;
  address: string | null;
  receivedAt: string;
  registrationDue: string;
  answerDue: string | null;
  extensions: number;
  redirectedTo: string | null;
  specialHandling: string | null;
  closedAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  rejectedAt: string | null;
  answers: ResidentAnswer[];
}

export interface Paged<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const myAppealPath = (municipality: string, id: string, rest = '') =>
  `/api/me/appeals/${encodeURIComponent(municipality)}/${encodeURIComponent(id)}${rest}`;

/** The signed file of an answer, for the resident (PDF). */
export const answerDownloadPath = (municipality: string, appealId: string, answer: ResidentAnswer) =>
  answer.downloadUrl ??
  myAppealPath(municipality, appealId, `/answers/${encodeURIComponent(answer.id)}/file`);

/** A public report on the map (GET /api/m/:m/reports): no personal data, text masked. */
export interface PublicReport {
  id: string;
  service: string;
  status: string;
  category: Titled;
  theme: Titled | null;
  location: Point | null;
  text: string;
  receivedAt: string;
}
