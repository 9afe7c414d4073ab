import { ReadCache, type Sql } from '@zemstvo/kernel';

export interface ServiceInstance {
  id: string;
  packageSlug: string;
  packageVersion: string;
  slug: string;
  nameRu: string;
  nameEn: string;
  settings: Record<string, unknown>;
  enabled: boolean;
}

const COLS = `id, package_slug AS "packageSlug", package_version AS "packageVersion", slug, name_ru AS "nameRu",
  name_en AS "nameEn", settings, enabled`;

/** Instances by municipality and slug, read on every intake (see ReadCache for when a change is seen). */
const bySlugCache = new ReadCache<ServiceInstance | undefined>();
const cacheKey = (municipalityId: string, slug: string) => `${municipalityId}:${slug}`;

export const instancesRepo = {
  async list(sql: Sql, municipalityId: string): Promise<ServiceInstance[]> {
    return sql.query(`SELECT ${COLS} FROM service_instances WHERE municipality_id = $1 ORDER BY slug`, [
      municipalityId,
    ]);
  },
  async bySlug(sql: Sql, municipalityId: string, slug: string): Promise<ServiceInstance | undefined> {
    const rows = await sql.query<ServiceInstance>(
      `SELECT ${COLS} FROM service_instances WHERE municipality_id = $1 AND slug = $2`,
      [municipalityId, slug],
    );
    return rows[0];
  },
  /** `bySlug` through the per-process cache: for hot paths that only read the instance (intake). */
  async bySlugCached(sql: Sql, municipalityId: string, slug: string): Promise<ServiceInstance | undefined> {
    return bySlugCache.get(sql, cacheKey(municipalityId, slug), () => this.bySlug(sql, municipalityId, slug));
  },
  async byId(sql: Sql, municipalityId: string, id: string): Promise<ServiceInstance | undefined> {
    const rows = await sql.query<ServiceInstance>(
      `SELECT ${COLS} FROM service_instances WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, id],
    );
    return rows[0];
  },
  async insert(
    sql: Sql,
    municipalityId: string,
    i: Omit<ServiceInstance, 'id'>,
    now: Date,
  ): Promise<ServiceInstance> {
    bySlugCache.forget(sql, cacheKey(municipalityId, i.slug));
    const [row] = await sql.query<ServiceInstance>(
      `INSERT INTO service_instances (municipality_id, package_slug, package_version, slug, name_ru, name_en, settings, enabled,
         installed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${COLS}`,
      [
        municipalityId,
        i.packageSlug,
        i.packageVersion,
        i.slug,
        i.nameRu,
        i.nameEn,
        JSON.stringify(i.settings),
        i.enabled,
        now,
      ],
    );
    return row!;
  },
  async updateSettings(
    sql: Sql,
    municipalityId: string,
    id: string,
    settings: Record<string, unknown>,
    enabled: boolean,
    now: Date,
  ) {
    bySlugCache.forgetPrefix(sql, `${municipalityId}:`);
    await sql.query(
      `UPDATE service_instances SET settings = $3, enabled = $4, updated_at = $5 WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, id, JSON.stringify(settings), enabled, now],
    );
  },
};
