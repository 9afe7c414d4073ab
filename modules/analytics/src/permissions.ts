import type { PermissionDef } from '@zemstvo/authz';

export const analyticsPermissions: readonly PermissionDef[] = [
  {
    key: 'analytics.view',
    label: {
      ru: 'Просмотр аналитики: панели, детализация, тепловая карта, CityScore',
      en: 'View analytics: dashboards, drill-down, heat map, CityScore',
    },
    dependsOn: ['municipality.view'],
  },
  {
    key: 'analytics.export',
    label: {
      ru: 'Выгрузка аналитических справок (DOCX, PDF) в документооборот',
      en: 'Export analytical reports (DOCX, PDF) into document flow',
    },
    dependsOn: ['analytics.view', 'document.view'],
  },
  {
    key: 'analytics.manage',
    label: { ru: 'Настройка целевых значений CityScore', en: 'Set CityScore targets' },
    dependsOn: ['analytics.view'],
  },
];
