import type { PermissionDef } from '@zemstvo/authz';

export const routingPermissions: readonly PermissionDef[] = [
  {
    key: 'routing.view',
    label: {
      ru: 'Подсказки маршрутизации обращений (категория, тема, исполнитель): просмотр, принятие и исправление',
      en: 'Routing suggestions for appeals (category, theme, executor): view, accept and correct',
    },
    dependsOn: ['document.view'],
  },
  {
    key: 'routing.train',
    label: {
      ru: 'Обучение модели маршрутизации и просмотр её метрик',
      en: 'Train the routing model and see its metrics',
    },
    dependsOn: ['routing.view'],
  },
];
