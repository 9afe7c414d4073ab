import { fileURLToPath } from 'node:url';
import type { ZemstvoModule } from '@zemstvo/http';
import { tenancyPermissions } from './permissions.ts';
import { tenancyRoutes } from './http/routes.ts';

export { tenancyRepo } from './infra/tenancy.repository.ts';
export type { MunicipalityRow, RoleRow, MemberRow, DepartmentRow } from './infra/tenancy.repository.ts';
export { makeResolveAbilities } from './application/resolve-abilities.ts';
export { createDepartment, createPosition, updateDepartment } from './application/manage-departments.ts';
export { createRole, updateRole } from './application/manage-roles.ts';
export { addMember, setMemberRoles } from './application/manage-members.ts';
export { createMunicipality, createRegion } from './application/create-municipality.ts';
export { checkTimeZone, setMunicipalityTimeZone } from './application/set-time-zone.ts';
export { tenancyPermissions };

export const tenancyModule: ZemstvoModule = {
  name: 'tenancy',
  migrations: { module: 'tenancy', dir: fileURLToPath(new URL('../migrations', import.meta.url)) },
  permissions: tenancyPermissions,
  routes: tenancyRoutes,
};
