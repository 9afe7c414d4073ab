import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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
    // One fork per core (vitest's default keeps one core free: a single fork on the 2-core CI
    // machine). Most files wait on a database, a child process or a socket, and each file has its
    // own database, so two forks on two cores took the PGlite suite from ~1,040 s to ~720 s.
    poolOptions: { forks: { maxForks: Math.max(2, availableParallelism()) } },
    reporters: ['default'],
  },
});
