import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import type { Browser } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';
import { horizontalOverflow, logInWithForm, logOut, waitForHeading } from './support/page-helpers.ts';

const PASSWORD = 'zemstvo-demo-2026';

/** Each page, once its heading is there and its data loaded, against axe-core's WCAG 2.1 AA rules. */
async function check(
  browser: Browser,
  path: string,
  heading: string | RegExp,
  ready?: string,
): Promise<void> {
  const { page } = browser;
  await page.goto(path);
  await waitForHeading(page, heading);
  if (ready) await page.getByText(ready, { exact: false }).first().waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /^Загрузка…$|^Loading…$/ })
    .waitFor({ state: 'detached' });
  expect(await axeViolations(page), path).toEqual([]);
}

/**
 * The pages of the spine — residents' (services, intake forms with the map, the public map, the
 * cabinet, verification) and staff's (inbox, case page with its forms) — have no WCAG 2.1 A/AA
 * violations that axe-core can find, in Russian and in English.
 */
describe('accessibility of the spine’s pages (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;

  useServerAndBrowser((started) => ({ browser } = started));

  it('public pages: services, the map of reports, verification', async () => {
    await check(browser, '/services?m=zarechny', 'Написать в администрацию', 'Обращения граждан (59-ФЗ)');
    await check(
      browser,
      '/m/zarechny/reports',
      'Карта сообщений: Городской округ Заречный',
      'Список сообщений',
    );
    await check(browser, '/verify', 'Проверка подписи документа');
  });

  it('a resident’s pages: both intake forms, the cabinet and an appeal', async () => {
    const { page } = browser;
    await logInWithForm(page, 'resident@demo.zemstvo.ru', PASSWORD);
    await waitForHeading(page, 'Личный кабинет');
    await check(browser, '/m/zarechny/write/appeals-59fz', 'Обращения граждан (59-ФЗ)', 'Суть обращения');
    await check(
      browser,
      '/m/zarechny/write/urban-reports',
      'Сообщения о проблемах городской среды',
      'Широта',
    );
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByRole('alert').waitFor();
    expect(await axeViolations(page), 'intake form with errors').toEqual([]);
    await check(browser, '/cabinet', 'Личный кабинет', 'Мои обращения');
    await page
      .getByRole('link', { name: /^Обращение ОГ-/ })
      .first()
      .click();
    await waitForHeading(page, /^Обращение ОГ-/);
    expect(await axeViolations(page), 'resident appeal page').toEqual([]);
    await logOut(page);
  });

  it('staff pages: the inbox and a case with its registration form, in Russian and in English', async () => {
    const { page } = browser;
    await logInWithForm(page, 'registrar@zarechny.demo.zemstvo.ru', PASSWORD);
    await page.waitForURL('**/workspace/zarechny');
    await check(browser, '/workspace/zarechny/inbox?box=to_register', 'Входящие', 'Найдено');
    // On a phone the inbox reads as cards, each value under its column's name, still a table.
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await check(browser, '/workspace/zarechny/inbox?box=all', 'Входящие', 'Найдено');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    // A search that finds nothing says what to do instead of an empty page.
    await check(browser, '/workspace/zarechny/inbox?box=all&q=щщщщщщ', 'Входящие', 'Найдено 0 дел.');
    await page.getByText('По этим условиям дел нет. Измените их или нажмите «Сбросить».').waitFor();
    // A period that ends before it starts is refused before it is searched.
    await page.getByLabel('Поступило с').fill('2026-12-31');
    await page.getByLabel('по', { exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Найти' }).click();
    const to = page.getByLabel('по', { exact: true });
    expect(await to.evaluate((e) => (e as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    await page.goto('/workspace/zarechny/inbox?box=to_register');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'История дела' }).waitFor();
    expect(await axeViolations(page), 'case page with the registration form').toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Case history' }).waitFor();
    expect(await axeViolations(page), 'case page in English').toEqual([]);
    await check(browser, '/workspace/zarechny/inbox?box=all', 'Inbox', 'found');
    await page.getByRole('button', { name: 'Русский' }).click();
    await waitForHeading(page, 'Входящие');
    await logOut(page);
  });

  it('the audit log with its filters, in Russian and in English', async () => {
    const { page } = browser;
    await logInWithForm(page, 'admin@zarechny.demo.zemstvo.ru', PASSWORD);
    await page.waitForURL('**/workspace/zarechny');
    await check(browser, '/workspace/zarechny/audit', 'Журнал аудита', 'Обращение ·');
    await page.getByRole('button', { name: 'English' }).click();
    await waitForHeading(page, 'Audit log');
    await page.getByRole('table').getByText('System').first().waitFor();
    expect(await axeViolations(page), 'audit log in English').toEqual([]);
    await page.getByRole('button', { name: 'Русский' }).click();
    await waitForHeading(page, 'Журнал аудита');
    await logOut(page);
  });

  it('raised no script errors and no Content-Security-Policy refusals', () => {
    expect(browser.problems).toEqual([]);
  });
});
