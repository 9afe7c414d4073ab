import type { Locator, Page } from 'playwright-core';
import type { RunningPlatform } from './platform.ts';
import { waitForHeading } from './page-helpers.ts';

/** Opens the workspace inbox from the section menu, then the box whose name starts with `box`. */
export async function openInbox(page: Page, municipality: string, box: string): Promise<void> {
  await page.waitForURL(`**/workspace/${municipality}**`);
  await page
    .getByRole('navigation', { name: 'Разделы муниципалитета' })
    .getByRole('link', { name: 'Входящие' })
    .click();
  await waitForHeading(page, 'Входящие');
  await page
    .getByRole('navigation', { name: 'Папки входящих' })
    .getByRole('link', { name: new RegExp(`^${box}`) })
    .click();
  await page.waitForURL((url) => url.searchParams.has('box'));
}

/** Searches the open box for `text` (a number or words of the appeal) and opens the case it finds. */
export async function openCase(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Поиск' }).fill(text);
  await page.getByRole('button', { name: 'Найти', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === text);
  const row = page.getByRole('table').getByRole('row').filter({ hasText: text });
  await row.first().waitFor();
  await row.first().getByRole('link').first().click();
  await page.waitForURL('**/documents/**');
  await page.getByRole('heading', { level: 2, name: 'История дела' }).waitFor();
}

/** Presses the button of an action form (by its exact name) inside `scope`. */
export async function pressAction(scope: Locator, button: string): Promise<void> {
  await scope.getByRole('button', { name: button, exact: true }).click();
}

/** Chooses the option of a select whose text starts with `text` (options may add a role after the name). */
export async function selectStartingWith(select: Locator, text: string): Promise<void> {
  // evaluateAll does not wait: without this, a select still loading its list reads as empty.
  await select.locator('option').first().waitFor({ state: 'attached' });
  const options = await select
    .locator('option')
    .evaluateAll((els) =>
      els.map((e) => ({ value: (e as HTMLOptionElement).value, label: e.textContent ?? '' })),
    );
  const found = options.find((o) => o.label.startsWith(text));
  if (!found) throw new Error(`no option starting with ${text}: ${options.map((o) => o.label).join(' | ')}`);
  await select.selectOption(found.value);
}

const names = new Map<string, string>();

/** The display name of a demo user (from the start page's demo list). */
export async function staffName(server: RunningPlatform, email: string): Promise<string> {
  if (!names.size) {
    const demo = (await (await fetch(`${server.baseUrl}/api/demo`)).json()) as {
      logins: { email: string; name: string }[];
    };
    for (const l of demo.logins) names.set(l.email, l.name);
  }
  const name = names.get(email);
  if (!name) throw new Error(`no demo user ${email}`);
  return name;
}
