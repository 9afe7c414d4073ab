import type { Sql, Tenant } from '@zemstvo/kernel';

export interface RegionRow {
  id: string;
  slug: string;
  nameRu: string;
  nameEn: string;
}
export interface MunicipalityRow {
  id: string;
  regionId: string;
  regionSlug: string;
  slug: string;
  nameRu: string;
  nameEn: string;
  ftsConfig: string;
  timezone: string;
}
export interface DepartmentRow {
  id: string;
  parentId: string | null;
  code: string | null;
  nameRu: string;
  nameEn: string;
}
export interface PositionRow {
  id: string;
  departmentId: string;
  titleRu: string;
  titleEn: string;
}
export interface RoleRow {
  id: string;
  key: string;
  nameRu: string;
  nameEn: string;
  permissions: string[];
}
export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  positionId: string | null;
  roleKeys: string[];
}

const MUNI_COLS = `m.id, m.region_id AS "regionId", r.slug AS "regionSlug", m.slug, m.name_ru AS "nameRu",
  m.name_en AS "nameEn", m.fts_config AS "ftsConfig", m.timezone`;

/** The only code that knows the tenancy tables. Every tenant-owned query filters by municipality_id. */
export const tenancyRepo = {
  async listRegions(sql: Sql): Promise<RegionRow[]> {
    return sql.query(
      `SELECT id, slug, name_ru AS "nameRu", name_en AS "nameEn" FROM regions ORDER BY name_ru COLLATE ru, slug`,
    );
  },

  async listMunicipalities(sql: Sql, regionId?: string): Promise<MunicipalityRow[]> {
    return sql.query(
      `SELECT ${MUNI_COLS} FROM municipalities m JOIN regions r ON r.id = m.region_id
       WHERE ($1::uuid IS NULL OR m.region_id = $1) ORDER BY m.name_ru COLLATE ru, m.slug`,
      [regionId ?? null],
    );
  },

  async municipalityBySlug(sql: Sql, slug: string): Promise<MunicipalityRow | undefined> {
    const rows = await sql.query<MunicipalityRow>(
      `SELECT ${MUNI_COLS} FROM municipalities m JOIN regions r ON r.id = m.region_id WHERE m.slug = $1`,
      [slug],
    );
    return rows[0];
  },

  async tenantBySlug(sql: Sql, slug: string): Promise<Tenant | null> {
    const m = await this.municipalityBySlug(sql, slug);
    return m
      ? {
          municipalityId: m.id,
          regionId: m.regionId,
          slug: m.slug,
          ftsConfig: m.ftsConfig,
          timeZone: m.timezone,
        }
      : null;
  },

  async insertRegion(sql: Sql, r: Omit<RegionRow, 'id'>): Promise<RegionRow> {
    const [row] = await sql.query<RegionRow>(
      `INSERT INTO regions (slug, name_ru, name_en) VALUES ($1, $2, $3)
       RETURNING id, slug, name_ru AS "nameRu", name_en AS "nameEn"`,
      [r.slug, r.nameRu, r.nameEn],
    );
    return row!;
  },

  async insertMunicipality(
    sql: Sql,
    m: {
      regionId: string;
      slug: string;
      nameRu: string;
      nameEn: string;
      ftsConfig?: string;
      timeZone?: string;
    },
  ): Promise<{ id: string }> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO municipalities (region_id, slug, name_ru, name_en, fts_config, timezone)
       VALUES ($1, $2, $3, $4, $5, coalesce($6, 'Europe/Moscow')) RETURNING id`,
      [m.regionId, m.slug, m.nameRu, m.nameEn, m.ftsConfig ?? 'russian', m.timeZone ?? null],
    );
    return row!;
  },

  /** The municipality's time zone (IANA name); undefined for an unknown id. */
  async timeZoneOf(sql: Sql, municipalityId: string): Promise<string | undefined> {
    const rows = await sql.query<{ timezone: string }>(`SELECT timezone FROM municipalities WHERE id = $1`, [
      municipalityId,
    ]);
    return rows[0]?.timezone;
  },

  /** The municipality's time zone, locked until the end of the transaction (a change rebuilds its summaries). */
  async timeZoneForUpdate(sql: Sql, municipalityId: string): Promise<string | undefined> {
    const rows = await sql.query<{ timezone: string }>(
      `SELECT timezone FROM municipalities WHERE id = $1 FOR UPDATE`,
      [municipalityId],
    );
    return rows[0]?.timezone;
  },

  async setTimeZone(sql: Sql, municipalityId: string, timeZone: string): Promise<void> {
    await sql.query(`UPDATE municipalities SET timezone = $2 WHERE id = $1`, [municipalityId, timeZone]);
  },

  async listDepartments(sql: Sql, municipalityId: string): Promise<DepartmentRow[]> {
    return sql.query(
      `SELECT id, parent_id AS "parentId", code, name_ru AS "nameRu", name_en AS "nameEn"
       FROM departments WHERE municipality_id = $1 ORDER BY name_ru COLLATE ru, id`,
      [municipalityId],
    );
  },

  async department(sql: Sql, municipalityId: string, id: string): Promise<DepartmentRow | undefined> {
    const rows = await sql.query<DepartmentRow>(
      `SELECT id, parent_id AS "parentId", code, name_ru AS "nameRu", name_en AS "nameEn"
       FROM departments WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, id],
    );
    return rows[0];
  },

  async insertDepartment(
    sql: Sql,
    municipalityId: string,
    d: Omit<DepartmentRow, 'id'>,
  ): Promise<DepartmentRow> {
    const [row] = await sql.query<DepartmentRow>(
      `INSERT INTO departments (municipality_id, parent_id, code, name_ru, name_en) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, parent_id AS "parentId", code, name_ru AS "nameRu", name_en AS "nameEn"`,
      [municipalityId, d.parentId, d.code, d.nameRu, d.nameEn],
    );
    return row!;
  },

  async updateDepartment(sql: Sql, municipalityId: string, d: DepartmentRow): Promise<void> {
    await sql.query(
      `UPDATE departments SET parent_id = $3, code = $4, name_ru = $5, name_en = $6
       WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, d.id, d.parentId, d.code, d.nameRu, d.nameEn],
    );
  },

  async listPositions(sql: Sql, municipalityId: string): Promise<PositionRow[]> {
    return sql.query(
      `SELECT id, department_id AS "departmentId", title_ru AS "titleRu", title_en AS "titleEn"
       FROM positions WHERE municipality_id = $1 ORDER BY title_ru COLLATE ru, id`,
      [municipalityId],
    );
  },

  async insertPosition(sql: Sql, municipalityId: string, p: Omit<PositionRow, 'id'>): Promise<PositionRow> {
    const [row] = await sql.query<PositionRow>(
      `INSERT INTO positions (municipality_id, department_id, title_ru, title_en) VALUES ($1, $2, $3, $4)
       RETURNING id, department_id AS "departmentId", title_ru AS "titleRu", title_en AS "titleEn"`,
      [municipalityId, p.departmentId, p.titleRu, p.titleEn],
    );
    return row!;
  },

  async listRoles(sql: Sql, municipalityId: string): Promise<RoleRow[]> {
    return sql.query(
      `SELECT id, key, name_ru AS "nameRu", name_en AS "nameEn", permissions
       FROM roles WHERE municipality_id = $1 ORDER BY key`,
      [municipalityId],
    );
  },

  async role(sql: Sql, municipalityId: string, id: string): Promise<RoleRow | undefined> {
    const rows = await sql.query<RoleRow>(
      `SELECT id, key, name_ru AS "nameRu", name_en AS "nameEn", permissions
       FROM roles WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, id],
    );
    return rows[0];
  },

  async roleKeyExists(sql: Sql, municipalityId: string, key: string): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM roles WHERE municipality_id = $1 AND key = $2', [
      municipalityId,
      key,
    ]);
    return rows.length > 0;
  },

  async insertRole(sql: Sql, municipalityId: string, r: Omit<RoleRow, 'id'>): Promise<RoleRow> {
    const [row] = await sql.query<RoleRow>(
      `INSERT INTO roles (municipality_id, key, name_ru, name_en, permissions) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, key, name_ru AS "nameRu", name_en AS "nameEn", permissions`,
      [municipalityId, r.key, r.nameRu, r.nameEn, r.permissions],
    );
    return row!;
  },

  async updateRole(sql: Sql, municipalityId: string, r: RoleRow): Promise<void> {
    await sql.query(
      `UPDATE roles SET name_ru = $3, name_en = $4, permissions = $5 WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, r.id, r.nameRu, r.nameEn, r.permissions],
    );
  },

  async rolesByKeys(sql: Sql, municipalityId: string, keys: readonly string[]): Promise<RoleRow[]> {
    return sql.query(
      `SELECT id, key, name_ru AS "nameRu", name_en AS "nameEn", permissions
       FROM roles WHERE municipality_id = $1 AND key = ANY($2::text[])`,
      [municipalityId, keys],
    );
  },

  async listMembers(sql: Sql, municipalityId: string): Promise<MemberRow[]> {
    return sql.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", ms.position_id AS "positionId",
         coalesce(array_agg(r.key ORDER BY r.key) FILTER (WHERE r.key IS NOT NULL), '{}') AS "roleKeys"
       FROM memberships ms JOIN users u ON u.id = ms.user_id
       LEFT JOIN user_roles ur ON ur.municipality_id = ms.municipality_id AND ur.user_id = ms.user_id
       LEFT JOIN roles r ON r.municipality_id = ur.municipality_id AND r.id = ur.role_id
       WHERE ms.municipality_id = $1
       GROUP BY u.id, u.email, u.display_name, ms.position_id
       ORDER BY u.display_name COLLATE ru, u.email`,
      [municipalityId],
    );
  },

  async member(sql: Sql, municipalityId: string, userId: string): Promise<MemberRow | undefined> {
    const all = await this.listMembers(sql, municipalityId);
    return all.find((m) => m.userId === userId);
  },

  async upsertMembership(
    sql: Sql,
    municipalityId: string,
    userId: string,
    positionId: string | null,
  ): Promise<void> {
    await sql.query(
      `INSERT INTO memberships (municipality_id, user_id, position_id) VALUES ($1, $2, $3)
       ON CONFLICT (municipality_id, user_id) DO UPDATE SET position_id = excluded.position_id`,
      [municipalityId, userId, positionId],
    );
  },

  async setMemberRoles(
    sql: Sql,
    municipalityId: string,
    userId: string,
    roleIds: readonly string[],
  ): Promise<void> {
    await sql.query('DELETE FROM user_roles WHERE municipality_id = $1 AND user_id = $2', [
      municipalityId,
      userId,
    ]);
    for (const roleId of roleIds)
      await sql.query('INSERT INTO user_roles (municipality_id, user_id, role_id) VALUES ($1, $2, $3)', [
        municipalityId,
        userId,
        roleId,
      ]);
  },

  async permissionsOf(sql: Sql, municipalityId: string, userId: string): Promise<string[]> {
    const rows = await sql.query<{ p: string }>(
      `SELECT DISTINCT unnest(r.permissions) AS p FROM user_roles ur
       JOIN roles r ON r.municipality_id = ur.municipality_id AND r.id = ur.role_id
       WHERE ur.municipality_id = $1 AND ur.user_id = $2`,
      [municipalityId, userId],
    );
    return rows.map((r) => r.p);
  },

  /** Municipalities where a user is staff, with role keys: for the navigation of the web app. */
  async membershipsOf(
    sql: Sql,
    userId: string,
  ): Promise<{ municipalityId: string; slug: string; nameRu: string; nameEn: string; roleKeys: string[] }[]> {
    return sql.query(
      `SELECT m.id AS "municipalityId", m.slug, m.name_ru AS "nameRu", m.name_en AS "nameEn",
         coalesce(array_agg(r.key ORDER BY r.key) FILTER (WHERE r.key IS NOT NULL), '{}') AS "roleKeys"
       FROM memberships ms JOIN municipalities m ON m.id = ms.municipality_id
       LEFT JOIN user_roles ur ON ur.municipality_id = ms.municipality_id AND ur.user_id = ms.user_id
       LEFT JOIN roles r ON r.municipality_id = ur.municipality_id AND r.id = ur.role_id
       WHERE ms.user_id = $1 GROUP BY m.id, m.slug, m.name_ru, m.name_en ORDER BY m.name_ru COLLATE ru, m.slug`,
      [userId],
    );
  },
};
