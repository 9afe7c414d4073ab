import type { PermissionDef } from '@zemstvo/authz';

export const appealPermissions: readonly PermissionDef[] = [
  {
    key: 'appeal.submit',
    label: {
      ru: 'Подача обращений через API (внешние системы, Open311)',
      en: 'Submit appeals through the API (external systems, Open311)',
    },
    dependsOn: ['municipality.view'],
  },
  {
    key: 'appeal.status',
    label: {
      ru: 'Смена публичного статуса обращений и сообщений',
      en: 'Change the public status of appeals and reports',
    },
    dependsOn: ['document.view'],
  },
];
