import type { PermissionDef } from '@zemstvo/authz';

export const forecastPermissions: readonly PermissionDef[] = [
  {
    key: 'forecast.view',
    label: { ru: 'Просмотр прогноза обращений и всплесков', en: 'View the forecast of appeals and spikes' },
    dependsOn: ['municipality.view'],
  },
  {
    key: 'forecast.scan',
    label: {
      ru: 'Запуск поиска всплесков (открывает документы-сигналы)',
      en: 'Run the spike scan (opens signal documents)',
    },
    dependsOn: ['forecast.view'],
  },
];
