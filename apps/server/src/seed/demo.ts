import type { Database } from '@zemstvo/db';
import { createUser } from '@zemstvo/identity';
import type { Ctx, Logger, Sql } from '@zemstvo/kernel';
import { addMember, createDepartment, createPosition, createRole, tenancyRepo } from '@zemstvo/tenancy';
import { installService } from '@zemstvo/catalog';
import { seedDemoAppeals } from '@zemstvo/appeals';
import { installHooks, serviceRegistry } from '../modules.ts';
import type { PermissionRegistry } from '@zemstvo/authz';
import {
  DEMO_PASSWORD,
  demoDepartments,
  demoMunicipalities,
  demoOperator,
  demoRegion,
  demoRegional,
  demoResidents,
  demoCenters,
  demoRoles,
  demoServices,
  demoStaffNames,
  staffEmail,
} from './demo-data.ts';

/** The demo municipalities count their days in Moscow time. */
const DEMO_TIME_ZONE = 'Europe/Moscow';

export interface DemoLogin {
  email: string;
  kind: 'resident' | 'staff' | 'regional' | 'operator';
  municipality: string | null;
  role: string | null;
  name: string;
}
export interface DemoSeedResult {
  password: string;
  logins: DemoLogin[];
  seededNow: boolean;
}

export function demoLogins(): DemoLogin[] {
  const out: DemoLogin[] = [
    {
      email: demoOperator.email,
      kind: 'operator',
      municipality: null,
      role: null,
      name: demoOperator.displayName,
    },
    {
      email: demoRegional.email,
      kind: 'regional',
      municipality: null,
      role: null,
      name: demoRegional.displayName,
    },
  ];
  for (const m of demoMunicipalities)
    for (const r of demoRoles)
      out.push({
        email: staffEmail(r.key, m.slug),
        kind: 'staff',
        municipality: m.slug,
        role: r.key,
        name: demoStaffNames[r.key]!,
      });
  for (const r of demoResidents)
    out.push({ email: r.email, kind: 'resident', municipality: null, role: null, name: r.displayName });
  return out;
}

/**
 * A demo municipality's departments, roles with one staff user each (password DEMO_PASSWORD) and
 * the demo's applied services, in the caller's transaction (`tctx.tenant` is the municipality).
 */
export async function seedDemoStaffAndServices(tctx: Ctx, registry: PermissionRegistry): Promise<void> {
  const slug = tctx.tenant!.slug;
  const depts = new Map<string, string>();
  for (const d of demoDepartments)
    depts.set(d.code, (await createDepartment(tctx, { ...d, parentId: null })).id);
  for (const r of demoRoles) {
    await createRole(tctx, registry, {
      key: r.key,
      nameRu: r.nameRu,
      nameEn: r.nameEn,
      permissions: [...r.permissions],
    });
    const pos = await createPosition(tctx, {
      departmentId: depts.get(r.dept)!,
      titleRu: r.nameRu,
      titleEn: r.nameEn,
    });
    const staff = {
      email: staffEmail(r.key, slug),
      displayName: demoStaffNames[r.key]!,
      kind: 'staff' as const,
      password: DEMO_PASSWORD,
    };
    const user = await createUser({ ...tctx, tenant: null }, staff);
    await addMember(tctx, { userId: user.id, positionId: pos.id, roleKeys: [r.key] });
  }
  for (const packageSlug of demoServices)
    await installService(tctx, serviceRegistry, installHooks, { packageSlug });
}

/**
 * Seeds the demo region into an empty database, through the same use cases staff would use, so
 * the demo has an audit trail like any real data. A database that has any region is left alone.
 */
export async function seedDemo(
  db: Database,
  registry: PermissionRegistry,
  ctxFor: (tx: Sql) => Ctx,
  log: Logger,
): Promise<DemoSeedResult> {
  const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
  if ((existing[0]?.n ?? 0) > 0) {
    const demo = await db.query('SELECT 1 FROM regions WHERE slug = $1', [demoRegion.slug]);
    return { password: DEMO_PASSWORD, logins: demo.length ? demoLogins() : [], seededNow: false };
  }
  await db.transaction(async (tx) => {
    const ctx = ctxFor(tx);
    const region = await tenancyRepo.insertRegion(tx, demoRegion);
    await createUser(ctx, { ...demoOperator, kind: 'operator', password: DEMO_PASSWORD });
    await createUser(ctx, {
      ...demoRegional,
      kind: 'regional',
      regionId: region.id,
      password: DEMO_PASSWORD,
    });
    for (const r of demoResidents) await createUser(ctx, { ...r, kind: 'resident', password: DEMO_PASSWORD });
    for (const m of demoMunicipalities) {
      const { id } = await tenancyRepo.insertMunicipality(tx, {
        ...m,
        regionId: region.id,
        timeZone: DEMO_TIME_ZONE,
      });
      const tctx: Ctx = {
        ...ctx,
        tenant: {
          municipalityId: id,
          regionId: region.id,
          slug: m.slug,
          ftsConfig: m.ftsConfig,
          timeZone: DEMO_TIME_ZONE,
        },
      };
      await seedDemoStaffAndServices(tctx, registry);
      await seedDemoAppeals(tctx, {
        center: demoCenters[m.slug],
        staffEmail: (role) => staffEmail(role, m.slug),
      });
    }
  });
  log.info({ region: demoRegion.slug }, 'demo data seeded');
  return { password: DEMO_PASSWORD, logins: demoLogins(), seededNow: true };
}
