import { z } from 'zod';
import { municipalityParam, requirePermission, type Services, type TypedApp } from '@zemstvo/http';
import { notFound } from '@zemstvo/kernel';
import { installService, type InstallHook } from '../application/install-service.ts';
import { instancesRepo } from '../infra/instances.repository.ts';
import type { ServiceRegistry } from '../registry.ts';

const tags = ['catalog'];
const text = z.object({ ru: z.string(), en: z.string() });
const packageOut = z.object({
  slug: z.string(),
  version: z.string(),
  title: text,
  description: text,
  startEvents: z.array(z.string()),
  categories: z.array(z.object({ code: z.string(), title: text })),
});
const instanceOut = z.object({
  id: z.string(),
  slug: z.string(),
  packageSlug: z.string(),
  packageVersion: z.string(),
  name: text,
  enabled: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
});

export function catalogRoutes(registry: ServiceRegistry, hooks: readonly InstallHook[]) {
  return async (app: TypedApp, _services: Services): Promise<void> => {
    app.get(
      '/services',
      {
        schema: {
          tags,
          summary: 'Applied-service packages available in this installation',
          response: { 200: z.object({ items: z.array(packageOut) }) },
        },
      },
      async () => ({
        items: registry.all().map(({ manifest: m }) => ({
          slug: m.slug,
          version: m.version,
          title: m.title,
          description: m.description,
          startEvents: m.startEvents,
          categories: m.categories.map((c) => ({ code: c.code, title: c.title })),
        })),
      }),
    );

    app.get(
      '/m/:municipality/services',
      {
        schema: {
          tags,
          summary: 'Services installed in the municipality (public: residents choose where to write)',
          params: municipalityParam,
          response: { 200: z.object({ items: z.array(instanceOut) }) },
        },
      },
      async (req) => {
        const rows = await req.useCase((ctx) => instancesRepo.list(ctx.tx, ctx.tenant!.municipalityId));
        return {
          items: rows
            .filter((r) => r.enabled || req.abilities.can('service.manage'))
            .map((r) => ({
              ...r,
              name: { ru: r.nameRu, en: r.nameEn },
              settings: req.abilities.can('service.manage') ? r.settings : {},
            })),
        };
      },
    );

    app.post(
      '/m/:municipality/services',
      {
        preHandler: requirePermission('service.manage'),
        schema: {
          tags,
          summary: 'Install a package as an instance',
          params: municipalityParam,
          body: z.object({
            packageSlug: z.string().max(64),
            slug: z
              .string()
              .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
              .optional(),
            name: z
              .object({ ru: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) })
              .optional(),
            settings: z
              .record(z.string().max(64), z.union([z.boolean(), z.number(), z.string().max(2000)]))
              .optional(),
          }),
          response: { 201: instanceOut },
        },
      },
      async (req, reply) => {
        const i = await req.useCase((ctx) => installService(ctx, registry, hooks, req.body));
        return reply.status(201).send({ ...i, name: { ru: i.nameRu, en: i.nameEn } });
      },
    );

    app.get(
      '/m/:municipality/services/:slug',
      {
        schema: {
          tags,
          summary: 'An installed service with its intake form and categories (public)',
          params: municipalityParam.extend({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/) }),
        },
      },
      async (req) => {
        const i = await req.useCase((ctx) =>
          instancesRepo.bySlug(ctx.tx, ctx.tenant!.municipalityId, req.params.slug),
        );
        if (!i || (!i.enabled && !req.abilities.can('service.manage')))
          throw notFound('Service', 'service_not_found');
        const m = registry.get(i.packageSlug)!.manifest;
        return {
          id: i.id,
          slug: i.slug,
          name: { ru: i.nameRu, en: i.nameEn },
          packageSlug: m.slug,
          startEvents: m.startEvents,
          categories: m.categories,
          intakeForm: m.intakeForm,
          publicVisibility: m.publicVisibility,
          law59: m.law59,
          // What the executor drafts answers and notices from (the files stay in the package).
          templates: m.templates.map((t) => ({ code: t.code, title: t.title, purpose: t.purpose })),
        };
      },
    );
  };
}
