import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../i18n/index.ts';
import { actionLabel, actionOptions, actorLabel, entityLabel } from './audit-labels.ts';

describe('audit log labels', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'ru', fallbackLng: 'ru', showSupportNotice: false });

  it('names actions, objects and actors in words', () => {
    expect(actionLabel(i18n, 'appeal.registered')).toBe('Обращение зарегистрировано');
    expect(entityLabel(i18n, 'appeal')).toBe('Обращение');
    expect(actorLabel(i18n, { actor: 'system:seed', actorName: null })).toBe('Система');
    expect(actorLabel(i18n, { actor: 'system:cli:ivan', actorName: null })).toBe('Командная строка');
    expect(actorLabel(i18n, { actor: 'a@b.ru', actorName: 'Анна' })).toBe('Анна');
    expect(actorLabel(i18n, { actor: 'gone@b.ru', actorName: null })).toBe('gone@b.ru');
  });

  it('falls back to the raw code for anything it cannot name, without crashing', () => {
    expect(actionLabel(i18n, 'appeal.teleported')).toBe('appeal.teleported');
    expect(actionLabel(i18n, 'appeal')).toBe('appeal');
    expect(actionLabel(i18n, '')).toBe('');
    expect(entityLabel(i18n, 'spaceship')).toBe('spaceship');
  });

  it('offers every labelled action in the filter, in the reader’s language', async () => {
    expect(actionOptions(i18n)).toContainEqual(['user.logged_in', 'Вход в систему']);
    await i18n.changeLanguage('en');
    expect(actionOptions(i18n)).toContainEqual(['user.logged_in', 'Logged in']);
    expect(actorLabel(i18n, { actor: 'system:cli', actorName: null })).toBe('Command line');
  });
});
