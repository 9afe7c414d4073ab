import { describe, expect, it } from 'vitest';
import { externalLoginError, providerStartHref } from './external-login.ts';

describe('externalLoginError', () => {
  it('reads an error code from the query string', () => {
    expect(externalLoginError('?error=provider_denied')).toBe('provider_denied');
    expect(externalLoginError('?provider=testid&error=login_flow_invalid')).toBe('login_flow_invalid');
  });

  it('ignores a missing or non-code value', () => {
    for (const search of [
      '',
      '?',
      '?error=',
      '?error=Hello%20there',
      '?error=<b>x</b>',
      `?error=${'a'.repeat(65)}`,
    ])
      expect(externalLoginError(search), search).toBeNull();
  });
});

describe('providerStartHref', () => {
  it('comes back to the page the user wanted', () => {
    expect(providerStartHref('/api/auth/oidc/testid/start', '/workspace/zarechny')).toBe(
      '/api/auth/oidc/testid/start?returnTo=%2Fworkspace%2Fzarechny',
    );
  });

  it('falls back to the start page for anything but a path on this site', () => {
    for (const returnTo of [undefined, '', 'https://evil.example/', '//evil.example', '/\\evil', 'cabinet'])
      expect(providerStartHref('/api/auth/oidc/x/start', returnTo), String(returnTo)).toBe(
        '/api/auth/oidc/x/start?returnTo=%2F',
      );
  });
});
