import { z } from 'zod';
import { isIsoDate } from '@zemstvo/calendar';
import { municipalityParam, uuidSchema } from '@zemstvo/http';
import { SPECIAL_HANDLING } from '../domain/special-handling.ts';
import { APPEAL_STATUSES, STAFF_SETTABLE } from '../domain/statuses.ts';
import { INBOX_BOXES, INBOX_SORTS } from '../infra/inbox.repository.ts';

const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'codes are lowercase latin letters, digits, underscores');
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'slug: lowercase latin letters, digits, dashes');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(isIsoDate, 'no such date');
const note = z.string().trim().max(2000);
export const text = z.object({ ru: z.string(), en: z.string() });
const titled = z.object({ code: z.string(), title: text });

export const idParams = municipalityParam.extend({ id: uuidSchema });

export const submitIn = z.object({
  service: slug,
  category: code,
  theme: code.nullable().optional(),
  /** Values of the package's intake form by field key; the form's own rules are checked by the use case. */
  fields: z
    .record(z.string().max(64), z.unknown())
    .refine((f) => Object.keys(f).length <= 100, 'at most 100 fields'),
  isPublic: z.boolean().optional(),
  channel: z.enum(['web', 'widget']).default('web'),
});

export const submittedOut = z.object({
  appeal: z.object({
    id: z.string(),
    municipality: z.string(),
    service: z.string(),
    category: titled,
    status: z.string(),
    stage: z.string(),
    receivedAt: z.date(),
    registrationDue: z.string(),
    isPublic: z.boolean(),
  }),
  created: z.boolean(),
});

const question = z.object({
  n: z.number(),
  text: z.string(),
  themeCode: z.string().nullable(),
  repetition: z.string(),
  repeatedOf: z.string().nullable(),
});

export const appealOut = z.object({
  id: z.string(),
  municipality: z.string(),
  service: z.object({
    id: z.string(),
    slug: z.string(),
    packageSlug: z.string(),
    name: text,
    law59: z.boolean(),
  }),
  category: titled,
  theme: titled.nullable(),
  status: z.string(),
  stage: z.string(),
  statusGroup: z.string(),
  regNumber: z.string().nullable(),
  regDate: z.date().nullable(),
  receivedAt: z.date(),
  registeredAt: z.date().nullable(),
  registrationDue: z.string(),
  answerDue: z.string().nullable(),
  redirectDue: z.string().nullable(),
  noticeDue: z.string().nullable(),
  extensions: z.number(),
  extensionReason: z.string().nullable(),
  deadlineRule: z.object({ code: z.string(), version: z.number() }),
  overdue: z.boolean(),
  applicant: z.object({
    userId: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    postalAddress: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  text: z.string(),
  address: z.string().nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  isPublic: z.boolean(),
  specialHandling: z.object({ code: z.string(), source: z.string(), note: z.string().nullable() }).nullable(),
  suggestedSpecialHandling: z.string().nullable(),
  crimeForwardedTo: z.string().nullable(),
  redirectedTo: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  closedAt: z.date().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  rejectedAt: z.date().nullable(),
  rejectionComment: z.string().nullable(),
  answerDocumentId: z.string().nullable(),
  sourceChannel: z.string(),
  questions: z.array(question),
  form: z.record(z.string(), z.unknown()),
});

export const appealDetailOut = z.object({
  appeal: appealOut,
  history: z.array(
    z.object({ at: z.date(), actor: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()) }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      direction: z.string(),
      status: z.string(),
      regNumber: z.string().nullable(),
      title: z.string(),
    }),
  ),
});

/** `status=registered,in_progress`: a comma-separated list of statuses. */
const statusList = z
  .string()
  .max(500)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(APPEAL_STATUSES)).max(20));

export const inboxQuery = z.object({
  box: z.enum(INBOX_BOXES).default('all'),
  status: statusList.optional(),
  category: code.optional(),
  service: slug.optional(),
  executor: uuidSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(INBOX_SORTS).default('received_desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const boxCounts = z.object(
  Object.fromEntries(INBOX_BOXES.map((b) => [b, z.number()])) as Record<
    (typeof INBOX_BOXES)[number],
    z.ZodNumber
  >,
);

export const inboxOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      regNumber: z.string().nullable(),
      regDate: z.date().nullable(),
      title: z.string(),
      excerpt: z.string(),
      status: z.string(),
      stage: z.string(),
      service: z.string(),
      category: titled,
      theme: titled.nullable(),
      applicantName: z.string().nullable(),
      receivedAt: z.date(),
      registeredAt: z.date().nullable(),
      registrationDue: z.string(),
      answerDue: z.string().nullable(),
      noticeDue: z.string().nullable(),
      closedAt: z.date().nullable(),
      specialHandling: z.string().nullable(),
      executorName: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  /** Exact up to 10,000 cases; above, 10,000 with `totalIsEstimate` (shown as «10 000+»). */
  total: z.number(),
  totalIsEstimate: z.boolean().default(false),
  limit: z.number(),
  offset: z.number(),
  counts: boxCounts,
  /** Boxes holding more than 10,000 cases: their count is 10,000, a lower bound. */
  estimatedCounts: z.array(z.enum(INBOX_BOXES)).default([]),
});

const specialHandlingIn = z.object({
  code: z.enum(SPECIAL_HANDLING),
  note: note.nullable().optional(),
  forwardedTo: z.string().trim().min(1).max(500).nullable().optional(),
});

export const registerIn = z.object({
  questions: z
    .array(z.object({ text: z.string().trim().min(1).max(20_000), theme: code.nullable().optional() }))
    .max(50)
    .optional(),
  category: code.optional(),
  theme: code.nullable().optional(),
  isPublic: z.boolean().optional(),
  specialHandling: specialHandlingIn.nullable().optional(),
});
export { specialHandlingIn };

export const redirectIn = z.object({
  to: z.string().trim().min(2).max(500),
  note: note.nullable().optional(),
});
export const extendIn = z.object({
  days: z.number().int().min(1).max(365),
  reason: z.string().trim().min(3).max(2000),
});
export const statusIn = z.object({
  status: z.enum(STAFF_SETTABLE as unknown as [string, ...string[]]),
  duplicateOf: uuidSchema.nullable().optional(),
  comment: note.nullable().optional(),
});

export const residentParams = municipalityParam.extend({ id: uuidSchema });
export const ratingIn = z.object({
  rating: z.number().int().min(1).max(5),
  comment: note.nullable().optional(),
});
export const rejectionIn = z.object({ comment: z.string().trim().min(3).max(5000) });

export const residentAppealOut = z.object({
  id: z.string(),
  municipality: z.string(),
  municipalityName: text,
  service: z.string(),
  serviceName: text,
  packageSlug: z.string(),
  category: titled,
  theme: titled.nullable(),
  status: z.string(),
  stage: z.string(),
  regNumber: z.string().nullable(),
  regDate: z.date().nullable(),
  text: z.string(),
  address: z.string().nullable(),
  receivedAt: z.date(),
  registrationDue: z.string(),
  answerDue: z.string().nullable(),
  extensions: z.number(),
  redirectedTo: z.string().nullable(),
  specialHandling: z.string().nullable(),
  closedAt: z.date().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  rejectedAt: z.date().nullable(),
  answers: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      regNumber: z.string().nullable(),
      regDate: z.string().nullable(),
      title: z.string(),
    }),
  ),
});

export const reportsQuery = z.object({
  bbox: z
    .string()
    .max(200)
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'bbox is minLon,minLat,maxLon,maxLat')
    .transform((s) => s.split(',').map(Number))
    .refine(
      ([minLon, minLat, maxLon, maxLat]) => minLon! <= maxLon! && minLat! <= maxLat!,
      'bbox corners are min then max',
    )
    .transform(([minLon, minLat, maxLon, maxLat]) => ({
      minLon: minLon!,
      minLat: minLat!,
      maxLon: maxLon!,
      maxLat: maxLat!,
    }))
    .optional(),
  status: statusList.optional(),
  category: code.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const reportOut = z.object({
  id: z.string(),
  service: z.string(),
  status: z.string(),
  category: titled,
  theme: titled.nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  text: z.string(),
  receivedAt: z.date(),
});

export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const overrideParams = z.object({ date: isoDate });
export const overrideIn = z.object({
  kind: z.enum(['off', 'working']),
  note: z.string().trim().max(500).default(''),
});
export const overrideOut = z.object({
  date: z.string(),
  kind: z.string(),
  note: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.date(),
});
export const calendarOut = z.object({
  year: z.number(),
  covered: z.boolean(),
  workingDays: z.number(),
  daysOff: z.array(z.string()),
  workingWeekends: z.array(z.string()),
  overrides: z.array(overrideOut),
});
