import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.ts';
import { startIdentityProvider, type TestIdentityProvider } from './support/identity-provider.ts';
import { logOut, pressEnterOn, waitForHeading, waitForLang } from './support/page-helpers.ts';
import { freePort, startPlatform, type RunningPlatform } from './support/platform.ts';

const SCREENSHOTS = '.tmp';

/**
 * Signing in through an external identity provider from the login page, in Chromium: the
 * provider's button, its own sign-in pages (a local oidc-provider), and back to Zemstvo signed in.
 */
describe('identity provider buttons on the login page', () => {
  let idp: TestIdentityProvider;
  let server: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const port = await freePort();
    idp = await startIdentityProvider({
      zemstvoUrl: `http://127.0.0.1:${port}`,
      providerName: 'testid',
      clientId: 'zemstvo',
      accounts: { alice: { email: 'alice@example.org', email_verified: true, name: 'Алиса Иванова' } },
    });
    server = await startPlatform({
      PORT: String(port),
      OIDC_PROVIDERS: JSON.stringify([
        {
          name: 'testid',
          issuer: idp.issuer,
          clientId: 'zemstvo',
          clientSecret: 'zemstvo-secret',
          label: { ru: 'Войти через Тест-ID', en: 'Log in with Test ID' },
        },
      ]),
    });
    browser = await openBrowser(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  it('shows one button per provider, labelled in the interface language', async () => {
    const { page } = browser;
    await page.goto('/login');
    await waitForHeading(page, 'Вход');
    const section = page.getByRole('region', { name: 'Другие способы входа' });
    const button = section.getByRole('link', { name: 'Войти через Тест-ID' });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe('/api/auth/oidc/testid/start?returnTo=%2F');
    expect(await section.getByRole('link').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-login-providers.png`, fullPage: true });

    await pressEnterOn(page, page.getByRole('button', { name: 'English' }));
    expect(await waitForLang(page, 'en')).toBe('en');
    await page
      .getByRole('region', { name: 'Other ways to log in' })
      .getByRole('link', { name: 'Log in with Test ID' })
      .waitFor();
    await pressEnterOn(page, page.getByRole('button', { name: 'Русский' }));
    expect(await waitForLang(page, 'ru')).toBe('ru');
  });

  it('comes back from the provider to the page that asked for a login, signed in', async () => {
    const { page } = browser;
    await page.goto('/cabinet');
    await waitForHeading(page, 'Вход');
    const button = page.getByRole('link', { name: 'Войти через Тест-ID' });
    expect(await button.getAttribute('href')).toBe('/api/auth/oidc/testid/start?returnTo=%2Fcabinet');
    await pressEnterOn(page, button);

    // The provider's own development sign-in pages.
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill('alice');
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${server.baseUrl}/cabinet`);
    await waitForHeading(page, 'Личный кабинет');
    expect(await page.getByText('Вы вошли как Алиса Иванова').isVisible()).toBe(true);
    await logOut(page);
  });

  it('raised no script errors and no Content-Security-Policy refusals', () => {
    expect(browser.problems).toEqual([]);
  });
});
