import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAppealsFile } from '@zemstvo/server/import/import-appeals-file';
import { apiSession } from './support/api-session.ts';
import { axeViolations } from './support/axe.ts';
import { openBrowser, type Browser } from './support/browser.ts';
import { logInWithForm, waitForHeading } from './support/page-helpers.ts';
import { startPlatform, type RunningPlatform } from './support/platform.ts';

const PASSWORD = 'zemstvo-demo-2026';
const ANALYST = 'analyst@zarechny.demo.zemstvo.ru';
const SAMPLE = 'data/samples/spb-appeals-sample.jsonl.gz';
/** The sample holds St. Petersburg appeals of 18 October 2020 – 31 January 2021. */
const RANGE = 'from=2020-10-01&to=2021-01-31&period=week';

interface DashboardRows {
  kpis: { incoming: number };
  breakdowns: { district: { key: string | null; incoming: number }[] };
}

/**
 * The real St. Petersburg sample imported into a demo municipality (`zemstvo import appeals`), then
 * the dashboard in Chromium: KPIs and charts render, a district drills down to its cases, the heat
 * map draws its cells without tiles, CityScore shows, and a DOCX export links the filed document.
 */
describe('analytics dashboard in Chromium, on imported appeals', () => {
  let server: RunningPlatform;
  let browser: Browser;
  let imported = 0;

  beforeAll(async () => {
    server = await startPlatform();
    const summary = await importAppealsFile(server.platform.db, SAMPLE, {
      format: 'spb',
      municipality: 'zarechny',
      ctxFor: (tx, tenant) => ({ ...server.platform.systemCtx(tx, 'e2e-import'), tenant }),
    });
    imported = summary.imported;
    browser = await openBrowser(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows KPIs and charts, drills down from a breakdown to the cases, draws the heat map and exports', async () => {
    const { page } = browser;
    expect(imported).toBeGreaterThan(2500);
    const api = await apiSession(server.baseUrl, ANALYST, PASSWORD);
    const expected = await api.get<DashboardRows>(`/api/m/zarechny/analytics/dashboard?${RANGE}`);
    expect(expected.kpis.incoming).toBe(imported);
    const district = expected.breakdowns.district.find((d) => d.key !== null)!;

    await logInWithForm(page, ANALYST, PASSWORD);
    await page.getByRole('link', { name: 'Аналитика' }).first().waitFor();
    await page.goto(`/workspace/zarechny/analytics?${RANGE}`);
    await waitForHeading(page, 'Аналитика обращений');

    const incoming = page.locator('[data-kpi="incoming"] .kpi-value');
    await incoming.waitFor();
    expect(Number((await incoming.textContent())?.replace(/\s/g, ''))).toBe(imported);
    await page.locator('.analytics-chart canvas').first().waitFor();
    expect(await page.locator('.analytics-chart canvas').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('img', { name: /График по периодам/ }).count()).toBe(1);

    const districts = page.locator('[data-dimension="district"]');
    // A loaded 2-core machine can keep the main thread busy drawing the charts: allow it time.
    await districts.getByRole('button', { name: district.key!, exact: true }).click({ timeout: 45_000 });
    const drill = page.getByTestId('drill-down');
    await drill.getByRole('heading', { name: `Обращения: ${district.key}` }).waitFor();
    await drill
      .getByRole('status')
      .getByText(new RegExp(`^Найдено ${district.incoming} обращени`))
      .waitFor();
    const rows = drill.locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(25, district.incoming));
    expect(await rows.first().getByRole('link').getAttribute('href')).toMatch(
      /^\/workspace\/zarechny\/documents\//,
    );

    await page.locator('path.heat-cell').first().waitFor();
    expect(await page.locator('path.heat-cell').count()).toBeGreaterThan(3);

    await page.getByRole('heading', { name: 'CityScore: показатели подразделений' }).waitFor();
    await page.getByRole('row', { name: /Муниципалитет в целом/ }).waitFor();
    // The analyst sets the municipality's own on-time target; the table reloads with it.
    await page.getByText('Изменить цели').click();
    await page.getByLabel('Доля ответов в срок, %').fill('90');
    await page.getByRole('button', { name: 'Сохранить цели' }).click();
    await page.getByRole('status').getByText('Цели сохранены, показатели пересчитаны.').waitFor();
    await page.getByText(/^Цели: доля ответов в срок 0,9,/).waitFor();
    expect(
      (await api.get<{ onTimeShare: number; custom: boolean }>('/api/m/zarechny/analytics/targets'))
        .onTimeShare,
    ).toBe(0.9);

    await page.getByRole('button', { name: 'DOCX' }).click();
    await page.getByText('Документ создан:').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('link', { name: /^АС-\d{4}\/\d{6}$/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('an imported case names its questions’ theme and shows the import as the system’s step', async () => {
    const { page } = browser;
    const api = await apiSession(server.baseUrl, ANALYST, PASSWORD);
    // «парадная» is only in the St. Petersburg sample, not in the demo appeals.
    const found = await api.get<{ items: { id: string }[] }>(
      `/api/m/zarechny/inbox?box=all&q=${encodeURIComponent('парадная')}`,
    );
    const id = found.items[0]!.id;
    const { appeal } = await api.get<{ appeal: { theme: { code: string; title: { ru: string } } } }>(
      `/api/m/zarechny/appeals/${id}`,
    );
    await page.goto(`/workspace/zarechny/documents/${id}`);
    await page.getByRole('heading', { level: 2, name: 'История дела' }).waitFor();
    const question = page.locator('.questions-list li').first();
    await question.getByText(appeal.theme.title.ru, { exact: false }).waitFor();
    expect(await question.textContent()).not.toContain(appeal.theme.code);
    expect(await page.locator('.history').textContent()).toContain('Система');
    expect(await page.locator('.history').textContent()).not.toContain('system:');
    expect(browser.problems).toEqual([]);
  });
});
