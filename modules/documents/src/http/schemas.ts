import { z } from 'zod';
import { isIsoDate } from '@zemstvo/calendar';
import { municipalityParam, uuidSchema } from '@zemstvo/http';

export const tags = ['documents'];

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isIsoDate, 'no such date');

/** One line of text people type (titles, names, numbers). */
export const line = (max: number) => z.string().trim().min(1).max(max);

export const docParams = municipalityParam.extend({ id: uuidSchema });

export const resolutionOut = z.object({
  id: z.string(),
  documentId: z.string(),
  authorUserId: z.string(),
  instruction: z.string(),
  dueDate: z.string(),
  status: z.string(),
  supersedes: z.string().nullable(),
  createdAt: z.date(),
});

export const assignmentOut = z.object({
  id: z.string(),
  resolutionId: z.string(),
  documentId: z.string(),
  executorUserId: z.string(),
  role: z.string(),
  dueDate: z.string(),
  status: z.string(),
  report: z.string().nullable(),
  completedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const assignmentListOut = assignmentOut.extend({
  executorName: z.string().nullable(),
  instruction: z.string(),
  documentTitle: z.string(),
  documentNumber: z.string().nullable(),
  documentKind: z.string(),
  documentStatus: z.string(),
});
