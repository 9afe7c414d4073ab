import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api-session.ts';
import { axeViolations } from './support/axe.ts';
import type { Browser } from './support/browser.ts';
import { SCREENSHOTS, useServerAndBrowser } from './support/suite.ts';
import { logInWithForm, logOut, waitForHeading } from './support/page-helpers.ts';
import type { RunningPlatform } from './support/platform.ts';

const PASSWORD = 'zemstvo-demo-2026';
const FIRST = 'resident@demo.zemstvo.ru';
const SECOND = 'resident2@demo.zemstvo.ru';
const REGISTRAR = 'registrar@zarechny.demo.zemstvo.ru';
const HEAD = 'head@zarechny.demo.zemstvo.ru';
const MARKER = 'Качели-у-пруда';
const TEXT = `${MARKER}: на детской площадке сломаны качели, сиденье висит на одной цепи.`;
const POINT = { lat: 56.8262, lon: 61.3468 };
/** 0.0009° of latitude is about 100 m. */
const NEARBY = { lat: POINT.lat + 0.0009, lon: POINT.lon };

async function fillReport(page: Browser['page'], point: { lat: number; lon: number }, text: string) {
  await page.goto('/m/zarechny/write/urban-reports');
  await waitForHeading(page, 'Сообщения о проблемах городской среды');
  await page.getByLabel('Категория').selectOption({ label: 'Благоустройство' });
  await page.getByRole('textbox', { name: 'Широта' }).fill(point.lat.toFixed(6));
  await page.getByRole('textbox', { name: 'Долгота' }).fill(point.lon.toFixed(6));
  await page.getByLabel('Что случилось').fill(text);
  await page.getByRole('button', { name: 'Отправить' }).click();
}

/**
 * Search and duplicates in Chromium: staff find a resident's report by other word forms than the
 * ones written (stemming), with the matches highlighted; a second resident reporting the same
 * problem 100 m away is offered the first report, supports it, and files no second one.
 */
describe('search and duplicate reports in Chromium', () => {
  let server: RunningPlatform;
  let browser: Browser;
  let reportId = '';

  useServerAndBrowser((started) => ({ server, browser } = started));

  it('a resident reports broken swings; staff find it by «сломанные качели» with the words highlighted', async () => {
    const { page } = browser;
    await logInWithForm(page, FIRST, PASSWORD);
    await waitForHeading(page, 'Личный кабинет');
    await fillReport(page, POINT, TEXT);
    await page.getByRole('heading', { name: 'Обращение отправлено' }).waitFor();
    await logOut(page);

    // The report reaches the public map once registered (done through the API here).
    const registrar = await apiSession(server.baseUrl, REGISTRAR, PASSWORD);
    const found = await registrar.get<{ items: { id: string }[] }>(
      `/api/m/zarechny/inbox?box=to_register&q=${encodeURIComponent(MARKER)}`,
    );
    expect(found.items).toHaveLength(1);
    reportId = found.items[0]!.id;
    await registrar.send('POST', `/api/m/zarechny/appeals/${reportId}/register`, {});

    await logInWithForm(page, REGISTRAR, PASSWORD);
    await page.waitForURL('**/workspace/zarechny');
    await page
      .getByRole('navigation', { name: 'Разделы муниципалитета' })
      .getByRole('link', { name: 'Поиск' })
      .click();
    await waitForHeading(page, 'Поиск по документам');
    // An empty search is refused by the browser («fill in this field») instead of doing nothing.
    await page.getByRole('button', { name: 'Найти', exact: true }).click();
    const box = page.getByRole('searchbox', { name: 'Что найти' });
    expect(await box.evaluate((e) => (e as HTMLInputElement).validity.valueMissing)).toBe(true);
    await page.getByRole('searchbox', { name: 'Что найти' }).fill('сломанные качели');
    await page.getByRole('button', { name: 'Найти', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'сломанные качели');
    const results = page.getByRole('list', { name: 'Результаты поиска' });
    const hit = results.getByRole('listitem').filter({ hasText: MARKER });
    await hit.waitFor();
    const marks = (await hit.locator('mark').allTextContents()).map((m) => m.toLowerCase());
    expect(marks).toContain('сломаны');
    expect(marks).toContain('качели');
    // The snippet is text: no markup of the appeal reaches the page as HTML.
    expect(await hit.locator('.search-snippet script, .search-snippet b').count()).toBe(0);
    // A facet applies at once: the page loads again with it (so `check()` could read the box while
    // it is re-rendered); the box is checked once the filtered results are there.
    const appealsOnly = page
      .getByRole('group', { name: 'Вид документа' })
      .getByRole('checkbox', { name: /^Обращение/ });
    await appealsOnly.click();
    await page.waitForURL((url) => url.searchParams.get('kind') === 'appeal');
    await hit.waitFor();
    await expect.poll(() => appealsOnly.isChecked(), { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-search.png`, fullPage: true });
    expect(await axeViolations(page), 'search page with facets').toEqual([]);

    // Back and forward keep the search: the query lives in the URL.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('kind') && url.searchParams.has('q'));
    expect(await page.getByRole('searchbox', { name: 'Что найти' }).inputValue()).toBe('сломанные качели');

    await hit.getByRole('link').first().click();
    await page.waitForURL(`**/workspace/zarechny/documents/${reportId}`);
    await page.getByRole('heading', { level: 2, name: 'История дела' }).waitFor();
    // The demo data's older report of broken swings is among the similar documents.
    const similar = page.getByRole('region', { name: 'Похожие документы' });
    await similar.getByRole('link', { name: /сломаны качели, торчат болты/ }).waitFor();
    await logOut(page);
  });

  it('a second resident reporting the same problem 100 m away is offered it, supports it and files nothing', async () => {
    const { page } = browser;
    await logInWithForm(page, SECOND, PASSWORD);
    await waitForHeading(page, 'Личный кабинет');
    await fillReport(page, NEARBY, 'Сломались качели на детской площадке у пруда, дети могут упасть.');

    const offer = page.getByRole('region', { name: /Похоже, об этом уже сообщили/ });
    await offer.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('duplicate-offer-title');
    const candidate = offer.getByRole('listitem').filter({ hasText: MARKER });
    await candidate.waitFor();
    const facts = (await candidate.textContent()) ?? '';
    const meters = Number(/(\d+) м от вашей точки/.exec(facts)?.[1]);
    expect(meters).toBeGreaterThanOrEqual(90);
    expect(meters).toBeLessThanOrEqual(110);
    expect(await offer.getByRole('button', { name: 'Всё равно отправить' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-duplicate-offer.png`, fullPage: true });
    expect(await axeViolations(page), 'duplicate offer').toEqual([]);

    await candidate.getByRole('button', { name: /^Поддержать/ }).click();
    await page.getByRole('status').getByText('Вы поддержали сообщение', { exact: false }).waitFor();

    const support = await page.request.get(`/api/m/zarechny/reports/${reportId}/support`);
    expect(await support.json()).toEqual({ count: 1, supportedByMe: true });
    const mine = await page.request.get('/api/me/appeals?limit=100');
    const filed = ((await mine.json()) as { items: { text: string }[] }).items.filter((a) =>
      a.text.includes('Сломались качели'),
    );
    expect(filed).toHaveLength(0);

    // Residents search the public reports too; the URL holds the words.
    await page.goto('/m/zarechny/reports');
    await page.getByRole('searchbox', { name: 'Найти сообщение' }).fill('сломанные качели');
    await page
      .getByRole('search', { name: 'Поиск по сообщениям' })
      .getByRole('button', { name: 'Найти' })
      .click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'сломанные качели');
    const publicHit = page
      .getByRole('list', { name: 'Результаты поиска' })
      .getByRole('listitem')
      .filter({ hasText: MARKER });
    await publicHit.waitFor();
    expect(await publicHit.locator('mark').count()).toBeGreaterThan(0);

    // Submitting again with nothing changed still says what was found (a new live-region text).
    const publicSearch = page.getByRole('search', { name: 'Поиск по сообщениям' });
    const searchSaid = page.locator('[aria-live="polite"]').getByText(/^По запросу найдено \d+ сообщени/);
    await searchSaid.waitFor({ state: 'attached' });
    const firstSaid = await searchSaid.elementHandle();
    await publicSearch.getByRole('button', { name: 'Найти' }).click();
    await page.waitForFunction((el) => el !== null && !el.isConnected, firstSaid);
    await searchSaid.waitFor({ state: 'attached' });
    const filter = page.getByRole('form', { name: 'Фильтры карты' });
    const mapSaid = page.locator('[aria-live="polite"]').getByText(/^Найдено \d+ сообщени/);
    await filter.getByRole('button', { name: 'Показать' }).click();
    await mapSaid.waitFor();
    const shownBefore = await mapSaid.elementHandle();
    await page.getByRole('form', { name: 'Фильтры карты' }).getByRole('button', { name: 'Показать' }).click();
    await page.waitForFunction((el) => el !== null && !el.isConnected, shownBefore);
    await mapSaid.waitFor();
    await logOut(page);
  });

  it('a report sent anyway is offered to staff as a possible duplicate and merged into the first', async () => {
    const { page } = browser;
    const again = 'Качели на детской площадке у пруда сломаны, прошу починить.';
    await logInWithForm(page, SECOND, PASSWORD);
    await waitForHeading(page, 'Личный кабинет');
    await fillReport(page, NEARBY, again);
    await page.getByRole('region', { name: /Похоже, об этом уже сообщили/ }).waitFor();
    await page.getByRole('button', { name: 'Всё равно отправить' }).click();
    await page.getByRole('heading', { name: 'Обращение отправлено' }).waitFor();
    const mine = await page.request.get('/api/me/appeals?limit=100');
    const repeated = ((await mine.json()) as { items: { id: string; text: string }[] }).items.find((a) =>
      a.text.includes('прошу починить'),
    );
    expect(repeated).toBeDefined();
    await logOut(page);

    await logInWithForm(page, HEAD, PASSWORD);
    await page.waitForURL('**/workspace/zarechny');
    await page.goto(`/workspace/zarechny/documents/${repeated!.id}`);
    const panel = page.getByRole('region', { name: 'Возможные дубликаты' });
    const candidate = panel.getByRole('listitem').filter({ hasText: MARKER });
    await candidate.waitFor();
    expect(await candidate.textContent()).toMatch(/\d+ м от этой точки/);
    await candidate.getByRole('button', { name: 'Объединить' }).click();
    await page.getByRole('status').getByText('Обращения объединены.').waitFor();
    await panel.getByText('Это обращение — дубликат другого.').waitFor();
    const merged = await page.request.get(`/api/m/zarechny/appeals/${repeated!.id}`);
    expect((await merged.json()).appeal).toMatchObject({ status: 'duplicate', duplicateOf: reportId });
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-merged.png`, fullPage: true });
    expect(await axeViolations(page), 'case page with duplicates and similar documents').toEqual([]);
    await logOut(page);
  });

  it('raised no script errors and no Content-Security-Policy refusals', () => {
    expect(browser.problems).toEqual([]);
  });
});
