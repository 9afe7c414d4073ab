import { z } from 'zod';
import { municipalityParam, uuidSchema } from '@zemstvo/http';

const name = z.string().trim().min(1, 'must not be empty').max(300);

export const municipalityOut = z.object({
  slug: z.string(),
  regionSlug: z.string(),
  name: z.object({ ru: z.string(), en: z.string() }),
  ftsConfig: z.string(),
  /** IANA time zone the municipality counts its days in. */
  timeZone: z.string(),
});

/** An IANA time zone name; whether it exists is checked by the use case (400 invalid_time_zone). */
const timeZoneName = z.string().trim().min(1, 'must not be empty').max(64);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'slug: lowercase latin letters, digits, dashes');
export const regionIn = z.object({ slug, nameRu: name, nameEn: name });
export const municipalityIn = z.object({
  regionSlug: slug,
  slug,
  nameRu: name,
  nameEn: name,
  ftsConfig: z.enum(['russian', 'english', 'simple']).default('russian'),
  timeZone: timeZoneName.default('Europe/Moscow'),
});
export const municipalityPatch = z.object({ timeZone: timeZoneName });

export const departmentIn = z.object({
  parentId: uuidSchema.nullable().default(null),
  code: z.string().trim().max(50).nullable().default(null),
  nameRu: name,
  nameEn: name,
});
export const departmentPatch = departmentIn
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export const departmentOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string().nullable(),
  nameRu: z.string(),
  nameEn: z.string(),
});

export const positionIn = z.object({ departmentId: uuidSchema, titleRu: name, titleEn: name });
export const positionOut = positionIn.extend({ id: z.string(), departmentId: z.string() });

const permissionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'permission keys look like resource.action');
export const roleIn = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'role key: lowercase latin letters, digits, underscores'),
  nameRu: name,
  nameEn: name,
  permissions: z.array(permissionKey).max(500),
});
export const rolePatch = roleIn.omit({ key: true }).partial();
export const roleOut = roleIn.extend({ id: z.string() });

export const memberIn = z.object({
  userId: uuidSchema,
  positionId: uuidSchema.nullable().default(null),
  roleKeys: z.array(z.string().max(64)).max(50),
});
export const memberRolesIn = z.object({ roleKeys: z.array(z.string().max(64)).max(50) });
export const memberOut = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  positionId: z.string().nullable(),
  roleKeys: z.array(z.string()),
});

export const idParams = municipalityParam.extend({ id: uuidSchema });
export const userParams = municipalityParam.extend({ userId: uuidSchema });
