import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './support/api-session.ts';
import { openBrowser, type Browser } from './support/browser.ts';
import { logInWithForm, logOut, waitForHeading } from './support/page-helpers.ts';
import { startPlatform, type RunningPlatform } from './support/platform.ts';
import { openCase, openInbox, pressAction, selectStartingWith, staffName } from './support/spine-helpers.ts';

const SCREENSHOTS = '.tmp';
const PASSWORD = 'zemstvo-demo-2026';
const M = 'zarechny';
const RESIDENT = 'resident@demo.zemstvo.ru';
const REGISTRAR = `registrar@${M}.demo.zemstvo.ru`;
const HEAD = `head@${M}.demo.zemstvo.ru`;
const EXECUTOR = `executor@${M}.demo.zemstvo.ru`;
const APPROVER = `approver@${M}.demo.zemstvo.ru`;
/** The second approver: the analyst is given the approver role by the admin in the setup. */
const SECOND_APPROVER = `analyst@${M}.demo.zemstvo.ru`;
const PHOTO = new URL('../packages/storage/src/testing/fixtures/photo.jpg', import.meta.url);
/** A word no demo appeal has, to find ours in the inbox search. */
const MARKER = 'Подъезд-17-протекает';
const APPEAL_TEXT = `${MARKER}: в подъезде дома 17 по улице Лесной третий месяц протекает крыша, на стенах плесень.`;
const FIRST_ANSWER = 'Крыша дома 17 будет отремонтирована.';
const FINAL_ANSWER =
  'Управление ЖКХ провело осмотр дома 17 по улице Лесной. Ремонт кровли над подъездом включён в план и будет выполнен до 15 декабря управляющей компанией.';

/**
 * The spine in Chromium, end to end, against the real server: a resident files an appeal with a
 * photo → the registrar registers it → the head writes a resolution → the executor drafts the
 * answer from a template → two approvers approve in two stages, the first returning it once for
 * rework → the head signs → the registrar dispatches it → the resident sees it in the cabinet,
 * downloads the signed PDF, and the signature verifies at the public endpoint.
 */
describe('the spine: from an appeal to a signed answer, in Chromium', () => {
  let server: RunningPlatform;
  let browser: Browser;
  let caseNumber = '';
  let downloaded: Buffer = Buffer.alloc(0);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startPlatform();
    // Setup: the analyst becomes the second approver, through the admin API.
    const admin = await apiSession(server.baseUrl, `admin@${M}.demo.zemstvo.ru`, PASSWORD);
    const { items } = await admin.get<{ items: { userId: string; email: string; roleKeys: string[] }[] }>(
      `/api/m/${M}/members`,
    );
    const analyst = items.find((x) => x.email === SECOND_APPROVER);
    if (!analyst) throw new Error('no demo analyst');
    await admin.send('PUT', `/api/m/${M}/members/${analyst.userId}/roles`, {
      roleKeys: [...analyst.roleKeys, 'approver'],
    });
    browser = await openBrowser(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a resident files an appeal with a photo through the generated form', async () => {
    const { page } = browser;
    await logInWithForm(page, RESIDENT, PASSWORD);
    await waitForHeading(page, 'Личный кабинет');
    await page
      .getByRole('navigation', { name: 'Основная навигация' })
      .getByRole('link', { name: 'Написать обращение' })
      .click();
    await waitForHeading(page, 'Написать в администрацию');
    await page.getByLabel('Муниципалитет').selectOption({ label: 'Городской округ Заречный' });
    await page.getByRole('button', { name: 'Показать услуги' }).click();
    await page.getByRole('link', { name: 'Обращения граждан (59-ФЗ)' }).click();
    await waitForHeading(page, 'Обращения граждан (59-ФЗ)');

    // The resident's e-mail is already there; the browser checks the form before sending.
    expect(await page.getByLabel('Адрес электронной почты для ответа').inputValue()).toBe(RESIDENT);
    await page.getByRole('button', { name: 'Отправить' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('Исправьте ошибки в форме:').waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Выберите категорию.',
      'Заполните это поле.',
      'Заполните это поле.',
      'Заполните это поле.',
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-spine-form-errors.png`, fullPage: true });

    await page.getByLabel('Категория').selectOption({ label: 'Жилищно-коммунальная сфера' });
    await page
      .getByLabel('Тема', { exact: true })
      .selectOption({ label: 'Содержание многоквартирных домов' });
    await page.getByLabel('Фамилия').fill('Жителева');
    await page.getByRole('textbox', { name: 'Имя', exact: true }).fill('Елена');
    await page.getByLabel('Почтовый адрес для ответа').fill('624250, г. Заречный, ул. Лесная, д. 17, кв. 4');
    await page.getByLabel('Суть обращения').fill(APPEAL_TEXT);
    await page.getByLabel('Приложения').setInputFiles({
      name: 'protechka.jpg',
      mimeType: 'image/jpeg',
      buffer: readFileSync(PHOTO),
    });
    await page.getByRole('list', { name: 'Выбранные файлы' }).getByText('protechka.jpg').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-spine-form.png`, fullPage: true });
    await page.getByRole('button', { name: 'Отправить' }).click();

    await page.getByRole('heading', { name: 'Обращение отправлено' }).waitFor();
    expect(await page.getByText(/Срок регистрации — до/).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Открыть обращение в личном кабинете' }).click();
    await waitForHeading(page, /^Обращение от /);
    expect(await page.getByText('Получено', { exact: true }).isVisible()).toBe(true);
    await logOut(page);
  });

  it('the registrar finds it in «to register», sees the photo and registers it under 59-FZ', async () => {
    const { page } = browser;
    await logInWithForm(page, REGISTRAR, PASSWORD);
    await openInbox(page, M, 'На регистрацию');
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-spine-inbox.png`, fullPage: true });
    await openCase(page, MARKER);
    await waitForHeading(page, 'Обращение без номера');
    const files = page.getByRole('region', { name: 'Файлы', exact: true });
    await files.getByRole('img', { name: 'protechka.jpg' }).waitFor();
    expect(await files.getByRole('link', { name: 'protechka.jpg' }).count()).toBe(1);

    const register = page.getByRole('region', { name: 'Регистрация', exact: true });
    expect(await register.getByLabel('Тема вопроса 1').inputValue()).toBe('building_maintenance');
    await pressAction(register, 'Зарегистрировать');
    await page.getByRole('status').getByText('Обращение зарегистрировано.').waitFor();
    const heading = await waitForHeading(page, /^Дело ОГ-\d{4}\/\d{6}$/);
    caseNumber = heading.replace('Дело ', '');
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-spine-registered.png`, fullPage: true });
    await logOut(page);
  });

  it('the head writes a resolution to the executor', async () => {
    const { page } = browser;
    await logInWithForm(page, HEAD, PASSWORD);
    await openInbox(page, M, 'На резолюцию');
    await openCase(page, caseNumber);
    const form = page.getByRole('region', { name: 'Резолюция', exact: true });
    await selectStartingWith(form.getByLabel('Ответственный исполнитель'), await staffName(server, EXECUTOR));
    // The only executor is the responsible one: the co-executors say so instead of an empty group.
    await form.getByText('Других исполнителей в муниципалитете нет.').waitFor();
    expect(await form.getByLabel('Срок исполнения').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel('Поручение').fill('Провести осмотр кровли и подготовить ответ заявителю.');
    await pressAction(form, 'Сохранить резолюцию');
    await page.getByRole('status').getByText('Резолюция сохранена, исполнители назначены.').waitFor();
    await page
      .getByRole('region', { name: 'Резолюции и исполнение', exact: true })
      .getByText('Провести осмотр кровли')
      .waitFor();
    await logOut(page);
  });

  it('the executor drafts the answer from a template, previews the PDF and sends it to two approvers in stages', async () => {
    const { page } = browser;
    await logInWithForm(page, EXECUTOR, PASSWORD);
    await openInbox(page, M, 'На исполнение');
    await openCase(page, caseNumber);
    const draft = page.getByRole('region', { name: 'Подготовить ответ по шаблону', exact: true });
    await draft.getByLabel('Шаблон').selectOption({ label: 'Ответ по существу обращения (ст. 10 59-ФЗ)' });
    await draft.getByLabel('Текст ответа по существу').fill(FIRST_ANSWER);
    await pressAction(draft, 'Создать проект');
    await page.getByRole('status').getByText('Проект ответа создан.').waitFor();

    // The preview frame shows the PDF itself: a refused frame would be Chromium's error page instead.
    const frame = await (
      await page.locator('iframe[title="Предпросмотр PDF, версия 1"]').elementHandle()
    )?.contentFrame();
    await frame?.waitForLoadState();
    expect(frame?.url()).toContain('/preview?version=1');
    expect(await frame?.evaluate(() => document.contentType)).toBe('application/pdf');
    const pdf = await page.request.get(`/api/m/${M}/documents/${await draftId(page)}/preview?version=1`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['x-frame-options']).toBe('SAMEORIGIN');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-spine-draft.png`, fullPage: true });

    const route = page.getByRole('region', { name: 'Отправить на согласование', exact: true });
    await route.getByLabel(await staffName(server, SECOND_APPROVER)).selectOption({ label: 'этап 1' });
    await route.getByLabel(await staffName(server, APPROVER)).selectOption({ label: 'этап 2' });
    await pressAction(route, 'Отправить на согласование');
    await page.getByRole('status').getByText('Проект отправлен на согласование.').waitFor();
    await logOut(page);
  });

  it('the first approver returns the draft for rework with a comment', async () => {
    const { page } = browser;
    await logInWithForm(page, SECOND_APPROVER, PASSWORD);
    await openInbox(page, M, 'На согласование');
    await openCase(page, caseNumber);
    const decide = page.getByRole('region', { name: 'Согласование', exact: true });
    await decide.getByRole('button', { name: 'Вернуть на доработку' }).click();
    await decide.getByText('Напишите, что исправить.').waitFor();
    await decide.getByLabel('Комментарий').fill('Укажите срок ремонта и кто его выполнит.');
    await decide.getByRole('button', { name: 'Вернуть на доработку' }).click();
    await page.getByRole('status').getByText('Проект возвращён на доработку.').waitFor();
    await page.getByRole('table', { name: 'Маршрут согласования' }).getByText('возвращено').waitFor();
    await logOut(page);
  });

  it('the executor saves a second version and sends it again', async () => {
    const { page } = browser;
    await logInWithForm(page, EXECUTOR, PASSWORD);
    await openInbox(page, M, 'На исполнение');
    await openCase(page, caseNumber);
    const edit = page.getByRole('region', { name: 'Изменить текст (новая версия)', exact: true });
    await edit.getByLabel('Текст ответа по существу').fill(FINAL_ANSWER);
    await edit.getByLabel('Что изменено').fill('Срок и исполнитель ремонта');
    await pressAction(edit, 'Сохранить новую версию');
    await page.getByRole('status').getByText('Новая версия сохранена.').waitFor();
    await page.locator('iframe[title="Предпросмотр PDF, версия 2"]').waitFor();

    const route = page.getByRole('region', { name: 'Отправить на согласование', exact: true });
    await route.getByLabel(await staffName(server, SECOND_APPROVER)).selectOption({ label: 'этап 1' });
    await route.getByLabel(await staffName(server, APPROVER)).selectOption({ label: 'этап 2' });
    await pressAction(route, 'Отправить на согласование');
    await page.getByRole('status').getByText('Проект отправлен на согласование.').waitFor();
    await logOut(page);
  });

  it('both approvers approve, stage after stage', async () => {
    const { page } = browser;
    for (const approver of [SECOND_APPROVER, APPROVER]) {
      await logInWithForm(page, approver, PASSWORD);
      await openInbox(page, M, 'На согласование');
      await openCase(page, caseNumber);
      const decide = page.getByRole('region', { name: 'Согласование', exact: true });
      await decide.getByLabel('Комментарий').fill('Согласовано.');
      await pressAction(decide, 'Согласовать');
      await page.getByRole('status').getByText('Согласовано.', { exact: true }).waitFor();
      if (approver === APPROVER)
        await page.screenshot({ path: `${SCREENSHOTS}/e2e-spine-approved.png`, fullPage: true });
      await logOut(page);
    }
  });

  it('the head signs the approved version', async () => {
    const { page } = browser;
    await logInWithForm(page, HEAD, PASSWORD);
    await openInbox(page, M, 'На подпись');
    await openCase(page, caseNumber);
    await pressAction(page.getByRole('region', { name: 'Подписание', exact: true }), 'Подписать');
    await page.getByRole('status').getByText('Документ подписан.').waitFor();
    await page.getByText(/^Подписано: /).waitFor();
    await logOut(page);
  });

  it('the registrar registers the answer in the outgoing journal and dispatches it', async () => {
    const { page } = browser;
    await logInWithForm(page, REGISTRAR, PASSWORD);
    await openInbox(page, M, 'Все');
    await openCase(page, caseNumber);
    const dispatch = page.getByRole('region', { name: 'Регистрация и отправка', exact: true });
    expect(await dispatch.getByLabel('в личный кабинет жителя').isChecked()).toBe(true);
    await pressAction(dispatch, 'Зарегистрировать и отправить');
    await page.getByRole('status').getByText('Документ зарегистрирован и отправлен.').waitFor();
    await page.getByRole('heading', { name: /^Документ № ИСХ-ОГ-\d{4}\/\d{6}/ }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-spine-dispatched.png`, fullPage: true });
    await logOut(page);
  });

  it('the resident sees the answer in the cabinet and downloads the signed PDF', async () => {
    const { page } = browser;
    await logInWithForm(page, RESIDENT, PASSWORD);
    await waitForHeading(page, 'Личный кабинет');
    await page.getByRole('link', { name: `Обращение ${caseNumber}` }).click();
    await waitForHeading(page, `Обращение ${caseNumber}`);
    expect(await page.getByText('Дан ответ', { exact: true }).first().isVisible()).toBe(true);
    // The resident's history: the milestones, not the office's internal work.
    const history = page.getByRole('region', { name: 'История обращения', exact: true });
    await history.getByText('Обращение зарегистрировано').waitFor();
    expect(await history.textContent()).toContain(caseNumber);
    expect(await history.textContent()).not.toContain('Резолюция');
    expect(await history.textContent()).not.toContain('Провести осмотр кровли');
    const answers = page.getByRole('region', { name: 'Ответы', exact: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      answers.getByRole('link', { name: /^Скачать подписанный ответ \(PDF\)/ }).click(),
    ]);
    downloaded = readFileSync((await download.path()) ?? '');
    expect(downloaded.subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-spine-cabinet-answer.png`, fullPage: true });
  });

  it('the signature of the downloaded file verifies at the public endpoint, and a changed byte does not', async () => {
    const verify = async (bytes: Buffer) => {
      const res = await fetch(`${server.baseUrl}/api/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: new Uint8Array(bytes),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { valid: boolean; signer?: string; documentNumber?: string };
    };
    const ok = await verify(downloaded);
    expect(ok).toMatchObject({ valid: true, signer: await staffName(server, HEAD) });
    expect(ok.documentNumber).toMatch(/^ИСХ-ОГ-\d{4}\/\d{6}$/);
    const changed = Buffer.from(downloaded);
    changed[changed.length - 10] = (changed[changed.length - 10]! + 1) % 256;
    expect((await verify(changed)).valid).toBe(false);
  });

  it('the resident rates the answer, and the verification page says the file is genuine', async () => {
    const { page } = browser;
    const feedback = page.getByRole('region', { name: 'Оценить ответ', exact: true });
    await feedback.getByLabel('5 — отлично').check();
    await pressAction(feedback, 'Оценить ответ');
    await page.getByRole('status').getByText('Спасибо, оценка сохранена.').waitFor();

    await page.goto('/verify');
    await waitForHeading(page, 'Проверка подписи документа');
    await page
      .getByLabel('Файл документа')
      .setInputFiles({ name: 'answer.pdf', mimeType: 'application/pdf', buffer: downloaded });
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page
      .getByRole('status')
      .getByText('Подпись действительна: файл совпадает с подписанным документом.')
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-spine-verified.png`, fullPage: true });
    await logOut(page);
  });

  it('raised no script errors and no Content-Security-Policy refusals', () => {
    expect(browser.problems).toEqual([]);
  });
});

/** The id of the case's draft, read from its preview frame. */
async function draftId(page: Browser['page']): Promise<string> {
  const src = (await page.locator('iframe[title^="Предпросмотр PDF"]').first().getAttribute('src')) ?? '';
  return /documents\/([0-9a-f-]{36})\//.exec(src)?.[1] ?? '';
}
