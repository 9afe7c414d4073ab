import type { FastifyRequest } from 'fastify';
import type { AuthResult } from '@zemstvo/http';
import { AppError, anonymous, forbidden, sha256Hex, type Clock, type Sql } from '@zemstvo/kernel';
import { sessionsRepo } from '../infra/sessions.repository.ts';
import type { TokenAuthenticator } from './authenticate-token.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from './login.ts';

export const SESSION_COOKIE = 'zs_session';
const TOUCH_AFTER_MS = 5 * 60_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const anonymousResult: AuthResult = { actor: anonymous, csrfToken: null };

/**
 * Resolves the caller: `Authorization: Bearer zt_…` (an API token) when sent, else the session
 * cookie. A bearer token that is unknown, revoked or expired is refused with 401 `invalid_token`
 * rather than treated as anonymous. A token acts only in its own municipality: on another
 * municipality's routes it is refused, and outside municipality routes it may only read.
 */
export function makeAuthenticate(clock: Clock, tokenAuth?: TokenAuthenticator) {
  return async (req: FastifyRequest, sql: Sql): Promise<AuthResult> => {
    const bearer = tokenAuth ? /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '') : null;
    if (bearer && tokenAuth) {
      const result = await tokenAuth(sql, bearer[1]!);
      if (!result) throw new AppError('invalid_token', 'The API token is invalid, revoked or expired', 401);
      const slug = (req.params as Record<string, string | undefined>).municipality;
      if (slug !== undefined && slug !== result.municipalitySlug)
        throw forbidden('This API token belongs to another municipality', 'token_wrong_municipality');
      if (slug === undefined && UNSAFE.has(req.method))
        throw forbidden('An API token acts only within its municipality', 'token_not_allowed');
      return result.auth;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie || cookie.length > 200) return anonymousResult;
    const now = clock.now();
    const session = await sessionsRepo.find(sql, sha256Hex(cookie), now);
    if (!session || session.user.disabledAt) return anonymousResult;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      // Activity extends an idle session, but never beyond its absolute lifetime.
      const limit = session.createdAt.getTime() + SESSION_MAX_MS;
      await sessionsRepo.touch(
        sql,
        session.id,
        now,
        new Date(Math.min(now.getTime() + SESSION_IDLE_MS, limit)),
      );
    }
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
