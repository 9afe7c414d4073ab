import { fileURLToPath } from 'node:url';
import type { ZemstvoModule } from '@zemstvo/http';
import { identityRoutes } from './http/routes.ts';

export { makeAuthenticate, SESSION_COOKIE } from './application/authenticate.ts';
export { createUser, type CreateUserInput } from './application/create-user.ts';
export { login, logout, openSession, MAX_FAILED_LOGINS, LOCKOUT_MS } from './application/login.ts';
export { hashPassword, verifyPassword, checkPasswordPolicy } from './application/passwords.ts';
export { usersRepo, publicUser, type UserRecord } from './infra/users.repository.ts';

export const identityModule: ZemstvoModule = {
  name: 'identity',
  migrations: { module: 'identity', dir: fileURLToPath(new URL('../migrations', import.meta.url)) },
  permissions: [
    { key: 'token.manage', label: { ru: 'Управление API-токенами', en: 'Manage API tokens' }, dependsOn: ['municipality.view'] },
  ],
  routes: identityRoutes,
};
