import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import type { Browser } from './support/browser.ts';
import { SCREENSHOTS, useServerAndBrowser } from './support/suite.ts';
import {
  focusedElement,
  horizontalOverflow,
  logInWithForm,
  logOut,
  pressEnterOn,
  waitForHeading,
  waitForLang,
} from './support/page-helpers.ts';
import type { RunningPlatform } from './support/platform.ts';

const DEMO_PASSWORD = 'zemstvo-demo-2026';
const OPERATOR = 'operator@demo.zemstvo.ru';
const NEW_RESIDENT = { name: 'Вера Новосёлова', email: 'vera.novoselova@example.org' };
const FIRST_PASSWORD = 'Zarechny-spring-2026';
const NEW_PASSWORD = 'River-bridge-autumn-2026';

/**
 * The identity pages in Chromium against the real server: a resident registers and lands in the
 * cabinet, forgets the password, the demo operator finds the reset letter in the outbox, the
 * resident follows its link, sets a new password and logs in with it. The steps run in order.
 */
describe('registration and password reset in Chromium', () => {
  let server: RunningPlatform;
  let browser: Browser;
  let resetLink = '';

  useServerAndBrowser((started) => ({ server, browser } = started));

  it('links registration and password recovery from the login page, and shows no providers when none are set up', async () => {
    const { page } = browser;
    const providers = page.waitForResponse((r) => r.url().endsWith('/api/auth/providers'));
    await page.goto('/login');
    await waitForHeading(page, 'Вход');
    expect(await (await providers).json()).toEqual({ items: [] });
    expect(await page.getByRole('link', { name: 'Забыли пароль?' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Другие способы входа' }).count()).toBe(0);

    await pressEnterOn(page, page.getByRole('link', { name: 'Зарегистрироваться' }));
    await page.waitForURL('**/register');
    await waitForHeading(page, 'Регистрация');
    expect(await focusedElement(page)).toMatchObject({ tag: 'h1', text: 'Регистрация' });
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-register.png`, fullPage: true });
  });

  it('explains a weak password and a taken e-mail at their fields', async () => {
    const { page } = browser;
    await page.getByLabel('Как к вам обращаться').fill(NEW_RESIDENT.name);
    await page.getByLabel('Электронная почта').fill(NEW_RESIDENT.email);
    await page.getByLabel('Пароль', { exact: true }).fill('short');
    await page.getByLabel('Пароль', { exact: true }).press('Enter');

    const alert = page.getByRole('alert');
    await alert.getByText('Исправьте ошибки в форме:').waitFor();
    const password = page.getByLabel('Пароль', { exact: true });
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const described = await password.getAttribute('aria-describedby');
    const descriptions = await page.evaluate(
      (ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? ''),
      described ?? '',
    );
    expect(descriptions).toEqual([
      expect.stringContaining('Не меньше 10 символов'),
      expect.stringContaining('Пароль слишком простой'),
    ]);
    // The summary's link takes the keyboard to the field.
    await pressEnterOn(page, alert.getByRole('link', { name: /Пароль слишком простой/ }));
    expect(await focusedElement(page)).toMatchObject({
      tag: 'input',
      id: expect.stringContaining('password'),
    });
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-register-errors.png`, fullPage: true });

    // The show-password switch reveals what was typed.
    await page.getByLabel('Показать пароль').check();
    expect(await password.getAttribute('type')).toBe('text');
    await page.getByLabel('Показать пароль').uncheck();

    await page.getByLabel('Электронная почта').fill('resident@demo.zemstvo.ru');
    await password.fill(FIRST_PASSWORD);
    await password.press('Enter');
    await alert.getByText(/Учётная запись с этой электронной почтой уже есть/).waitFor();
    expect(await page.getByLabel('Электронная почта').getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-invalid')).toBeNull();
  });

  it('registers a new resident who lands in the cabinet, signed in', async () => {
    const { page } = browser;
    await page.getByLabel('Электронная почта').fill(NEW_RESIDENT.email);
    await page.getByLabel('Пароль', { exact: true }).fill(FIRST_PASSWORD);
    await pressEnterOn(page, page.getByRole('button', { name: 'Зарегистрироваться' }));
    await page.waitForURL('**/cabinet');
    await waitForHeading(page, 'Личный кабинет');
    expect(await page.getByText(`Здравствуйте, ${NEW_RESIDENT.name}!`).isVisible()).toBe(true);
    expect(await page.getByText(`Вы вошли как ${NEW_RESIDENT.name}`).isVisible()).toBe(true);

    await page.reload();
    await waitForHeading(page, 'Личный кабинет');
    await logOut(page);
  });

  it('requests a password reset without telling whether the account exists', async () => {
    const { page } = browser;
    await page.goto('/login');
    await waitForHeading(page, 'Вход');
    await pressEnterOn(page, page.getByRole('link', { name: 'Забыли пароль?' }));
    await waitForHeading(page, 'Восстановление пароля');
    await page.getByLabel('Электронная почта').fill(NEW_RESIDENT.email);
    await pressEnterOn(page, page.getByRole('button', { name: 'Прислать ссылку' }));
    const status = page.getByRole('status');
    await status.getByText(`Если учётная запись с адресом ${NEW_RESIDENT.email} существует`).waitFor();
    // The form and its button are gone: focus stays on the answer.
    expect((await focusedElement(page)).text).toContain('Если учётная запись с адресом');
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-forgot-password.png`, fullPage: true });

    // An unknown address gets the very same answer.
    await page.goto('/forgot-password');
    await waitForHeading(page, 'Восстановление пароля');
    await page.getByLabel('Электронная почта').fill('nobody@example.org');
    await page.getByLabel('Электронная почта').press('Enter');
    await page
      .getByRole('status')
      .getByText('Если учётная запись с адресом nobody@example.org существует')
      .waitFor();
  });

  it('hides the outbox from a regional curator', async () => {
    const { page } = browser;
    // The curator's page does not even ask for it (the server would refuse with 403).
    const probes: string[] = [];
    const listen = (r: Request) => {
      if (r.url().includes('/api/dev/outbox')) probes.push(r.url());
    };
    page.on('request', listen);
    await logInWithForm(page, 'region@demo.zemstvo.ru', DEMO_PASSWORD);
    await waitForHeading(page, 'Обзор муниципалитетов');
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('link', { name: 'Исходящая почта' }).count()).toBe(0);
    page.off('request', listen);
    expect(probes).toEqual([]);
    const denied = await page.request.get('/api/dev/outbox?limit=1');
    expect(denied.status()).toBe(403);
    await logOut(page);
  });

  it('shows the demo operator the reset letter in the outbox', async () => {
    const { page } = browser;
    await logInWithForm(page, OPERATOR, DEMO_PASSWORD);
    await waitForHeading(page, 'Обзор муниципалитетов');
    const tools = page.getByRole('navigation', { name: 'Для разработки и демонстрации' });
    await tools.getByRole('link', { name: 'Исходящая почта' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-overview-dev-tools.png`, fullPage: true });
    await pressEnterOn(page, tools.getByRole('link', { name: 'Исходящая почта' }));
    await page.waitForURL('**/overview/outbox');
    await waitForHeading(page, 'Исходящая почта');

    const letter = page.getByRole('article', { name: 'Земство: восстановление пароля' }).filter({
      hasText: NEW_RESIDENT.email,
    });
    await letter.waitFor();
    expect(await letter.textContent()).toContain(`Здравствуйте, ${NEW_RESIDENT.name}!`);
    expect(await letter.textContent()).toContain('не отправлялось (нет почтового сервера)');
    const link = letter.getByRole('link', { name: /\/reset-password\?token=/ });
    resetLink = (await link.getAttribute('href')) ?? '';
    expect(resetLink.startsWith(`${server.baseUrl}/reset-password?token=`)).toBe(true);
    // One letter for this resident (the demo data's workflow writes letters of its own).
    const letters = page.getByRole('list', { name: 'Письма, сначала новые' }).getByRole('article');
    expect(await letters.filter({ hasText: NEW_RESIDENT.email }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-outbox.png`, fullPage: true });
    await logOut(page);
  });

  it('follows the link from the letter, refuses a weak password, then sets a new one', async () => {
    const { page } = browser;
    await page.goto(resetLink);
    await waitForHeading(page, 'Задайте новый пароль');
    const password = page.getByLabel('Новый пароль', { exact: true });
    await password.fill('aaaaaaaaaaaa');
    await password.press('Enter');
    await page
      .getByRole('alert')
      .getByText(/Пароль слишком простой/)
      .waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-reset-password.png`, fullPage: true });

    await password.fill(NEW_PASSWORD);
    await pressEnterOn(page, page.getByRole('button', { name: 'Сохранить пароль' }));
    await page.waitForURL('**/login');
    await waitForHeading(page, 'Вход');
    // Other live regions (a loading note) may share the page: wait for this one by its text.
    await page
      .getByRole('status')
      .getByText('Пароль изменён. Войдите с новым паролем.', { exact: true })
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-login-password-changed.png`, fullPage: true });
  });

  it('logs in with the new password only', async () => {
    const { page } = browser;
    await logInWithForm(page, NEW_RESIDENT.email, FIRST_PASSWORD);
    await page.getByRole('alert').getByText('Неверная электронная почта или пароль.').waitFor();
    await page.getByLabel('Пароль', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Пароль', { exact: true }).press('Enter');
    await page.waitForURL('**/cabinet');
    await waitForHeading(page, 'Личный кабинет');
    await logOut(page);
  });

  it('refuses a used link and offers a new one', async () => {
    const { page } = browser;
    await page.goto(resetLink);
    await waitForHeading(page, 'Задайте новый пароль');
    await page.getByLabel('Новый пароль', { exact: true }).fill('Another-long-password-1');
    await page.getByLabel('Новый пароль', { exact: true }).press('Enter');
    await page
      .getByRole('alert')
      .getByText(/Ссылка для восстановления пароля неверна/)
      .waitFor();
    await pressEnterOn(page, page.getByRole('link', { name: 'Запросить новую ссылку' }));
    await waitForHeading(page, 'Восстановление пароля');

    await page.goto('/reset-password');
    await waitForHeading(page, 'Задайте новый пароль');
    expect(await page.getByRole('alert').textContent()).toContain('В ссылке нет кода восстановления');
  });

  it('shows why a sign-in at an identity provider failed when sent back to the login page', async () => {
    const { page } = browser;
    await page.goto('/login?error=provider_denied');
    await waitForHeading(page, 'Вход');
    expect(await page.getByRole('alert').textContent()).toBe('Вход через внешний сервис отменён.');
    await page.goto('/login?error=%3Cscript%3E');
    await waitForHeading(page, 'Вход');
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('offers the pages in English and fits them on a phone screen', async () => {
    const { page } = browser;
    await page.goto('/register');
    await waitForHeading(page, 'Регистрация');
    await pressEnterOn(page, page.getByRole('button', { name: 'English' }));
    expect(await waitForLang(page, 'en')).toBe('en');
    await waitForHeading(page, 'Register');
    for (const label of ['Your name', 'E-mail', 'Password', 'Show password'])
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(1);
    await page.getByLabel('Password', { exact: true }).fill('x');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    // The browser's own check stops an empty name before the server is asked.
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-register-en.png`, fullPage: true });

    await page.goto('/forgot-password');
    await waitForHeading(page, 'Restore your password');
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      for (const [path, heading] of [
        ['/register', 'Register'],
        ['/forgot-password', 'Restore your password'],
        [resetLink.slice(server.baseUrl.length), 'Set a new password'],
      ] as const) {
        await page.goto(path);
        await waitForHeading(page, heading);
        expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/e2e-reset-password-phone.png` });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await pressEnterOn(page, page.getByRole('button', { name: 'Русский' }));
    expect(await waitForLang(page, 'ru')).toBe('ru');
  });

  it('raised no script errors and no Content-Security-Policy refusals', () => {
    expect(browser.problems).toEqual([]);
  });
});
