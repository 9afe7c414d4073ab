import { z } from 'zod';
import { municipalityParam, uuidSchema } from '@zemstvo/http';

export const tags = ['auth'];

export const emailIn = z.string().trim().min(3).max(320);
export const passwordIn = z.string().min(1).max(1000);

export const userOut = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  kind: z.enum(['resident', 'staff', 'regional', 'operator']),
  regionId: z.string().nullable(),
  locale: z.enum(['ru', 'en']),
});

export const sessionOut = z.object({ user: userOut, csrfToken: z.string() });

export const meOut = z.object({
  user: userOut,
  csrfToken: z.string().nullable(),
  memberships: z.array(
    z.object({
      slug: z.string(),
      name: z.object({ ru: z.string(), en: z.string() }),
      roleKeys: z.array(z.string()),
    }),
  ),
});

const permissionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'permission keys look like resource.action');

export const tokenIn = z.object({
  name: z.string().trim().min(1).max(200),
  permissions: z.array(permissionKey).min(1).max(200),
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

export const tokenOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(z.string()),
  owner: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const tokenIdParams = municipalityParam.extend({ id: uuidSchema });

export const providerParams = z.object({
  provider: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'provider name'),
});
