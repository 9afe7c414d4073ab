import { describe, expect, it } from 'vitest';
import type { Browser } from './support/browser.ts';
import { SCREENSHOTS, useServerAndBrowser } from './support/suite.ts';
import {
  focusedElement,
  navLinks,
  pressEnterOn,
  waitForHeading,
  waitForLang,
} from './support/page-helpers.ts';

const ADMIN = 'admin@zarechny.demo.zemstvo.ru';

/**
 * The web app shell in Chromium against the real server: start page, demo logins, keyboard login,
 * staff navigation by abilities, language switching that survives reloads, logout, login errors.
 * The steps share one browser and run in order.
 */
describe('web app shell in Chromium', () => {
  let browser: Browser;

  useServerAndBrowser((started) => ({ browser } = started));

  it('opens the start page in Russian with the municipalities and the demo logins', async () => {
    const { page } = browser;
    await page.goto('/');
    expect(await waitForHeading(page, 'Земство — цифровой муниципалитет')).toBeTruthy();
    expect(await waitForLang(page, 'ru')).toBe('ru');
    expect(await page.title()).toContain('Земство');

    const municipalities = page.getByRole('region', { name: 'Муниципалитеты' }).getByRole('listitem');
    await municipalities.first().waitFor();
    expect(await municipalities.allTextContents()).toEqual([
      expect.stringContaining('Городской округ Заречный'),
      expect.stringContaining('Сосновский муниципальный район'),
    ]);

    const demo = page.getByRole('table', { name: 'Демонстрационные пользователи' });
    await demo.getByRole('row').nth(1).waitFor();
    const rows = await demo.getByRole('row').allTextContents();
    expect(rows.some((r) => r.includes(ADMIN) && r.includes('Администратор муниципалитета'))).toBe(true);
    expect(rows.some((r) => r.includes('resident@demo.zemstvo.ru') && r.includes('Житель'))).toBe(true);
    expect(await page.getByText('zemstvo-demo-2026', { exact: true }).isVisible()).toBe(true);
    // An anonymous visit fails no request (the session is asked through /api/auth/session, not a 401).
    expect(browser.consoleErrors).toEqual([]);
    expect(
      await page
        .getByRole('navigation', { name: 'Основная навигация' })
        .getByRole('link', { name: 'Войти' })
        .isVisible(),
    ).toBe(true);

    for (const landmark of ['banner', 'main', 'contentinfo'] as const)
      expect(await page.getByRole(landmark).count(), landmark).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-start-page.png`, fullPage: true });
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.goto('/');
      await waitForHeading(page, 'Земство — цифровой муниципалитет');
      await page
        .getByRole('table', { name: 'Демонстрационные пользователи' })
        .getByRole('row')
        .nth(1)
        .waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The demo table reads as cards: the e-mail and its button are on screen, not scrolled away.
      const fill = page.getByRole('button', { name: 'Заполнить форму входа: operator@demo.zemstvo.ru' });
      const box = await fill.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(375);
      expect(await page.getByText('operator@demo.zemstvo.ru', { exact: true }).isVisible()).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/e2e-start-phone.png` });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('starts with a skip link that moves focus to the main content', async () => {
    const { page } = browser;
    await page.goto('/');
    await waitForHeading(page, 'Земство — цифровой муниципалитет');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Перейти к основному содержанию' });
    expect(await focusedElement(page)).toMatchObject({ tag: 'a', text: 'Перейти к основному содержанию' });
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focusedElement(page)).toMatchObject({ tag: 'main', id: 'main' });
  });

  it('shows a wrong password as a translated error, in Russian and in English', async () => {
    const { page } = browser;
    await page.goto('/login');
    await waitForHeading(page, 'Вход');
    await page.getByLabel('Электронная почта').fill('registrar@zarechny.demo.zemstvo.ru');
    await page.getByLabel('Пароль').fill('not-the-password');
    await page.getByLabel('Пароль').press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Неверная электронная почта или пароль.');
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-login-error.png` });

    await pressEnterOn(page, page.getByRole('button', { name: 'English' }));
    expect(await waitForLang(page, 'en')).toBe('en');
    await waitForHeading(page, 'Log in');
    await page.getByLabel('Password').fill('still-not-the-password');
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('alert').getByText('Wrong e-mail or password.').waitFor();

    await pressEnterOn(page, page.getByRole('button', { name: 'Русский' }));
    expect(await waitForLang(page, 'ru')).toBe('ru');
  });

  it('logs in as demo staff with the keyboard from the demo table and shows the staff navigation', async () => {
    const { page } = browser;
    await page.goto('/');
    await pressEnterOn(page, page.getByRole('button', { name: `Заполнить форму входа: ${ADMIN}` }));
    await waitForHeading(page, 'Вход');
    await page.getByRole('status').getByText(ADMIN, { exact: false }).waitFor();
    expect(await page.getByLabel('Электронная почта').inputValue()).toBe(ADMIN);
    expect(await focusedElement(page)).toMatchObject({ tag: 'button', text: 'Войти' });
    await page.keyboard.press('Enter');

    await page.waitForURL('**/workspace/zarechny');
    await waitForHeading(page, 'Городской округ Заречный');
    expect(await navLinks(page, 'Разделы муниципалитета')).toEqual([
      'Сводка',
      'Входящие',
      'Поиск',
      'Аналитика',
      'Подразделения',
      'Сотрудники',
      'Роли',
      'Журнал аудита',
      'Модель маршрутизации',
      'Прогноз',
    ]);
    expect(await page.getByText('Вы вошли как Анна Администраторова').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Выйти' }).isVisible()).toBe(true);

    const nav = page.getByRole('navigation', { name: 'Разделы муниципалитета' });
    await pressEnterOn(page, nav.getByRole('link', { name: 'Подразделения' }));
    await waitForHeading(page, 'Подразделения');
    const table = page.getByRole('table', { name: 'Подразделения' });
    await table.getByRole('row').nth(1).waitFor();
    const rows = await table.getByRole('row').allTextContents();
    expect(rows).toHaveLength(7);
    expect(rows.join('\n')).toContain('Управление ЖКХ');
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-departments-ru.png`, fullPage: true });

    // A role's permissions are named in the reader's language, not by their keys.
    await pressEnterOn(page, nav.getByRole('link', { name: 'Роли' }));
    await waitForHeading(page, 'Роли');
    const registrar = page.getByRole('table', { name: 'Роли' }).getByRole('row', { name: /Регистратор/ });
    await registrar.getByText('Регистрация документов').waitFor();
    expect(await registrar.textContent()).not.toContain('document.register');

    // The audit log speaks to people: newest first, actions and actors in words, objects as links.
    await pressEnterOn(page, nav.getByRole('link', { name: 'Журнал аудита' }));
    await waitForHeading(page, 'Журнал аудита');
    const audit = page.getByRole('table', { name: 'Записи журнала аудита, сначала новые' });
    await audit.getByRole('row').nth(1).waitFor();
    const times = await audit
      .locator('tbody time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort().reverse()).toEqual(times);
    const actions = await audit.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(actions.filter((a) => /^[a-z0-9_]+\.[a-z0-9_]+$/.test(a))).toEqual([]);
    const actors = await audit.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(actors).toContain('Система');
    expect(actors.filter((a) => a.startsWith('system:'))).toEqual([]);
    const filters = page.getByRole('search', { name: 'Отбор записей журнала' });
    await filters.getByLabel('Действие').selectOption({ label: 'Обращение зарегистрировано' });
    await pressEnterOn(page, filters.getByRole('button', { name: 'Показать' }));
    await page.waitForURL((url) => url.searchParams.get('action') === 'appeal.registered');
    // The filtered page replaces the previous one after a moment of loading: read it once it is there.
    await expect
      .poll(async () => new Set(await audit.locator('tbody tr td:nth-child(2)').allTextContents()), {
        timeout: 15_000,
      })
      .toEqual(new Set(['Обращение зарегистрировано']));
    const object = audit.locator('tbody tr').first().getByRole('link');
    expect(await object.getAttribute('href')).toMatch(/^\/workspace\/zarechny\/documents\/[0-9a-f-]{36}$/);
    expect(await object.textContent()).toMatch(/^Обращение · [0-9a-f]{8}$/);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-audit-ru.png`, fullPage: true });
    await pressEnterOn(page, nav.getByRole('link', { name: 'Подразделения' }));
    await waitForHeading(page, 'Подразделения');
  });

  it('switches to English and back; the choice survives a reload and is saved on the account', async () => {
    const { page } = browser;
    await pressEnterOn(page, page.getByRole('button', { name: 'English' }));
    expect(await waitForLang(page, 'en')).toBe('en');
    await waitForHeading(page, 'Departments');
    expect(await navLinks(page, 'Municipality sections')).toEqual([
      'Summary',
      'Inbox',
      'Search',
      'Analytics',
      'Departments',
      'Staff',
      'Roles',
      'Audit log',
      'Routing model',
      'Forecast',
    ]);
    const departments = page.getByRole('table', { name: 'Departments' });
    await departments.getByText('Housing and Utilities').waitFor();
    expect(await departments.locator('tbody th').allTextContents()).toEqual([
      'Analytics',
      'General Office (Registry)',
      'Housing and Utilities',
      'Public Spaces and Landscaping',
      'Roads and Transport',
      'Social Policy',
    ]);
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-departments-en.png`, fullPage: true });

    await page.reload();
    await waitForHeading(page, 'Departments');
    expect(await waitForLang(page, 'en')).toBe('en');

    // Without the browser's memory, the account's saved language still wins.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await waitForHeading(page, 'Departments');
    expect(await waitForLang(page, 'en')).toBe('en');

    await pressEnterOn(page, page.getByRole('button', { name: 'Русский' }));
    expect(await waitForLang(page, 'ru')).toBe('ru');
    await waitForHeading(page, 'Подразделения');
    await page.reload();
    await waitForHeading(page, 'Подразделения');
    expect(await waitForLang(page, 'ru')).toBe('ru');
  });

  it('logs out and shows the login link again', async () => {
    const { page } = browser;
    await pressEnterOn(page, page.getByRole('button', { name: 'Выйти' }));
    await page.waitForURL((url) => url.pathname === '/');
    await waitForHeading(page, 'Земство — цифровой муниципалитет');
    const mainNav = page.getByRole('navigation', { name: 'Основная навигация' });
    await mainNav.getByRole('link', { name: 'Войти' }).waitFor();
    expect(await page.getByRole('button', { name: 'Выйти' }).count()).toBe(0);

    await page.goto('/workspace/zarechny/departments');
    await waitForHeading(page, 'Вход');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('shows each role only its own menu, and residents their cabinet', async () => {
    const { page } = browser;
    const loginAs = async (email: string) => {
      await page.goto('/');
      await page
        .getByRole('navigation', { name: 'Основная навигация' })
        .getByRole('link', { name: 'Войти' })
        .click();
      await waitForHeading(page, 'Вход');
      await page.getByLabel('Электронная почта').fill(email);
      await page.getByLabel('Пароль').fill('zemstvo-demo-2026');
      await page.getByRole('button', { name: 'Войти', exact: true }).press('Enter');
    };
    const logout = async () => {
      await pressEnterOn(page, page.getByRole('button', { name: 'Выйти' }));
      await page
        .getByRole('navigation', { name: 'Основная навигация' })
        .getByRole('link', { name: 'Войти' })
        .waitFor();
    };

    await loginAs('executor@zarechny.demo.zemstvo.ru');
    await waitForHeading(page, 'Городской округ Заречный');
    expect(await navLinks(page, 'Разделы муниципалитета')).toEqual([
      'Сводка',
      'Входящие',
      'Поиск',
      'Подразделения',
    ]);
    await page.goto('/workspace/zarechny/audit');
    await waitForHeading(page, 'Журнал аудита');
    expect(await page.getByRole('alert').textContent()).toBe('Недостаточно прав для этого раздела.');
    await logout();

    await loginAs('resident@demo.zemstvo.ru');
    await waitForHeading(page, 'Личный кабинет');
    expect(await page.getByRole('heading', { level: 2, name: 'Мои обращения' }).isVisible()).toBe(true);
    await logout();

    await loginAs('operator@demo.zemstvo.ru');
    await waitForHeading(page, 'Обзор муниципалитетов');
    await page.getByRole('link', { name: 'Открыть рабочее место: Сосновский муниципальный район' }).click();
    await waitForHeading(page, 'Сосновский муниципальный район');
    expect(await navLinks(page, 'Разделы муниципалитета')).toHaveLength(10);
    await logout();
  });

  it('raised no script errors and no Content-Security-Policy refusals', () => {
    expect(browser.problems).toEqual([]);
  });
});
