import { z } from 'zod';

/**
 * The applied-service manifest, version 1: one typed, validated declaration per package (like a
 * Decidim component or a Cal.com app). Everything a municipal function needs that is not code —
 * categories, intake form, routing, deadlines, templates, public visibility — is data here.
 * Packages are discovered at build time (`npm run build:services`) and validated: a broken package
 * fails the build, never a running server.
 */
export const MANIFEST_FORMAT = 1;

export const text = z.object({ ru: z.string().min(1).max(500), en: z.string().min(1).max(500) }).strict();
const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'codes are lowercase latin letters, digits, underscores');
const semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'version is MAJOR.MINOR.PATCH');

export const themeSchema = z.object({ code, title: text }).strict();

export const categorySchema = z
  .object({
    code,
    title: text,
    description: text.optional(),
    themes: z.array(themeSchema).default([]),
    /** Open311 service attributes: group and keywords; the service_code is `<instance>.<category>`. */
    open311: z
      .object({
        group: z.string().max(100).optional(),
        keywords: z.array(z.string().max(50)).max(20).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

export const formFieldSchema = z
  .object({
    key: code,
    type: z.enum([
      'text',
      'textarea',
      'email',
      'phone',
      'select',
      'checkbox',
      'location',
      'address',
      'files',
      'date',
    ]),
    label: text,
    hint: text.optional(),
    required: z.boolean().default(false),
    maxLength: z.number().int().min(1).max(100_000).optional(),
    options: z.array(z.object({ value: z.string().max(100), label: text }).strict()).optional(),
    /** Personal data: masked wherever the report is published (152-FZ). */
    personal: z.boolean().default(false),
  })
  .strict();

export const routingRuleSchema = z
  .object({
    when: z
      .object({ category: code.optional(), theme: code.optional(), district: z.string().max(200).optional() })
      .strict()
      .default({}),
    /** Department code in the municipality (`departments.code`) that receives the case. */
    department: z.string().max(50),
    /** Role key whose members in that department are proposed as executors. */
    executorRole: code.optional(),
  })
  .strict();

export const deadlineRuleSchema = z
  .object({
    code: z.string().max(80),
    version: z.number().int().min(1),
    days: z.number().int().min(0).max(365),
    unit: z.enum(['calendar', 'working']),
    rollover: z.enum(['previous', 'next', 'none']),
    source: z.string().max(300),
    title: text,
  })
  .strict();

export const templateSchema = z
  .object({
    code,
    title: text,
    /** What the rendered document is: the answer on the merits, a notice (extension, redirect…), … */
    purpose: z.enum([
      'answer',
      'notice_extension',
      'notice_redirect',
      'notice_no_answer',
      'notice_unreadable',
      'notice_abuse',
      'other',
    ]),
    /** Path of the DOCX file inside the package folder, per language. */
    file: z
      .object({
        ru: z.string().regex(/^templates\/[\w.-]+\.docx$/),
        en: z.string().regex(/^templates\/[\w.-]+\.docx$/),
      })
      .strict(),
  })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    slug: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
    version: semver,
    title: text,
    description: text,
    /** What the package needs from the platform. */
    requires: z.object({ platform: z.string().max(40), modules: z.array(z.string().max(40)) }).strict(),
    /** Start events it accepts (see the four start events in docs/architecture.md). */
    startEvents: z.array(z.enum(['appeal', 'order', 'interagency_request', 'signal'])).min(1),
    /** The registration journal its incoming documents go to. */
    journal: z.object({ code, name: text, numberFormat: z.string().min(3).max(60) }).strict(),
    /** The journal of its outgoing documents (answers, notices). */
    outgoingJournal: z.object({ code, name: text, numberFormat: z.string().min(3).max(60) }).strict(),
    categories: z.array(categorySchema).min(1),
    intakeForm: z.object({ fields: z.array(formFieldSchema).min(1) }).strict(),
    routing: z.array(routingRuleSchema).default([]),
    deadlines: z
      .object({
        registration: deadlineRuleSchema,
        answer: deadlineRuleSchema,
        redirect: deadlineRuleSchema.optional(),
        unreadableNotice: deadlineRuleSchema.optional(),
        extension: z
          .object({ maxDays: z.number().int().min(1).max(365), maxTimes: z.number().int().min(0).max(10) })
          .strict(),
        /** Remind executors this many working days before the due date; escalate to the head when overdue. */
        remindWorkingDaysBefore: z.number().int().min(0).max(30).default(3),
      })
      .strict(),
    /** 59-FZ rules (Art. 11: anonymous, unreadable, abusive, repeated) apply to this package's appeals. */
    law59: z.boolean(),
    templates: z.array(templateSchema).default([]),
    publicVisibility: z
      .object({
        /** Reports and their statuses are shown on the public map (personal data hidden). */
        publicByDefault: z.boolean(),
        /** FixMyStreet's duplicate radius, metres. */
        duplicateRadiusMeters: z.number().int().min(0).max(10_000).default(250),
      })
      .strict(),
    /** Per-instance settings a municipality may change: JSON Schema subset rendered as an admin form. */
    settings: z
      .array(
        z
          .object({
            key: code,
            label: text,
            type: z.enum(['boolean', 'integer', 'string']),
            default: z.union([z.boolean(), z.number(), z.string()]),
            min: z.number().optional(),
            max: z.number().optional(),
          })
          .strict(),
      )
      .default([]),
    /** Competences the executors need (for the learning service, LMS). */
    competences: z.array(z.object({ code, title: text }).strict()).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    const cats = new Set<string>();
    for (const c of m.categories) {
      if (cats.has(c.code))
        ctx.addIssue({ code: 'custom', message: `category ${c.code} declared twice`, path: ['categories'] });
      cats.add(c.code);
    }
    for (const [i, r] of m.routing.entries())
      if (r.when.category && !cats.has(r.when.category))
        ctx.addIssue({
          code: 'custom',
          message: `routing rule ${i} names unknown category ${r.when.category}`,
          path: ['routing', i],
        });
    const templates = new Set(m.templates.map((t) => t.code));
    if (templates.size !== m.templates.length)
      ctx.addIssue({ code: 'custom', message: 'template codes must be unique', path: ['templates'] });
  });

export type ServiceManifest = z.infer<typeof manifestSchema>;
export type ServiceManifestInput = z.input<typeof manifestSchema>;
export type ServiceCategory = z.infer<typeof categorySchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type RoutingRule = z.infer<typeof routingRuleSchema>;
