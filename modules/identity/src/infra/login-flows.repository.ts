import type { Sql } from '@zemstvo/kernel';

export interface LoginFlow {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: Date;
}

export const loginFlowsRepo = {
  async insert(sql: Sql, id: string, f: LoginFlow, now: Date): Promise<void> {
    await sql.query('DELETE FROM login_flows WHERE expires_at <= $1', [now]);
    await sql.query(
      `INSERT INTO login_flows (id, provider, state, nonce, code_verifier, return_to, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, f.provider, f.state, f.nonce, f.codeVerifier, f.returnTo, now, f.expiresAt],
    );
  },
  /** Removes the flow and returns it: a flow can be completed once. */
  async take(sql: Sql, id: string): Promise<LoginFlow | undefined> {
    const rows = await sql.query<LoginFlow>(
      `DELETE FROM login_flows WHERE id = $1
       RETURNING provider, state, nonce, code_verifier AS "codeVerifier", return_to AS "returnTo", expires_at AS "expiresAt"`,
      [id],
    );
    return rows[0];
  },
};
