import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@zemstvo/identity';
import { hasStackTrace, runCli } from '../testing/cli-process.ts';
import { useScratchTarget } from '../testing/scratch-suite.ts';

// `zemstvo seed` and `zemstvo users add`, run as child processes on the suite's database.
const scratch = useScratchTarget();
const query = scratch.query;

describe(
  `zemstvo seed and users add (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
  { timeout: 240_000 },
  () => {
    it('seed loads the demo data into an empty database, and says so when it is already there', async () => {
      const first = await runCli(['seed'], scratch.env());
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain('Demo data loaded: 18 demo logins, password zemstvo-demo-2026.');
      const again = await runCli(['seed'], scratch.env());
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('already loaded');
      expect(await query('SELECT slug FROM municipalities ORDER BY slug')).toEqual([
        { slug: 'sosnovka' },
        { slug: 'zarechny' },
      ]);
    });

    it('users add creates a staff member with roles and the piped password, audited as the CLI', async () => {
      const res = await runCli(
        [
          'users',
          'add',
          '--email',
          'Clerk@Zarechny.example',
          '--name',
          ' Ольга Петрова ',
          '--kind',
          'staff',
          '--municipality',
          'zarechny',
          '--role',
          'registrar',
          'executor',
          '--locale',
          'en',
          '--password-stdin',
        ],
        scratch.env(),
        'correct horse battery staple\n',
      );
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(
        /Created staff user Clerk@Zarechny\.example \(id [0-9a-f-]{36}\), member of zarechny with roles registrar, executor\./,
      );

      const [user] = await query<{
        id: string;
        display_name: string;
        kind: string;
        locale: string;
        password_hash: string;
      }>(
        `SELECT id, display_name, kind, locale, password_hash FROM users WHERE lower(email) = 'clerk@zarechny.example'`,
      );
      expect(user).toMatchObject({ display_name: 'Ольга Петрова', kind: 'staff', locale: 'en' });
      expect(await verifyPassword(user!.password_hash, 'correct horse battery staple')).toBe(true);
      const roles = await query<{ key: string }>(
        `SELECT r.key FROM user_roles ur JOIN roles r ON r.municipality_id = ur.municipality_id AND r.id = ur.role_id
       JOIN municipalities m ON m.id = ur.municipality_id WHERE m.slug = 'zarechny' AND ur.user_id = $1 ORDER BY r.key`,
        [user!.id],
      );
      expect(roles.map((r) => r.key)).toEqual(['executor', 'registrar']);
      const audit = await query<{ action: string; actor: string; after: string }>(
        `SELECT action, actor, after::text AS after FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
        [user!.id],
      );
      expect(audit.map((a) => a.action)).toEqual(['user.created', 'member.added']);
      for (const a of audit) expect(a.actor).toMatch(/^system:cli/);
      expect(audit[0]!.after).not.toContain('argon2'); // never the password hash
      const verify = await runCli(['audit', 'verify'], scratch.env());
      expect(verify.code, verify.stdout).toBe(0);
    });

    it('users add creates regional users in a region and residents without a password', async () => {
      const regional = await runCli(
        [
          'users',
          'add',
          '--email',
          'curator@region.example',
          '--name',
          'Куратор',
          '--kind',
          'regional',
          '--region',
          'demo-krai',
        ],
        scratch.env(),
      );
      expect(regional.code, regional.stderr).toBe(0);
      expect(regional.stdout).toContain('no password set');
      const resident = await runCli(
        ['users', 'add', '--email', 'someone@mail.example', '--name', 'Жительница', '--kind', 'resident'],
        scratch.env(),
      );
      expect(resident.code, resident.stderr).toBe(0);
      const rows = await query<{ email: string; kind: string; has_region: boolean; has_password: boolean }>(
        `SELECT email, kind, region_id IS NOT NULL AS has_region, password_hash IS NOT NULL AS has_password
       FROM users WHERE email IN ('curator@region.example', 'someone@mail.example') ORDER BY email`,
      );
      expect(rows).toEqual([
        { email: 'curator@region.example', kind: 'regional', has_region: true, has_password: false },
        { email: 'someone@mail.example', kind: 'resident', has_region: false, has_password: false },
      ]);
    });

    it('refuses bad input with a clear message, a non-zero exit code and no stack trace; changes nothing', async () => {
      const usersBefore = await query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      const add = ['users', 'add', '--name', 'Тест'];
      const cases: { args: string[]; input?: string; code: number; says: string }[] = [
        {
          args: [...add, '--email', 'a@b.example', '--kind', 'mayor'],
          code: 64,
          says: "argument 'mayor' is invalid",
        },
        {
          args: ['users', 'add', '--name', 'X', '--kind', 'staff'],
          code: 64,
          says: "required option '--email <email>'",
        },
        {
          args: [...add, '--email', 'a@b.example', '--kind', 'regional'],
          code: 1,
          says: '[region_required]',
        },
        {
          args: [...add, '--email', 'a@b.example', '--kind', 'resident', '--region', 'demo-krai'],
          code: 1,
          says: '[region_not_allowed]',
        },
        {
          args: [...add, '--email', 'a@b.example', '--kind', 'staff', '--role', 'admin'],
          code: 1,
          says: '[municipality_required]',
        },
        {
          args: [...add, '--email', 'a@b.example', '--kind', 'staff', '--municipality', 'zarechny'],
          code: 1,
          says: '[role_required]',
        },
        {
          args: [
            ...add,
            '--email',
            'a@b.example',
            '--kind',
            'resident',
            '--municipality',
            'zarechny',
            '--role',
            'admin',
          ],
          code: 1,
          says: '[municipality_not_allowed]',
        },
        {
          args: [
            ...add,
            '--email',
            'a@b.example',
            '--kind',
            'staff',
            '--municipality',
            'atlantis',
            '--role',
            'admin',
          ],
          code: 1,
          says: '[municipality_not_found]',
        },
        // The user would be created, then the unknown role fails the transaction: no user stays behind.
        {
          args: [
            ...add,
            '--email',
            'a@b.example',
            '--kind',
            'staff',
            '--municipality',
            'zarechny',
            '--role',
            'pope',
          ],
          code: 1,
          says: 'Unknown roles: pope [unknown_role]',
        },
        {
          args: [...add, '--email', 'a@b.example', '--kind', 'regional', '--region', 'nowhere'],
          code: 1,
          says: '[region_not_found]',
        },
        { args: [...add, '--email', 'not-an-email', '--kind', 'resident'], code: 1, says: '[bad_email]' },
        {
          args: [...add, '--email', 'RESIDENT@demo.zemstvo.ru', '--kind', 'resident'],
          code: 1,
          says: '[email_taken]',
        },
        {
          args: [...add, '--email', 'a@b.example', '--kind', 'resident', '--password-stdin'],
          input: 'short\n',
          code: 1,
          says: '[weak_password]',
        },
        {
          args: [...add, '--email', 'a@b.example', '--kind', 'resident', '--password-stdin'],
          input: '',
          code: 1,
          says: '[password_empty]',
        },
      ];
      for (const c of cases) {
        const res = await runCli(c.args, scratch.env(), c.input ?? '');
        expect({ args: c.args.join(' '), code: res.code }).toEqual({ args: c.args.join(' '), code: c.code });
        expect(res.stderr).toContain(c.says);
        expect(hasStackTrace(res.stderr)).toBe(false);
      }
      expect(await query('SELECT count(*)::int AS n FROM users')).toEqual(usersBefore);
    });
  },
);
