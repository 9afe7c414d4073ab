import type { Page } from 'playwright-core';

/** The text of the page's h1, once it says `expected` (exactly, or matching a pattern; waits for it). */
export async function waitForHeading(page: Page, expected: string | RegExp): Promise<string> {
  const h1 =
    typeof expected === 'string'
      ? page.getByRole('heading', { level: 1, name: expected, exact: true })
      : page.getByRole('heading', { level: 1, name: expected });
  await h1.waitFor();
  return (await h1.textContent()) ?? '';
}

export async function waitForLang(page: Page, lang: string): Promise<string> {
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  return page.evaluate(() => document.documentElement.lang);
}

/**
 * Activates a control the way a keyboard user does: focus it, press Enter — in one action on the
 * element (`locator.press`), so a re-render that moves focus in between cannot take the key.
 */
export async function pressEnterOn(_page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.press('Enter');
}

/** What the focused element is, for asserting where focus went. */
export const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', text: el?.textContent?.trim() ?? '', id: el?.id ?? '' };
  });

/** The link texts of a navigation landmark. */
export const navLinks = (page: Page, label: string) =>
  page.getByRole('navigation', { name: label }).getByRole('link').allTextContents();

/** Opens the login page from the main navigation and logs in with the form (Russian interface). */
export async function logInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Основная навигация' })
    .getByRole('link', { name: 'Войти' })
    .click();
  await waitForHeading(page, 'Вход');
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти', exact: true }).press('Enter');
}

/**
 * Logs out with the header button and waits for the login link to come back. A click, not the
 * keyboard: after an action the page may still move focus to its status message (the spine's
 * approval did, and the Enter meant for «Выйти» went there), and the keyboard path is tested
 * on its own in web-shell.
 */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await page
    .getByRole('navigation', { name: 'Основная навигация' })
    .getByRole('link', { name: 'Войти' })
    .waitFor();
}

/** Sideways overflow of the page in CSS pixels (0 or less: it fits the window). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
