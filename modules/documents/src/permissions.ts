import type { PermissionDef } from '@zemstvo/authz';

export const documentPermissions: readonly PermissionDef[] = [
  {
    key: 'document.view',
    label: { ru: 'Просмотр документов', en: 'View documents' },
    dependsOn: ['municipality.view'],
  },
  {
    key: 'document.register',
    label: { ru: 'Регистрация документов', en: 'Register documents' },
    dependsOn: ['document.view'],
  },
  {
    key: 'document.resolve',
    label: { ru: 'Резолюции и контроль исполнения', en: 'Resolutions and control of execution' },
    dependsOn: ['document.view'],
  },
  {
    key: 'document.execute',
    label: { ru: 'Исполнение и подготовка проектов ответов', en: 'Execute and draft answers' },
    dependsOn: ['document.view'],
  },
  {
    key: 'document.approve',
    label: { ru: 'Согласование проектов документов', en: 'Approve drafts' },
    dependsOn: ['document.view'],
  },
  {
    key: 'document.sign',
    label: { ru: 'Подписание документов', en: 'Sign documents' },
    dependsOn: ['document.view'],
  },
  {
    key: 'document.dispatch',
    label: { ru: 'Отправка документов', en: 'Dispatch documents' },
    dependsOn: ['document.view'],
  },
  {
    key: 'signal.submit',
    label: { ru: 'Передача сигналов систем мониторинга', en: 'Submit monitoring signals' },
    dependsOn: ['municipality.view'],
  },
  {
    key: 'journal.manage',
    label: { ru: 'Настройка журналов регистрации', en: 'Manage registration journals' },
    dependsOn: ['document.view'],
  },
];
