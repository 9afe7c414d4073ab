import type { PermissionDef } from '@zemstvo/authz';

export const tenancyPermissions: readonly PermissionDef[] = [
  {
    key: 'municipality.view',
    label: { ru: 'Просмотр сведений о муниципалитете', en: 'View municipality details' },
  },
  {
    key: 'department.view',
    label: { ru: 'Просмотр структуры подразделений', en: 'View departments' },
    dependsOn: ['municipality.view'],
  },
  {
    key: 'department.manage',
    label: { ru: 'Управление подразделениями и должностями', en: 'Manage departments and positions' },
    dependsOn: ['department.view'],
  },
  { key: 'role.view', label: { ru: 'Просмотр ролей', en: 'View roles' }, dependsOn: ['municipality.view'] },
  { key: 'role.manage', label: { ru: 'Управление ролями', en: 'Manage roles' }, dependsOn: ['role.view'] },
  {
    key: 'member.view',
    label: { ru: 'Просмотр сотрудников', en: 'View staff members' },
    dependsOn: ['municipality.view', 'department.view'],
  },
  {
    key: 'member.manage',
    label: { ru: 'Управление сотрудниками и их ролями', en: 'Manage staff members and their roles' },
    dependsOn: ['member.view', 'role.view'],
  },
  {
    key: 'audit.view',
    label: { ru: 'Просмотр журнала аудита', en: 'View the audit log' },
    dependsOn: ['municipality.view'],
  },
];
