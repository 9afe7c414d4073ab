import type { FastifyRequest } from 'fastify';
import type { AuthResult } from '@zemstvo/http';
import { anonymous, sha256Hex, type Clock, type Sql } from '@zemstvo/kernel';
import { sessionsRepo } from '../infra/sessions.repository.ts';
import { SESSION_IDLE_MS } from './login.ts';

export const SESSION_COOKIE = 'zs_session';
const TOUCH_AFTER_MS = 5 * 60_000;

/** Resolves the caller from the session cookie; API tokens are resolved by `authenticateToken`. */
export function makeAuthenticate(clock: Clock, tokenAuth?: (sql: Sql, bearer: string) => Promise<AuthResult | null>) {
  return async (req: FastifyRequest, sql: Sql): Promise<AuthResult> => {
    const authz = req.headers.authorization;
    if (authz && tokenAuth) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const result = m ? await tokenAuth(sql, m[1]!) : null;
      if (result) return result;
      return { actor: anonymous, csrfToken: null };
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie || cookie.length > 200) return { actor: anonymous, csrfToken: null };
    const now = clock.now();
    const session = await sessionsRepo.find(sql, sha256Hex(cookie), now);
    if (!session || session.user.disabledAt) return { actor: anonymous, csrfToken: null };
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS)
      await sessionsRepo.touch(sql, session.id, now, new Date(now.getTime() + SESSION_IDLE_MS));
    return {
      actor: {
        kind: 'user',
        userId: session.user.id,
        userKind: session.user.kind,
        email: session.user.email,
        displayName: session.user.displayName,
        regionId: session.user.regionId,
        via: 'session',
      },
      csrfToken: session.csrfToken,
    };
  };
}
