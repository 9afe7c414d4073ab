import { z } from 'zod';
import {
  municipalityParam,
  requireOperator,
  requirePermission,
  tenantCache,
  type Services,
  type TypedApp,
} from '@zemstvo/http';
import { AppError, notFound } from '@zemstvo/kernel';
import { tenancyRepo } from '../infra/tenancy.repository.ts';
import { createDepartment, createPosition, updateDepartment } from '../application/manage-departments.ts';
import { createRole, updateRole } from '../application/manage-roles.ts';
import { addMember, setMemberRoles } from '../application/manage-members.ts';
import { createMunicipality, createRegion } from '../application/create-municipality.ts';
import { setMunicipalityTimeZone } from '../application/set-time-zone.ts';
import {
  departmentIn,
  departmentOut,
  departmentPatch,
  idParams,
  memberIn,
  memberOut,
  memberRolesIn,
  municipalityIn,
  municipalityOut,
  municipalityPatch,
  regionIn,
  positionIn,
  positionOut,
  roleIn,
  roleOut,
  rolePatch,
  userParams,
} from './schemas.ts';

const tags = ['tenancy'];

export async function tenancyRoutes(app: TypedApp, services: Services): Promise<void> {
  app.get(
    '/regions',
    {
      schema: {
        tags,
        summary: 'Regions',
        response: {
          200: z.object({
            items: z.array(
              z.object({ slug: z.string(), name: z.object({ ru: z.string(), en: z.string() }) }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const rows = await req.useCase((ctx) => tenancyRepo.listRegions(ctx.tx));
      return { items: rows.map((r) => ({ slug: r.slug, name: { ru: r.nameRu, en: r.nameEn } })) };
    },
  );

  app.get(
    '/municipalities',
    {
      schema: {
        tags,
        summary: 'Municipalities of the installation (public)',
        response: { 200: z.object({ items: z.array(municipalityOut) }) },
      },
    },
    async (req) => {
      const rows = await req.useCase((ctx) => tenancyRepo.listMunicipalities(ctx.tx));
      return {
        items: rows.map((m) => ({
          slug: m.slug,
          regionSlug: m.regionSlug,
          name: { ru: m.nameRu, en: m.nameEn },
          ftsConfig: m.ftsConfig,
          timeZone: m.timezone,
        })),
      };
    },
  );

  app.post(
    '/regions',
    {
      schema: {
        tags,
        summary: 'Create a region (platform operators)',
        body: regionIn,
        response: { 201: z.object({ slug: z.string() }) },
      },
    },
    async (req, reply) => {
      requireOperator(req);
      const r = await req.useCase((ctx) => createRegion(ctx, req.body));
      return reply.status(201).send({ slug: r.slug });
    },
  );

  app.post(
    '/municipalities',
    {
      schema: {
        tags,
        summary: 'Create a municipality with an admin role (platform operators)',
        body: municipalityIn,
        response: { 201: z.object({ slug: z.string() }) },
      },
    },
    async (req, reply) => {
      requireOperator(req);
      const m = await req.useCase((ctx) => createMunicipality(ctx, services.permissions, req.body));
      return reply.status(201).send({ slug: m.slug });
    },
  );

  app.get(
    '/m/:municipality',
    {
      schema: {
        tags,
        summary: 'A municipality and what the caller may do there',
        params: municipalityParam,
        response: { 200: municipalityOut.extend({ abilities: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const m = await req.useCase((ctx) => tenancyRepo.municipalityBySlug(ctx.tx, req.params.municipality));
      if (!m) throw notFound('Municipality', 'municipality_not_found');
      return {
        slug: m.slug,
        regionSlug: m.regionSlug,
        name: { ru: m.nameRu, en: m.nameEn },
        ftsConfig: m.ftsConfig,
        timeZone: m.timezone,
        abilities: req.abilities.all ? services.permissions.all().map((p) => p.key) : req.abilities.list(),
      };
    },
  );

  app.patch(
    '/m/:municipality',
    {
      schema: {
        tags,
        summary: 'Change the time zone a municipality counts its days in (platform operators)',
        params: municipalityParam,
        body: municipalityPatch,
        response: { 200: z.object({ slug: z.string(), timeZone: z.string() }) },
      },
    },
    async (req) => {
      requireOperator(req);
      return req.useCase(async (ctx) => {
        const changed = await setMunicipalityTimeZone(ctx, req.params.municipality, req.body.timeZone);
        // Requests resolve the tenant (with its zone) from a per-process cache: drop the old one.
        tenantCache(services.db).forget(ctx.tx, req.params.municipality);
        return changed;
      });
    },
  );

  app.get(
    '/m/:municipality/departments',
    {
      preHandler: requirePermission('department.view'),
      schema: {
        tags,
        params: municipalityParam,
        response: { 200: z.object({ items: z.array(departmentOut) }) },
      },
    },
    async (req) => ({
      items: await req.useCase((ctx) => tenancyRepo.listDepartments(ctx.tx, ctx.tenant!.municipalityId)),
    }),
  );

  app.post(
    '/m/:municipality/departments',
    {
      preHandler: requirePermission('department.manage'),
      schema: { tags, params: municipalityParam, body: departmentIn, response: { 201: departmentOut } },
    },
    async (req, reply) => reply.status(201).send(await req.useCase((ctx) => createDepartment(ctx, req.body))),
  );

  app.patch(
    '/m/:municipality/departments/:id',
    {
      preHandler: requirePermission('department.manage'),
      schema: { tags, params: idParams, body: departmentPatch, response: { 200: departmentOut } },
    },
    async (req) => req.useCase((ctx) => updateDepartment(ctx, req.params.id, req.body)),
  );

  app.get(
    '/m/:municipality/positions',
    {
      preHandler: requirePermission('department.view'),
      schema: {
        tags,
        params: municipalityParam,
        response: { 200: z.object({ items: z.array(positionOut) }) },
      },
    },
    async (req) => ({
      items: await req.useCase((ctx) => tenancyRepo.listPositions(ctx.tx, ctx.tenant!.municipalityId)),
    }),
  );

  app.post(
    '/m/:municipality/positions',
    {
      preHandler: requirePermission('department.manage'),
      schema: { tags, params: municipalityParam, body: positionIn, response: { 201: positionOut } },
    },
    async (req, reply) => reply.status(201).send(await req.useCase((ctx) => createPosition(ctx, req.body))),
  );

  app.get(
    '/m/:municipality/roles',
    {
      preHandler: requirePermission('role.view'),
      schema: { tags, params: municipalityParam, response: { 200: z.object({ items: z.array(roleOut) }) } },
    },
    async (req) => ({
      items: await req.useCase((ctx) => tenancyRepo.listRoles(ctx.tx, ctx.tenant!.municipalityId)),
    }),
  );

  app.post(
    '/m/:municipality/roles',
    {
      preHandler: requirePermission('role.manage'),
      schema: { tags, params: municipalityParam, body: roleIn, response: { 201: roleOut } },
    },
    async (req, reply) =>
      reply.status(201).send(await req.useCase((ctx) => createRole(ctx, services.permissions, req.body))),
  );

  app.patch(
    '/m/:municipality/roles/:id',
    {
      preHandler: requirePermission('role.manage'),
      schema: { tags, params: idParams, body: rolePatch, response: { 200: roleOut } },
    },
    async (req) => req.useCase((ctx) => updateRole(ctx, services.permissions, req.params.id, req.body)),
  );

  app.get(
    '/m/:municipality/members',
    {
      preHandler: requirePermission('member.view'),
      schema: { tags, params: municipalityParam, response: { 200: z.object({ items: z.array(memberOut) }) } },
    },
    async (req) => ({
      items: await req.useCase((ctx) => tenancyRepo.listMembers(ctx.tx, ctx.tenant!.municipalityId)),
    }),
  );

  app.get(
    '/m/:municipality/colleagues',
    {
      preHandler: requirePermission('municipality.view'),
      schema: {
        tags,
        summary:
          'Colleagues in the municipality, by name and role (no e-mails); ?permission= keeps those who hold it',
        description:
          'For pickers in the workspace: an executor chooses approvers (`permission=document.approve`), a head chooses executors.',
        params: municipalityParam,
        querystring: z.object({
          permission: z
            .string()
            .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/)
            .optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ userId: z.string(), displayName: z.string(), roleKeys: z.array(z.string()) }),
            ),
          }),
        },
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        const m = ctx.tenant!.municipalityId;
        const [members, roles] = await Promise.all([
          tenancyRepo.listMembers(ctx.tx, m),
          tenancyRepo.listRoles(ctx.tx, m),
        ]);
        const grants = new Map(roles.map((r) => [r.key, r.permissions]));
        const wanted = req.query.permission;
        const holds = (roleKeys: string[]) =>
          !wanted || services.permissions.expand(roleKeys.flatMap((k) => grants.get(k) ?? [])).has(wanted);
        return {
          items: members
            .filter((x) => holds(x.roleKeys))
            .map((x) => ({ userId: x.userId, displayName: x.displayName, roleKeys: x.roleKeys })),
        };
      }),
  );

  app.post(
    '/m/:municipality/members',
    {
      preHandler: requirePermission('member.manage'),
      schema: { tags, params: municipalityParam, body: memberIn, response: { 201: memberOut } },
    },
    async (req, reply) => {
      const member = await req.useCase(async (ctx) => {
        const [u] = await ctx.tx.query<{ kind: string }>('SELECT kind FROM users WHERE id = $1', [
          req.body.userId,
        ]);
        if (!u) throw notFound('User', 'user_not_found');
        if (u.kind !== 'staff')
          throw new AppError('not_staff', 'Only staff users can be members of a municipality', 400);
        return addMember(ctx, req.body);
      });
      return reply.status(201).send(member);
    },
  );

  app.put(
    '/m/:municipality/members/:userId/roles',
    {
      preHandler: requirePermission('member.manage'),
      schema: { tags, params: userParams, body: memberRolesIn, response: { 200: memberOut } },
    },
    async (req) => req.useCase((ctx) => setMemberRoles(ctx, req.params.userId, req.body.roleKeys)),
  );

  app.get(
    '/permissions',
    {
      schema: {
        tags,
        summary: 'The permission registry with ru/en labels',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                key: z.string(),
                label: z.object({ ru: z.string(), en: z.string() }),
                dependsOn: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: services.permissions
        .all()
        .map((p) => ({ key: p.key, label: p.label, dependsOn: [...(p.dependsOn ?? [])] })),
    }),
  );
}
