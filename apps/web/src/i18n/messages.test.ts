import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECIAL_HANDLING, STAFF_SETTABLE } from '../api/appeals.ts';
import { INBOX_BOXES } from '../api/inbox.ts';
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

/** i18next plural forms: `key_one`, `key_few`, … Russian needs more forms than English. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, '');
const pluralForms = (texts: Map<string, string>, base: string) =>
  [...texts.keys()]
    .filter((k) => PLURAL.test(k) && baseKey(k) === base)
    .map((k) => k.slice(base.length + 1))
    .sort();

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

  it('has the same keys in Russian and English (plural forms counted once)', () => {
    const bases = (texts: Map<string, string>) => [...new Set([...texts.keys()].map(baseKey))].sort();
    expect(bases(enLeaves)).toEqual(bases(ruLeaves));
  });

  it('gives every plural text each form its language needs', () => {
    for (const [lang, texts] of [
      ['ru', ruLeaves],
      ['en', enLeaves],
    ] as const) {
      const needed = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      const bases = new Set([...texts.keys()].filter((k) => PLURAL.test(k)).map(baseKey));
      for (const base of bases) expect(pluralForms(texts, base), `${lang}: ${base}`).toEqual(needed);
    }
  });

  it('has no empty texts', () => {
    for (const [key, text] of [...ruLeaves, ...enLeaves]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const english = new Map([...enLeaves].map(([k, v]) => [baseKey(k), v]));
    for (const [key, text] of ruLeaves)
      expect(placeholders(english.get(baseKey(key)) ?? ''), key).toEqual(placeholders(text));
  });

  it('has a text for every literal key the code asks for', () => {
    const src = new URL('..', import.meta.url).pathname;
    const files = (readdirSync(src, { recursive: true }) as string[]).filter(
      (f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'),
    );
    expect(files.length).toBeGreaterThan(40);
    const bases = new Set([...ruLeaves.keys()].map(baseKey));
    for (const file of files) {
      const code = readFileSync(join(src, file), 'utf8');
      for (const m of code.matchAll(/\bt\(\s*'([\w.]+)'/g))
        expect(bases.has(m[1]!), `${m[1]} in ${file}`).toBe(true);
    }
  });

  it('names every status, inbox box and ground of 59-FZ Art. 11 the interface can show', () => {
    const statuses = ['received', 'registered', 'reopened', 'answered', 'redirected', ...STAFF_SETTABLE];
    for (const texts of [ruLeaves, enLeaves]) {
      for (const s of statuses) expect(texts.has(`status.${s}`), s).toBe(true);
      for (const b of INBOX_BOXES) expect(texts.has(`inbox.box.${b}`), b).toBe(true);
      for (const g of SPECIAL_HANDLING) expect(texts.has(`art11.${g}`), g).toBe(true);
    }
  });

  it('keeps the visible text of a button or link inside its accessible name (WCAG 2.5.3)', () => {
    const pairs: [string, string][] = [
      ['demo.use', 'demo.useLabel'],
      ['overview.open', 'overview.openLabel'],
      ['intake.removeFile', 'intake.removeFileLabel'],
      ['reports.showOnMap', 'reports.showOnMapLabel'],
      ['notifications.markRead', 'notifications.markReadLabel'],
      ['start.write', 'start.writeLabel'],
      ['start.map', 'start.mapLabel'],
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
