import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api-session.ts';
import { axeViolations } from './support/axe.ts';
import type { Browser } from './support/browser.ts';
import { SCREENSHOTS, useServerAndBrowser } from './support/suite.ts';
import { horizontalOverflow, logInWithForm, logOut, waitForHeading } from './support/page-helpers.ts';
import type { RunningPlatform } from './support/platform.ts';

const PASSWORD = 'zemstvo-demo-2026';
const OPERATOR = 'operator@demo.zemstvo.ru';
const ADMIN = 'admin@zarechny.demo.zemstvo.ru';

/**
 * The operator's pages in Chromium against the real server: the working calendar (a projected
 * year's warning, adding and removing an override, a refusal shown translated), a municipality's
 * time zone kept after a reload, and no editing controls for a municipal administrator.
 */
describe('operator pages in Chromium', () => {
  let server: RunningPlatform;
  let browser: Browser;

  useServerAndBrowser((started) => ({ server, browser } = started));

  it('shows a staff member the calendar with its overrides but no editing controls', async () => {
    const operator = await apiSession(server.baseUrl, OPERATOR, PASSWORD);
    await operator.send('PUT', '/api/calendar/overrides/2028-06-13', { kind: 'off', note: 'День города' });
    const { page } = browser;
    await logInWithForm(page, ADMIN, PASSWORD);
    await page.waitForURL('**/workspace/zarechny');

    await page.goto('/overview/calendar?year=2028');
    await waitForHeading(page, 'Производственный календарь');
    const overrides = page.getByRole('table', { name: 'Поправки 2028 года' });
    await overrides.getByRole('row', { name: /13 июня 2028/ }).waitFor();
    expect(await overrides.getByRole('row', { name: /13 июня 2028/ }).textContent()).toContain('День города');
    expect(await page.getByText('Изменять календарь могут только операторы платформы.').isVisible()).toBe(
      true,
    );
    expect(await page.getByRole('button', { name: /Удалить поправку/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Сохранить поправку' }).count()).toBe(0);

    await page.goto('/overview');
    await waitForHeading(page, 'Обзор муниципалитетов');
    const table = page.getByRole('table', { name: 'Муниципалитеты' });
    await table.getByRole('row', { name: /Заречный/ }).waitFor();
    expect(await table.getByRole('row', { name: /Заречный/ }).textContent()).toContain('Europe/Moscow');
    expect(await page.getByRole('combobox', { name: /Часовой пояс/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Изменить часовой пояс/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Новый муниципалитет' }).count()).toBe(0);
    await logOut(page);
  });

  it('lets the operator add and remove an override of a projected year', async () => {
    const { page } = browser;
    await logInWithForm(page, OPERATOR, PASSWORD);
    await waitForHeading(page, 'Обзор муниципалитетов');
    await page.getByRole('link', { name: 'Производственный календарь' }).click();
    await waitForHeading(page, 'Производственный календарь');
    const thisYear = new Date().getFullYear();
    await page.getByRole('heading', { level: 2, name: `${thisYear} год`, exact: true }).waitFor();
    // Step year by year to 2028 (forwards today; backwards once this test outlives 2028).
    for (let y = thisYear; y !== 2028;) {
      y += y < 2028 ? 1 : -1;
      await page
        .getByRole('link', { name: `${y > thisYear ? 'Следующий' : 'Предыдущий'} год: ${y}` })
        .click();
      await page.getByRole('heading', { level: 2, name: `${y} год`, exact: true }).waitFor();
    }
    const warning = page.getByRole('note');
    expect(await warning.textContent()).toContain('рассчитан по статье 112 Трудового кодекса РФ');
    expect(await warning.textContent()).toContain('постановления Правительства на 2028 год');

    // The API refuses a note over 500 characters; the form says why, in Russian, at the field.
    const form = page.getByRole('form', { name: 'Добавить поправку' });
    await form.getByLabel('Дата').fill('2028-05-15');
    await form.getByRole('radio', { name: 'Нерабочий день' }).check();
    await form.getByLabel('Примечание', { exact: true }).fill('x'.repeat(501));
    await form.getByRole('button', { name: 'Сохранить поправку' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Примечание — не длиннее 500 символов.');

    await form.getByLabel('Примечание', { exact: true }).fill('Региональный праздник');
    await form.getByRole('button', { name: 'Сохранить поправку' }).click();
    await page.getByRole('status').getByText('Поправка на 15 мая 2028 г. сохранена.').waitFor();
    const overrides = page.getByRole('table', { name: 'Поправки 2028 года' });
    const row = overrides.getByRole('row', { name: /15 мая 2028/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Нерабочий день');
    expect(await row.textContent()).toContain('Региональный праздник');
    // The day in May's grid says it is off, by the operator's override, with the note.
    const may = page.getByRole('table', { name: 'май' });
    expect(await may.getByRole('cell', { name: /^15 /, exact: false }).textContent()).toContain(
      'поправка оператора: Региональный праздник',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-calendar-2028.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Удалить поправку на 15 мая 2028 г.' }).click();
    await page.getByRole('status').getByText('Поправка на 15 мая 2028 г. удалена.').waitFor();
    await page.getByRole('row', { name: /13 июня 2028/ }).waitFor();
    expect(await page.getByRole('row', { name: /15 мая 2028/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Удалить поправку на 13 июня 2028 г.' }).click();
    await page.getByText('В 2028 году поправок нет.').waitFor();
    expect(await operator2028Overrides(server.baseUrl)).toEqual([]);

    // The month grids and the form fit a phone without sideways scrolling.
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.reload();
      await page.getByRole('table', { name: 'декабрь' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('changes a municipality’s time zone after a confirmation, kept after a reload, and back', async () => {
    const { page } = browser;
    await page.goto('/overview');
    await waitForHeading(page, 'Обзор муниципалитетов');
    const zone = page.getByRole('combobox', { name: 'Часовой пояс: Городской округ Заречный' });
    await zone.waitFor();
    expect(await zone.inputValue()).toBe('Europe/Moscow');
    const change = page.getByRole('button', { name: 'Изменить часовой пояс: Городской округ Заречный' });
    // Nothing to change until another zone is chosen.
    expect(await change.count()).toBe(0);

    // Cancel first: nothing changes.
    await zone.selectOption('Asia/Vladivostok');
    await change.click();
    await page.getByRole('button', { name: 'Отмена' }).click();
    expect(await zone.inputValue()).toBe('Europe/Moscow');
    expect(await zone.evaluate((el) => el === document.activeElement)).toBe(true);

    await zone.selectOption('Asia/Yekaterinburg');
    await change.click();
    const question = page.getByText(/^Перевести Городской округ Заречный с часового пояса/);
    expect(await question.textContent()).toBe(
      'Перевести Городской округ Заречный с часового пояса Europe/Moscow на Asia/Yekaterinburg? Даты регистрации, сроки по 59-ФЗ, просрочка и дневные сводки аналитики будут считаться по времени Asia/Yekaterinburg; сводки пересчитываются сразу.',
    );
    expect(await question.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Да, изменить' }).click();
    await page
      .getByRole('status')
      .getByText('Городской округ Заречный: дни теперь считаются по часовому поясу Asia/Yekaterinburg.')
      .waitFor();

    await page.reload();
    await waitForHeading(page, 'Обзор муниципалитетов');
    await zone.waitFor();
    expect(await zone.inputValue()).toBe('Asia/Yekaterinburg');
    expect(
      await page.getByRole('combobox', { name: 'Часовой пояс: Сосновский муниципальный район' }).inputValue(),
    ).toBe('Europe/Moscow');
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-overview-operator.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await zone.selectOption('Europe/Moscow');
    await change.click();
    await page.getByRole('button', { name: 'Да, изменить' }).click();
    await page
      .getByRole('status')
      .getByText('Городской округ Заречный: дни теперь считаются по часовому поясу Europe/Moscow.')
      .waitFor();
    const { items } = (await (await fetch(`${server.baseUrl}/api/municipalities`)).json()) as {
      items: { slug: string; timeZone: string }[];
    };
    expect(items.find((m) => m.slug === 'zarechny')?.timeZone).toBe('Europe/Moscow');
  });

  it('creates a municipality, and says so when its short name is taken', async () => {
    const { page } = browser;
    const form = page.getByRole('form', { name: 'Новый муниципалитет' });
    await form.getByLabel('Короткое имя (в адресе)').fill('zarechny');
    await form.getByLabel('Название по-русски').fill('Ещё один Заречный');
    await form.getByLabel('Название по-английски').fill('Another Zarechny');
    await form.getByRole('button', { name: 'Создать муниципалитет' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toContain(
      'Муниципалитет с таким коротким именем уже есть.',
    );

    await form.getByLabel('Короткое имя (в адресе)').fill('beryozovsky');
    await form.getByLabel('Название по-русски').fill('Берёзовский городской округ');
    await form.getByLabel('Название по-английски').fill('Beryozovsky urban district');
    await form.getByLabel('Часовой пояс').selectOption('Asia/Yekaterinburg');
    await form.getByRole('button', { name: 'Создать муниципалитет' }).click();
    await page.getByRole('status').getByText('Муниципалитет «Берёзовский городской округ» создан.').waitFor();
    const zone = page.getByRole('combobox', { name: 'Часовой пояс: Берёзовский городской округ' });
    await zone.waitFor();
    expect(await zone.inputValue()).toBe('Asia/Yekaterinburg');
  });
});

async function operator2028Overrides(baseUrl: string): Promise<string[]> {
  const operator = await apiSession(baseUrl, OPERATOR, PASSWORD);
  const { items } = await operator.get<{ items: { date: string }[] }>('/api/calendar/overrides');
  return items.map((o) => o.date).filter((d) => d.startsWith('2028'));
}
