import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCases, type CaseSpec } from '@zemstvo/analytics/testing/dataset';
import { openBrowser, type Browser } from './support/browser.ts';
import { logInWithForm, waitForHeading } from './support/page-helpers.ts';
import { startPlatform, type RunningPlatform } from './support/platform.ts';

const PASSWORD = 'zemstvo-demo-2026';
const ANALYST = 'analyst@zarechny.demo.zemstvo.ru';
const DISTRICTS = ['Северный', 'Южный', 'Центральный'];
const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => iso(ms).slice(0, 10);

/**
 * 24 cases received over the last three weeks in three districts (every third one answered in a
 * week, every fourth one past its due date), placed around the demo town.
 * TODO: load the repository sample through `zemstvo import appeals` once it is in the tree.
 */
function cases(now: number): CaseSpec[] {
  return Array.from({ length: 24 }, (_, i) => {
    const received = now - (21 - (i % 20)) * day;
    const closed = i % 3 === 0 ? received + 7 * day : null;
    return {
      received: iso(received),
      answerDue: isoDay(i % 4 === 0 && !closed ? now - 2 * day : received + 30 * day),
      closed: closed ? iso(closed) : null,
      rating: closed ? 3 + (i % 3) : null,
      district: DISTRICTS[i % 3]!,
      executorOrg: i % 2 ? 'Управление благоустройства' : 'Жилищная служба',
      lat: 56.8106 + ((i % 5) - 2) * 0.012,
      lon: 61.3254 + ((i % 4) - 2) * 0.015,
    };
  });
}

describe('analytics dashboard in Chromium', () => {
  let server: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPlatform();
    await makeCases(server.platform, 'zarechny', cases(Date.now()));
    browser = await openBrowser(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows KPIs and charts, drills down from a breakdown to the cases, draws the heat map and exports', async () => {
    const { page } = browser;
    await logInWithForm(page, ANALYST, PASSWORD);
    await page.getByRole('link', { name: 'Аналитика' }).first().waitFor();
    await page.goto('/workspace/zarechny/analytics');
    await waitForHeading(page, 'Аналитика обращений');

    const incoming = page.locator('[data-kpi="incoming"] .kpi-value');
    await incoming.waitFor();
    expect(Number((await incoming.textContent())?.replace(/\s/g, ''))).toBeGreaterThanOrEqual(24);
    await page.locator('.analytics-chart canvas').first().waitFor();
    expect(await page.locator('.analytics-chart canvas').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('img', { name: /График по периодам/ }).count()).toBe(1);

    const districts = page.locator('[data-dimension="district"]');
    await districts.getByRole('button', { name: 'Северный' }).click();
    const drill = page.getByTestId('drill-down');
    await drill.getByRole('heading', { name: 'Обращения: Северный' }).waitFor();
    await drill.getByRole('status').getByText('Найдено 8 обращений').waitFor();
    const rows = drill.locator('tbody tr');
    expect(await rows.count()).toBe(8);
    expect(await rows.first().getByRole('link').getAttribute('href')).toMatch(
      /^\/workspace\/zarechny\/documents\//,
    );

    await page.locator('path.heat-cell').first().waitFor();
    expect(await page.locator('path.heat-cell').count()).toBeGreaterThan(3);
    const summary = (await page.getByTestId('heatmap-summary').textContent()) ?? '';
    expect(Number(/обращений с координатами: (\d+)/.exec(summary)?.[1])).toBeGreaterThanOrEqual(24);

    await page.getByRole('heading', { name: 'CityScore: показатели подразделений' }).waitFor();
    await page.getByRole('row', { name: /Муниципалитет в целом/ }).waitFor();

    await page.getByRole('button', { name: 'DOCX' }).click();
    await page.getByText('Документ создан:').waitFor();
    expect(await page.getByRole('link', { name: /^АС-\d{4}\/\d{6}$/ }).count()).toBe(1);
    expect(browser.problems).toEqual([]);
  });
});
