import type { Page } from 'playwright-core';

/** The text of the page's h1, once it says `expected` (waits for it). */
export async function waitForHeading(page: Page, expected: string): Promise<string> {
  const h1 = page.getByRole('heading', { level: 1, name: expected, exact: true });
  await h1.waitFor();
  return (await h1.textContent()) ?? '';
}

export async function waitForLang(page: Page, lang: string): Promise<string> {
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  return page.evaluate(() => document.documentElement.lang);
}

/** Activates a control the way a keyboard user does: focus it, press Enter. */
export async function pressEnterOn(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.focus();
  await page.keyboard.press('Enter');
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
