import { createUser } from '@zemstvo/identity';
import { badRequest, notFound, type UserKind } from '@zemstvo/kernel';
import { loadConfig, openMigratedDatabase } from '@zemstvo/server';
import { addMember, tenancyRepo } from '@zemstvo/tenancy';
import { cliCtx } from '../cli-context.ts';
import { print } from '../run.ts';

export const USER_KINDS: readonly UserKind[] = ['resident', 'staff', 'regional', 'operator'];

export interface UsersAddOptions {
  email: string;
  name: string;
  kind: UserKind;
  locale?: 'ru' | 'en';
  region?: string;
  municipality?: string;
  role?: string[];
  passwordStdin?: boolean;
}

/** Checks the combination of options before anything is opened; returns the role keys. */
function checkOptions(o: UsersAddOptions): string[] {
  if (!o.name.trim()) throw badRequest('bad_name', '--name must not be empty');
  if (o.name.trim().length > 200) throw badRequest('bad_name', '--name is longer than 200 characters');
  if (o.kind === 'regional' && !o.region)
    throw badRequest('region_required', 'A regional user needs --region SLUG');
  if (o.kind !== 'regional' && o.region)
    throw badRequest('region_not_allowed', '--region is only for --kind regional');
  const roles = [...new Set(o.role ?? [])];
  if (o.municipality && o.kind !== 'staff')
    throw badRequest('municipality_not_allowed', '--municipality is only for --kind staff');
  if (o.municipality && roles.length === 0)
    throw badRequest('role_required', 'A staff member of a municipality needs at least one --role KEY');
  if (roles.length > 0 && !o.municipality)
    throw badRequest('municipality_required', '--role needs --municipality SLUG');
  return roles;
}

/** The password piped on standard input, without its final newline. */
async function readPassword(stdin: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<string> {
  if (stdin.isTTY)
    throw badRequest(
      'password_not_piped',
      '--password-stdin reads the password from a pipe, e.g. printf %s "$PASSWORD" | zemstvo users add …',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!password) throw badRequest('password_empty', 'No password on standard input');
  return password;
}

/**
 * Creates a user through the identity use case (password policy, unique e-mail, audit record) and,
 * for staff, makes them a member of a municipality with roles through the tenancy use case — one
 * transaction: all of it or nothing.
 */
export async function usersAddCommand(opts: UsersAddOptions): Promise<void> {
  const roles = checkOptions(opts);
  const password = opts.passwordStdin ? await readPassword(process.stdin) : null;
  const db = await openMigratedDatabase(loadConfig());
  try {
    const summary = await db.transaction(async (tx) => {
      const ctx = cliCtx(tx, 'users-add');
      let regionId: string | null = null;
      if (opts.region) {
        const region = (await tenancyRepo.listRegions(tx)).find((r) => r.slug === opts.region);
        if (!region) throw notFound(`Region ${opts.region}`, 'region_not_found');
        regionId = region.id;
      }
      const user = await createUser(ctx, {
        email: opts.email,
        displayName: opts.name,
        kind: opts.kind,
        regionId,
        locale: opts.locale ?? 'ru',
        password,
      });
      let membership = '';
      if (opts.municipality) {
        const tenant = await tenancyRepo.tenantBySlug(tx, opts.municipality);
        if (!tenant) throw notFound(`Municipality ${opts.municipality}`, 'municipality_not_found');
        await addMember(cliCtx(tx, 'users-add', tenant), {
          userId: user.id,
          positionId: null,
          roleKeys: roles,
        });
        membership = `, member of ${tenant.slug} with roles ${roles.join(', ')}`;
      }
      return (
        `Created ${user.kind} user ${user.email} (id ${user.id})${membership}` +
        (password ? '' : '; no password set')
      );
    });
    print(`${summary}.`);
  } finally {
    await db.close();
  }
}
