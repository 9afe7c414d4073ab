import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '@zemstvo/calendar';
import { daily, insertAppeals } from '@zemstvo/forecast/testing/appeal-rows';
import { randomSource } from '@zemstvo/forecast/testing/synthetic';
import { axeViolations } from './support/axe.ts';
import { openBrowser, type Browser } from './support/browser.ts';
import { logInWithForm, waitForHeading } from './support/page-helpers.ts';
import { startPlatform, type RunningPlatform } from './support/platform.ts';

const PASSWORD = 'zemstvo-demo-2026';
const ANALYST = 'analyst@zarechny.demo.zemstvo.ru';
const DAY = 86_400_000;

describe('forecast page in Chromium', () => {
  let server: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPlatform();
    const rnd = randomSource(11);
    const where = { municipality: 'zarechny', service: 'urban-reports', category: 'roads' };
    // Twelve weeks of pothole reports up to yesterday, then a burst of 40 in the last minute and a
    // half, seconds apart but never before today's midnight in Moscow (the demo municipality's
    // zone): a run just after midnight would otherwise split it over two days, two spikes.
    const from = new Date(Date.now() - 85 * DAY).toISOString().slice(0, 10);
    await insertAppeals(
      server.platform.db,
      where,
      daily(from, 84, () => rnd.poisson(4)),
    );
    const now = Date.now();
    const midnight = Date.parse(`${localDate(new Date(now), 'Europe/Moscow')}T00:00:00+03:00`);
    const burst = Array.from(
      { length: 40 },
      (_, i) => new Date(Math.max(midnight, now - 60_000 - i * 1_000)),
    );
    await insertAppeals(server.platform.db, where, burst);
    browser = await openBrowser(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the forecast of a category with its numbers, and a scan opens a signal for the spike', async () => {
    const { page } = browser;
    await logInWithForm(page, ANALYST, PASSWORD);
    await page.getByRole('link', { name: 'Прогноз' }).first().waitFor();
    await page.goto('/workspace/zarechny/forecast');
    await waitForHeading(page, 'Прогноз');

    await page.getByLabel('Категория').selectOption({ label: 'Дороги и уличная инфраструктура' });
    await page.getByRole('heading', { level: 2, name: 'Дороги и уличная инфраструктура' }).waitFor();
    await page.locator('[data-testid="forecast-chart"] canvas').first().waitFor();
    expect(await page.getByRole('img', { name: /Дороги и уличная инфраструктура: график/ }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Проверка на прошлых неделях' }).waitFor();
    await page.getByText('Числа графика таблицей').click();
    expect(
      await page
        .getByRole('table', { name: /История и прогноз по неделям/ })
        .locator('tbody tr')
        .count(),
    ).toBeGreaterThan(8);

    expect(await axeViolations(page), 'forecast page').toEqual([]);

    await page.getByRole('button', { name: 'Проверить сейчас' }).click();
    await page
      .getByRole('status')
      .getByText(/Открыт 1 новый сигнал/)
      .waitFor();
    const spike = page.getByRole('link', {
      name: /^Дороги и уличная инфраструктура, \d{4}-\d{2}-\d{2}: \d+ при ожидаемых/,
    });
    await spike.waitFor();
    expect(await spike.getAttribute('href')).toMatch(/^\/workspace\/zarechny\/documents\//);
    // The spike lasts: its signal is open.
    await page.getByRole('listitem').filter({ has: spike }).getByText('сигнал открыт').waitFor();
    expect(await axeViolations(page), 'forecast page with a spike').toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
