import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './support/api-session.ts';
import { openBrowser, type Browser } from './support/browser.ts';
import { SCREENSHOTS, useServerAndBrowser } from './support/suite.ts';
import { horizontalOverflow, logInWithForm, logOut, waitForHeading } from './support/page-helpers.ts';
import { startPlatform, type RunningPlatform } from './support/platform.ts';

const PASSWORD = 'zemstvo-demo-2026';
const RESIDENT = 'resident@demo.zemstvo.ru';
const REPORT = 'Яма-у-остановки: глубокая яма у остановки «Школа», автобусы объезжают её по встречной.';
/** Tiles come from a server that does not answer: the map must work without them. */
const DEAD_TILES = 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png';

const coordinates = async (page: Browser['page']) => ({
  lat: await page.getByRole('textbox', { name: 'Широта' }).inputValue(),
  lon: await page.getByRole('textbox', { name: 'Долгота' }).inputValue(),
});

/**
 * A map report (urban-reports) in Chromium without map tiles — none configured, then a tile server
 * that never answers: the point is set by a click on the blank map, by the keyboard, and by typing
 * coordinates; a lost answer is sent again with the same Idempotency-Key and files one report; the
 * report then shows on the public map and in its list, which opens it on the map.
 */
describe('map reports in Chromium, without map tiles', () => {
  let server: RunningPlatform;
  let browser: Browser;

  useServerAndBrowser((started) => ({ server, browser } = started));

  it('sets the point by a click on the blank map, by the keyboard, and by typing it', async () => {
    const { page } = browser;
    await logInWithForm(page, RESIDENT, PASSWORD);
    await waitForHeading(page, 'Личный кабинет');
    await page.goto('/m/zarechny/write/urban-reports');
    await waitForHeading(page, 'Сообщения о проблемах городской среды');
    await page.getByText('Подложка карты недоступна.', { exact: false }).waitFor();

    const map = page.getByLabel('Карта. Щелчок ставит точку');
    const box = await map.boundingBox();
    if (!box) throw new Error('the map is not on the page');
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.4);
    const clicked = await coordinates(page);
    expect(clicked.lat).toMatch(/^\d+\.\d{6}$/);
    expect(clicked.lon).toMatch(/^\d+\.\d{6}$/);
    await page
      .getByRole('status')
      .getByText(`Точка: широта ${clicked.lat}, долгота ${clicked.lon}.`)
      .waitFor();

    await page.getByRole('button', { name: 'Убрать точку' }).click();
    expect(await coordinates(page)).toEqual({ lat: '', lon: '' });
    await map.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const byKeyboard = await coordinates(page);
    expect(Number(byKeyboard.lat)).toBeGreaterThan(Number(clicked.lat) - 1);
    expect(byKeyboard.lat).not.toBe('');

    await page.getByRole('textbox', { name: 'Широта' }).fill('56,8150');
    await page.getByRole('textbox', { name: 'Долгота' }).fill('61.3200');
    await page.getByLabel('Категория').selectOption({ label: 'Дороги и уличная инфраструктура' });
    await page.getByLabel('Тема', { exact: true }).selectOption({ label: 'Яма на дороге' });
    await page.getByLabel('Что случилось').fill(REPORT);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-map-report-form.png`, fullPage: true });

    // The first answer is lost on the way back: the server filed the report, the browser saw an error.
    const keys: string[] = [];
    await page.route('**/api/m/zarechny/appeals', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      const answer = await route.fetch();
      if (keys.length === 1) await route.abort('connectionreset');
      else await route.fulfill({ response: answer });
    });
    await page.getByRole('button', { name: 'Отправить' }).click();
    // The demo data's open pothole report 50 m away is offered for support first; send anyway.
    const offer = page.getByRole('region', { name: /Похоже, об этом уже сообщили/ });
    await offer.getByRole('listitem').filter({ hasText: 'Глубокая яма на проезжей части' }).waitFor();
    await offer.getByRole('button', { name: 'Всё равно отправить' }).click();
    await page.getByRole('alert').getByText('Нет связи с сервером', { exact: false }).waitFor();
    // Sending again carries the same Idempotency-Key: the same report comes back, no second one.
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByRole('heading', { name: 'Обращение отправлено' }).waitFor();
    await page.unroute('**/api/m/zarechny/appeals');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const mine = await page.request.get('/api/me/appeals?limit=100');
    const ours = ((await mine.json()) as { items: { text: string }[] }).items.filter((a) =>
      a.text.includes('Яма-у-остановки'),
    );
    expect(ours).toHaveLength(1);
  });

  it('fits a phone screen', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.goto('/m/zarechny/write/urban-reports');
      await waitForHeading(page, 'Сообщения о проблемах городской среды');
      await page.getByLabel('Карта. Щелчок ставит точку').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOTS}/e2e-map-report-phone.png`, fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await logOut(page);
  });

  it('shows the registered report to anyone on the public map and in its list; the list opens it on the map', async () => {
    const { page } = browser;
    // Reports reach the public map once the registrar has seen them (registered through the API here).
    const registrar = await apiSession(server.baseUrl, 'registrar@zarechny.demo.zemstvo.ru', PASSWORD);
    const found = await registrar.get<{ items: { id: string }[] }>(
      `/api/m/zarechny/inbox?box=to_register&q=${encodeURIComponent('Яма-у-остановки')}`,
    );
    expect(found.items).toHaveLength(1);
    await registrar.send('POST', `/api/m/zarechny/appeals/${found.items[0]!.id}/register`, {});

    await page.goto('/services');
    await page.getByLabel('Муниципалитет').selectOption({ label: 'Городской округ Заречный' });
    await page.getByRole('button', { name: 'Показать услуги' }).click();
    await page.getByRole('link', { name: 'Карта сообщений о проблемах' }).click();
    await waitForHeading(page, 'Карта сообщений: Городской округ Заречный');
    const list = page.getByRole('region', { name: 'Список сообщений', exact: true });
    const ours = list.getByRole('listitem').filter({ hasText: 'Яма-у-остановки' });
    await ours.waitFor();
    expect(await ours.getByText('Зарегистрировано', { exact: true }).isVisible()).toBe(true);
    await ours.getByRole('button', { name: 'Показать на карте: Яма на дороге' }).click();
    await page.locator('.leaflet-popup-content').getByText('Яма-у-остановки', { exact: false }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-public-map.png`, fullPage: true });
  });

  it('raised no script errors and no Content-Security-Policy refusals', () => {
    expect(browser.problems).toEqual([]);
  });
});

describe('map reports with a tile server that does not answer', () => {
  let server: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPlatform({ MAP_TILE_URL: DEAD_TILES, MAP_TILE_ATTRIBUTION: '© Тестовые тайлы' });
    browser = await openBrowser(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names the tile server to the web app and allows its images, and the point is still set by a click', async () => {
    const { page } = browser;
    const config = await (await fetch(`${server.baseUrl}/api/config`)).json();
    expect(config).toEqual({ map: { tileUrl: DEAD_TILES, attribution: '© Тестовые тайлы' } });
    const csp = (await fetch(`${server.baseUrl}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/img-src [^;]*http:\/\/127\.0\.0\.1:9/);

    await logInWithForm(page, RESIDENT, PASSWORD);
    await waitForHeading(page, 'Личный кабинет');
    await page.goto('/m/zarechny/write/urban-reports');
    await waitForHeading(page, 'Сообщения о проблемах городской среды');
    await page.getByText('© Тестовые тайлы').waitFor();
    const box = await page.getByLabel('Карта. Щелчок ставит точку').boundingBox();
    if (!box) throw new Error('the map is not on the page');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect((await coordinates(page)).lat).toMatch(/^\d+\.\d{6}$/);
    await logOut(page);
  });

  it('raised no Content-Security-Policy refusals', () => {
    expect(browser.problems).toEqual([]);
  });
});
