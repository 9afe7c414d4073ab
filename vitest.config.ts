import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

const exclude = ['**/node_modules/**', '**/dist/**', 'e2e/**'];

/**
 * The PostgreSQL pass (`npm run test:pg` sets TEST_DATABASE_URL) runs only the files that open a
 * database through the test helpers or read the server's URL: a file that never does (pure units,
 * CLI commands that read files, PGlite-only checks) would repeat its PGlite run word for word.
 */
const TOUCHES_DATABASE =
  /createTestPlatform|openTestDatabase|openScratchDatabase|DATABASE_URL|openDatabase|TestPlatform|testPlatform/;
function databaseIndependentTests(): string[] {
  return ['apps', 'packages', 'modules', 'scripts'].flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.test.ts') && !name.includes('node_modules'))
      .map((name) => join(root, name))
      .filter((file) => !TOUCHES_DATABASE.test(readFileSync(file, 'utf8'))),
  );
}

export default defineConfig({
  test: {
    include: ['{apps,packages,modules}/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: process.env.TEST_DATABASE_URL ? [...exclude, ...databaseIndependentTests()] : exclude,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
