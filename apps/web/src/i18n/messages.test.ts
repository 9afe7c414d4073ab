import { describe, expect, it } from 'vitest';
import { EXTERNAL_LOGIN_ERRORS } from '../pages/auth/external-login.ts';
import { messageFiles, messages } from './resources.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('interface texts', () => {
  const ruLeaves = leaves(messages.ru);
  const enLeaves = leaves(messages.en);

  it('keeps each top-level key in one file, and the same files in both languages', () => {
    for (const files of Object.values(messageFiles)) {
      const seen = new Map<string, string>();
      for (const [file, tree] of Object.entries(files))
        for (const key of Object.keys(tree)) {
          expect(seen.get(key), `${key} in ${file}`).toBeUndefined();
          seen.set(key, file);
        }
    }
    const stem = (name: string) => name.replace(/(^|\.)(ru|en)\.json$/, '');
    expect(Object.keys(messageFiles.en).map(stem)).toEqual(Object.keys(messageFiles.ru).map(stem));
  });

  it('has the same keys in Russian and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...ruLeaves.keys()].sort());
  });

  it('has no empty texts', () => {
    for (const [key, text] of [...ruLeaves, ...enLeaves]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of ruLeaves)
      expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('keeps the visible text of a button or link inside its accessible name (WCAG 2.5.3)', () => {
    const pairs: [string, string][] = [
      ['demo.use', 'demo.useLabel'],
      ['overview.open', 'overview.openLabel'],
    ];
    for (const [visible, label] of pairs)
      for (const texts of [ruLeaves, enLeaves])
        expect(texts.get(label) ?? '').toContain(texts.get(visible) ?? '?');
  });

  it('translates every error code the login form can show', () => {
    for (const code of ['invalid_credentials', 'account_locked', 'rate_limited']) {
      expect(ruLeaves.has(`errors.${code}`), code).toBe(true);
      expect(enLeaves.get(`errors.${code}`)).not.toBe(ruLeaves.get(`errors.${code}`));
    }
  });

  it('translates every error code the registration and password reset forms can show', () => {
    const codes = ['email_taken', 'bad_email', 'weak_password', 'invalid_reset_token', 'rate_limited'];
    for (const code of [...codes, 'validation_failed', 'network_error']) {
      expect(ruLeaves.has(`errors.${code}`), code).toBe(true);
      expect(enLeaves.get(`errors.${code}`)).not.toBe(ruLeaves.get(`errors.${code}`));
    }
    for (const field of ['displayName', 'email', 'password'])
      expect(ruLeaves.has(`fields.${field}.invalid`), field).toBe(true);
  });

  it('explains every way an external sign-in can fail', () => {
    for (const code of [...EXTERNAL_LOGIN_ERRORS, 'failed'])
      expect(ruLeaves.has(`externalLogin.${code}`), code).toBe(true);
  });
});
