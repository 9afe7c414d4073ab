import type { AuthResult } from '@zemstvo/http';
import { sha256Hex, type Clock, type Sql } from '@zemstvo/kernel';
import { apiTokensRepo } from '../infra/api-tokens.repository.ts';
import { TOKEN_RE } from './token-management.ts';

export interface TokenAuthResult {
  auth: AuthResult;
  /** The only municipality the token may act in. */
  municipalitySlug: string;
}

/** Resolves `Authorization: Bearer zt_…`; null for an unknown, revoked or expired token. */
export type TokenAuthenticator = (sql: Sql, bearer: string) => Promise<TokenAuthResult | null>;

const TOUCH_AFTER_MS = 5 * 60_000;

export function makeTokenAuthenticator(clock: Clock): TokenAuthenticator {
  return async (sql, bearer) => {
    if (!TOKEN_RE.test(bearer)) return null;
    const t = await apiTokensRepo.findForAuth(sql, sha256Hex(bearer));
    const now = clock.now();
    if (!t || t.revokedAt || (t.expiresAt && t.expiresAt <= now) || t.user.disabledAt) return null;
    if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > TOUCH_AFTER_MS)
      await apiTokensRepo.touch(sql, t.municipalityId, t.id, now);
    return {
      municipalitySlug: t.municipalitySlug,
      auth: {
        actor: {
          kind: 'user',
          userId: t.user.id,
          userKind: t.user.kind,
          email: t.user.email,
          displayName: t.user.displayName,
          regionId: t.user.regionId,
          via: 'token',
          tokenScope: { municipalityId: t.municipalityId, permissions: t.permissions },
        },
        csrfToken: null,
      },
    };
  };
}
