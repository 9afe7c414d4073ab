import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from './resources.ts';

const root = new URL('../../../../', import.meta.url).pathname;

/** The action codes every `writeAudit(` call of the server side can write. */
function auditedActions(): Set<string> {
  const codes = new Set<string>();
  for (const dir of ['modules', 'apps/server/src', 'apps/cli/src']) {
    const files = (readdirSync(join(root, dir), { recursive: true }) as string[]).filter(
      (f) =>
        f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('node_modules') && !f.includes('.tmp-'),
    );
    for (const file of files) {
      const code = readFileSync(join(root, dir, file), 'utf8');
      if (!code.includes('writeAudit(')) continue;
      // `action: 'x.y'` and `action: cond ? 'x.y' : 'x.z'`
      for (const line of code.matchAll(/\baction: ([^\n]*)/g))
        for (const m of line[1]!.matchAll(/'([a-z0-9_]+\.[a-z0-9_]+)'/g)) codes.add(m[1]!);
    }
  }
  // Codes built from a value (`document.${status}`, `routing.model_${outcome.status}`): the values
  // their callers pass (documents approval.ts / register-document.ts, routing train-job.ts).
  for (const c of ['document.approved', 'document.returned', 'document.closed', 'document.spike_over_closed'])
    codes.add(c);
  for (const s of ['ready', 'skipped', 'failed']) codes.add(`routing.model_${s}`);
  return codes;
}

const label = (tree: object, code: string): unknown =>
  code
    .split('.')
    .reduce<unknown>(
      (node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined),
      tree,
    );

describe('audit action labels', () => {
  const codes = auditedActions();

  it('finds the audited actions in the code', () => {
    expect(codes.size).toBeGreaterThan(60);
    expect(codes.has('appeal.registered')).toBe(true);
  });

  it('names every audited action in Russian and English', () => {
    for (const lang of ['ru', 'en'] as const)
      for (const code of codes)
        expect(typeof label(messages[lang].auditActions, code), `${lang}: ${code}`).toBe('string');
  });

  it('has no label for an action nothing writes', () => {
    const labelled = Object.entries(messages.en.auditActions).flatMap(([g, a]) =>
      Object.keys(a).map((k) => `${g}.${k}`),
    );
    expect(labelled.filter((c) => !codes.has(c))).toEqual([]);
  });
});
