import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@zemstvo/kernel';
import { failInterruptedRuns } from '@zemstvo/routing';
import { fileSampleAppeals } from '@zemstvo/routing/testing/sample-appeals';
import { axeViolations } from './support/axe.ts';
import { openBrowser, type Browser } from './support/browser.ts';
import { logInWithForm, logOut, waitForHeading } from './support/page-helpers.ts';
import { startPlatform, type RunningPlatform } from './support/platform.ts';

const PASSWORD = 'zemstvo-demo-2026';
const ADMIN = 'admin@zarechny.demo.zemstvo.ru';
const REGISTRAR = 'registrar@zarechny.demo.zemstvo.ru';

describe('routing suggestions in Chromium', () => {
  let server: RunningPlatform;
  let browser: Browser;
  let ids: string[];

  beforeAll(async () => {
    server = await startPlatform();
    ids = await fileSampleAppeals(server.platform, 'zarechny', 120);
    browser = await openBrowser(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin retrains the model; the registrar sees the suggestions with confidence and corrects the category', async () => {
    const { page } = browser;
    await logInWithForm(page, ADMIN, PASSWORD);
    await page.waitForURL('**/workspace/zarechny');
    await page.goto('/workspace/zarechny/routing');
    await waitForHeading(page, 'Модель маршрутизации');
    await page.getByText('Модель ещё ни разу не обучалась.').waitFor();
    await page.getByRole('button', { name: 'Переобучить сейчас' }).click();
    await page.getByRole('status').getByText('Обучение поставлено в очередь.').waitFor();
    await server.platform.worker.drain();
    await page.getByRole('button', { name: 'Обновить' }).click();
    const runs = page.getByRole('table', { name: 'Обучения модели маршрутизации' });
    await runs.getByText('готова').waitFor();
    expect(await runs.locator('tbody tr').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await logOut(page);

    await logInWithForm(page, REGISTRAR, PASSWORD);
    await page.waitForURL('**/workspace/zarechny');
    await page.goto(`/workspace/zarechny/documents/${ids[3]}`);
    const panel = page.getByRole('region', { name: 'Подсказки маршрутизации' });
    await panel.getByText('Модель версии 1', { exact: false }).waitFor();
    await panel.getByRole('heading', { name: 'Категория' }).waitFor();
    // Each suggestion has its confidence, spelled out for screen readers.
    const confidences = panel.locator('.routing-confidence');
    expect(await confidences.count()).toBeGreaterThan(1);
    expect(await confidences.first().textContent()).toMatch(/^уверенность (< )?\d+\s%$/);
    await panel.getByLabel('Выбрать другое').first().selectOption({ value: 'social' });
    await panel.getByRole('button', { name: 'Применить' }).first().click();
    await page.getByRole('status').getByText('Классификация обращения изменена.').waitFor();
    // «Социальная сфера» may have been among the three suggestions (accepted) or not (corrected).
    await panel.getByText(/\((исправлено|подсказка принята)\)/).waitFor();
    await page
      .getByText(/^Социальная сфера/)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the admin sees a training left behind by a stopped process as interrupted', async () => {
    const { page } = browser;
    const { db, services } = server.platform;
    await db.query(
      `INSERT INTO routing_models (municipality_id, version, status, requested_at, trainer, heartbeat_at)
       SELECT id, 99, 'training', now() - interval '10 minutes', 'stopped-host pid 1 e2e', now() - interval '10 minutes'
       FROM municipalities WHERE slug = 'zarechny'`,
    );
    expect(await db.transaction((tx) => failInterruptedRuns(tx, services.clock, silentLogger))).toBe(1);
    await logOut(page);
    await logInWithForm(page, ADMIN, PASSWORD);
    await page.waitForURL('**/workspace/zarechny');
    await page.goto('/workspace/zarechny/routing');
    await waitForHeading(page, 'Модель маршрутизации');
    const interrupted = page
      .getByRole('table', { name: 'Обучения модели маршрутизации' })
      .locator('tbody tr')
      .filter({ hasText: '99' });
    await interrupted.getByText('ошибка').waitFor();
    await interrupted.getByText('— прервано: процесс остановлен').waitFor();
    expect(browser.problems).toEqual([]);
  });

  it('a run skipped for too little history says why in the reader’s language', async () => {
    const { page } = browser;
    await logOut(page);
    await logInWithForm(page, 'admin@sosnovka.demo.zemstvo.ru', PASSWORD);
    await page.waitForURL('**/workspace/sosnovka');
    await page.goto('/workspace/sosnovka/routing');
    await waitForHeading(page, 'Модель маршрутизации');
    await page.getByRole('button', { name: 'Переобучить сейчас' }).click();
    await page.getByRole('status').getByText('Обучение поставлено в очередь.').waitFor();
    await server.platform.worker.drain();
    await page.getByRole('button', { name: 'Обновить' }).click();
    const skipped = page
      .getByRole('table', { name: 'Обучения модели маршрутизации' })
      .locator('tbody tr')
      .first();
    await skipped.getByText('пропущено').waitFor();
    await skipped.getByText(/— обращений с категорией \d+, а для обучения нужно не меньше 50/).waitFor();
    expect(await skipped.textContent()).not.toMatch(/labelled|training needs/);
    expect(browser.problems).toEqual([]);
  });
});
