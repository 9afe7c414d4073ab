import type { Sql, UserKind } from '@zemstvo/kernel';

export interface ApiTokenRecord {
  id: string;
  municipalityId: string;
  userId: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiTokenListItem extends ApiTokenRecord {
  ownerEmail: string;
  ownerDisplayName: string;
}

/** A token found by its hash, with what authentication needs to know about its owner. */
export interface ApiTokenForAuth extends ApiTokenRecord {
  municipalitySlug: string;
  user: {
    id: string;
    email: string;
    displayName: string;
    kind: UserKind;
    regionId: string | null;
    disabledAt: Date | null;
  };
}

const COLS = `t.id, t.municipality_id AS "municipalityId", t.user_id AS "userId", t.name, t.prefix, t.permissions,
  t.created_at AS "createdAt", t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt", t.revoked_at AS "revokedAt"`;

export const apiTokensRepo = {
  async insert(
    sql: Sql,
    t: {
      municipalityId: string;
      userId: string;
      name: string;
      tokenHash: string;
      prefix: string;
      permissions: readonly string[];
      now: Date;
      expiresAt: Date | null;
    },
  ): Promise<ApiTokenRecord> {
    const [row] = await sql.query<ApiTokenRecord>(
      `INSERT INTO api_tokens AS t (municipality_id, user_id, name, token_hash, prefix, permissions, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLS}`,
      [t.municipalityId, t.userId, t.name, t.tokenHash, t.prefix, t.permissions, t.now, t.expiresAt],
    );
    return row!;
  },
  async list(sql: Sql, municipalityId: string): Promise<ApiTokenListItem[]> {
    return sql.query<ApiTokenListItem>(
      `SELECT ${COLS}, u.email AS "ownerEmail", u.display_name AS "ownerDisplayName"
       FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.municipality_id = $1 ORDER BY t.created_at DESC, t.id`,
      [municipalityId],
    );
  },
  async byId(sql: Sql, municipalityId: string, id: string): Promise<ApiTokenRecord | undefined> {
    const rows = await sql.query<ApiTokenRecord>(
      `SELECT ${COLS} FROM api_tokens t WHERE t.municipality_id = $1 AND t.id = $2`,
      [municipalityId, id],
    );
    return rows[0];
  },
  async revoke(sql: Sql, municipalityId: string, id: string, now: Date): Promise<void> {
    await sql.query(
      'UPDATE api_tokens SET revoked_at = $3 WHERE municipality_id = $1 AND id = $2 AND revoked_at IS NULL',
      [municipalityId, id, now],
    );
  },
  async findForAuth(sql: Sql, tokenHash: string): Promise<ApiTokenForAuth | undefined> {
    const rows = await sql.query<
      ApiTokenRecord & {
        municipalitySlug: string;
        email: string;
        displayName: string;
        kind: UserKind;
        regionId: string | null;
        disabledAt: Date | null;
      }
    >(
      `SELECT ${COLS}, m.slug AS "municipalitySlug", u.email, u.display_name AS "displayName", u.kind,
         u.region_id AS "regionId", u.disabled_at AS "disabledAt"
       FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN municipalities m ON m.id = t.municipality_id
       WHERE t.token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return undefined;
    const { email, displayName, kind, regionId, disabledAt, ...token } = r;
    return { ...token, user: { id: r.userId, email, displayName, kind, regionId, disabledAt } };
  },
  async touch(sql: Sql, municipalityId: string, id: string, now: Date): Promise<void> {
    await sql.query('UPDATE api_tokens SET last_used_at = $3 WHERE municipality_id = $1 AND id = $2', [
      municipalityId,
      id,
      now,
    ]);
  },
};
