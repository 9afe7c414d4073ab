import type { Sql } from '@zemstvo/kernel';

/** Who may see what: staff municipalities, the resident's own appeals, public reports of public services. */
export interface SearchScope {
  /** Municipalities where the caller holds document.view: every document there. */
  staffMunicipalities: readonly string[];
  /** The signed-in resident: their own appeals. */
  applicantUserId: string | null;
  /** Service instances whose registered public reports anyone may see. */
  publicInstances: readonly string[];
  /** Restrict to these municipalities (one for /m/:m/search; null: wherever the scope reaches). */
  municipalities: readonly string[] | null;
}

export interface SearchFilters {
  kind?: string | undefined;
  category?: string | undefined;
  theme?: string | undefined;
  status?: string | undefined;
  district?: string | undefined;
  executor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The query: the caller's words (websearch syntax, stemmed per row's config) or corrected stems. */
export type SearchQuery = { kind: 'words'; text: string } | { kind: 'stems'; text: string };

export interface SearchRow {
  id: string;
  municipalityId: string;
  municipality: string;
  cfg: string;
  kind: string;
  title: string;
  text: string;
  regNumber: string | null;
  status: string;
  date: Date;
  score: number;
  categoryCode: string | null;
  themeCode: string | null;
  personNames: string[];
  metadata: Record<string, unknown> | null;
  /** The caller sees it as staff (else: own appeal or public report). */
  staff: boolean;
}

export interface FacetRow {
  facet: string;
  value: string;
  label: string | null;
  n: number;
}

const tsqueryOf = (q: SearchQuery, cfg: string) =>
  q.kind === 'words'
    ? { tq: `websearch_to_tsquery(${cfg}, $1)`, pq: `phraseto_tsquery(${cfg}, $1)` }
    : { tq: `plainto_tsquery('simple', $1)`, pq: `phraseto_tsquery('simple', $1)` };

/** Builds the matched set shared by the page, the count and the facets ($1 query, $2.. scope and filters). */
function matched(q: SearchQuery, scope: SearchScope, f: SearchFilters) {
  const params: unknown[] = [
    q.text,
    [...scope.staffMunicipalities],
    scope.applicantUserId,
    [...scope.publicInstances],
  ];
  const conds = [
    `(e.municipality_id = ANY($2::uuid[]) OR (e.applicant_user_id IS NOT NULL AND e.applicant_user_id = $3::uuid)
      OR (e.is_public_report AND e.service_instance_id = ANY($4::uuid[])))`,
  ];
  const add = (cond: (p: string) => string, v: unknown) => {
    params.push(v);
    conds.push(cond(`$${params.length}`));
  };
  if (scope.municipalities) add((p) => `e.municipality_id = ANY(${p}::uuid[])`, [...scope.municipalities]);
  if (f.kind) add((p) => `e.kind = ${p}`, f.kind);
  if (f.category) add((p) => `e.category_code = ${p}`, f.category);
  if (f.theme) add((p) => `e.theme_code = ${p}`, f.theme);
  if (f.status) add((p) => `e.status = ${p}`, f.status);
  if (f.district) add((p) => `e.district = ${p}`, f.district);
  if (f.executor) add((p) => `e.executor_user_id = ${p}::uuid`, f.executor);
  // The period is in local days of each entry's municipality (its own time zone, as its deadlines).
  if (f.from) add((p) => `e.doc_date >= (${p}::date)::timestamp AT TIME ZONE mz.timezone`, f.from);
  if (f.to) add((p) => `e.doc_date < (${p}::date + 1)::timestamp AT TIME ZONE mz.timezone`, f.to);
  const { tq, pq } = tsqueryOf(q, 'c.cfg');
  // One query per text search configuration in reach (usually one), so the GIN index serves it.
  // An entry's configuration is always its municipality's (kept by the fts_config trigger), so the
  // configurations come from the municipalities, not from a scan of their entries. MATERIALIZED:
  // the tsqueries are parsed once, not again for every hit that ts_rank_cd ranks.
  const cte = `q AS MATERIALIZED (
      SELECT c.cfg, ${tq} AS tq, ${pq} AS pq FROM (SELECT DISTINCT m.fts_config::regconfig AS cfg FROM municipalities m
        WHERE m.id = ANY(coalesce(${scope.municipalities ? `$5::uuid[]` : 'NULL'}, ARRAY(SELECT id FROM municipalities)))) c
    )`;
  const where = `e.tsv @@ q.tq AND ${conds.join(' AND ')}`;
  return { cte, where, params };
}

/**
 * Hits counted exactly up to this many; beyond it the total says "more than" and the facets are
 * counted over the first FACET_CAP hits the index yields (see docs/search.md).
 */
export const FACET_CAP = 5_000;
/**
 * Hits ranked in full (cover density, phrase, recency): the most recent of the counted hits. Only
 * these read their text search vectors, so a query's cost is bounded by this, not by its hits.
 */
export const RANK_CANDIDATES = 200;

/** What one search statement returns: the facet rows (with the total) and the ranked page rows. */
export interface FoundRows {
  facets: FacetRow[];
  rows: SearchRow[];
}

/** A page row as jsonb_agg returns it (the date as an ISO string). */
type JsonRow = Omit<SearchRow, 'date'> & { date: string };

export const searchRepo = {
  async configOf(sql: Sql, municipalityIds: readonly string[]): Promise<string> {
    const [row] = await sql.query<{ cfg: string }>(
      `SELECT fts_config AS cfg FROM municipalities WHERE id = ANY($1::uuid[]) ORDER BY fts_config LIMIT 1`,
      [[...municipalityIds]],
    );
    return row?.cfg ?? 'simple';
  },

  /**
   * One statement, one GIN bitmap scan: the hits up to `cap` + 1 (only the narrow columns the
   * facets and the choice of candidates need, no text search vectors), the total and the facets
   * over them, and the page: the RANK_CANDIDATES most recent of those hits (at least offset +
   * limit) ranked in full — cover density plus the exact phrase, times recency — with their texts
   * read for the page rows only. With at most RANK_CANDIDATES hits every hit is ranked.
   */
  async find(
    sql: Sql,
    q: SearchQuery,
    scope: SearchScope,
    f: SearchFilters,
    page: { limit: number; offset: number },
    bounds: { cap: number; candidates: number } = { cap: FACET_CAP, candidates: RANK_CANDIDATES },
  ): Promise<FoundRows> {
    const { cte, where, params } = matched(q, scope, f);
    const n = params.length;
    const [row] = await sql.query<{ facets: FacetRow[]; rows: JsonRow[] }>(
      `WITH ${cte}, hits AS MATERIALIZED (
         SELECT e.ctid AS tid, e.municipality_id, e.document_id, e.kind, e.category_code, e.theme_code, e.district,
           e.status, e.doc_date, (e.doc_date AT TIME ZONE mz.timezone) AS local_at, e.executor_user_id,
           e.municipality_id = ANY($2::uuid[]) AS staff
         FROM search_entries e JOIN q ON q.cfg = e.cfg JOIN municipalities mz ON mz.id = e.municipality_id
         WHERE ${where} LIMIT $${n + 4}
       ),
       facets AS (
         SELECT CASE WHEN grouping(kind) = 0 THEN 'kind' WHEN grouping(category_code) = 0 THEN 'category'
             WHEN grouping(theme_code) = 0 THEN 'theme' WHEN grouping(district) = 0 THEN 'district'
             WHEN grouping(status) = 0 THEN 'status' WHEN grouping(month) = 0 THEN 'period'
             WHEN grouping(executor) = 0 THEN 'executor' ELSE 'total' END AS facet,
           coalesce(kind, category_code, theme_code, district, status, to_char(month, 'YYYY-MM'), executor::text, '') AS value,
           (SELECT u.display_name FROM users u WHERE u.id = executor) AS label, count(*)::int AS n
         FROM (SELECT kind, category_code, theme_code, district, status,
             date_trunc('month', local_at) AS month, CASE WHEN staff THEN executor_user_id END AS executor
           FROM hits) h
         GROUP BY GROUPING SETS ((), (kind), (category_code), (theme_code), (district), (status), (month), (executor))
         -- A facet has no bucket for "none" (no category, no district, no executor).
         HAVING grouping(kind, category_code, theme_code, district, status, month, executor) = 127
           OR coalesce(kind, category_code, theme_code, district, status, to_char(month, 'YYYY-MM'), executor::text) IS NOT NULL
       ),
       cand AS (
         SELECT h.tid, h.document_id FROM hits h ORDER BY h.doc_date DESC, h.document_id LIMIT $${n + 3}
       ),
       ranked AS (
         SELECT c.tid, c.document_id, e.doc_date,
           (ts_rank_cd(e.tsv, q.tq, 32) + CASE WHEN e.tsv @@ q.pq THEN 1 ELSE 0 END)
             * (0.5 + 0.5 * exp(-greatest(extract(epoch FROM now() - e.doc_date), 0) / (180 * 86400))) AS score
         FROM cand c JOIN search_entries e ON e.ctid = c.tid JOIN q ON q.cfg = e.cfg
         ORDER BY score DESC, e.doc_date DESC, c.document_id LIMIT $${n + 1} OFFSET $${n + 2}
       ),
       page AS (
         SELECT h.document_id AS id, h.municipality_id AS "municipalityId", m.slug AS municipality, h.cfg::text AS cfg,
           h.kind, h.title, left(h.body || E'\\n' || h.files_text, 20000) AS text, h.reg_number AS "regNumber",
           h.status, h.doc_date AS date, r.score::float8 AS score, h.category_code AS "categoryCode",
           h.theme_code AS "themeCode", h.person_names AS "personNames", h.metadata,
           h.municipality_id = ANY($2::uuid[]) AS staff
         FROM ranked r JOIN search_entries h ON h.ctid = r.tid JOIN municipalities m ON m.id = h.municipality_id
       )
       SELECT (SELECT coalesce(jsonb_agg(f), '[]') FROM facets f) AS facets,
         (SELECT coalesce(jsonb_agg(p ORDER BY p.score DESC, p.date DESC, p.id), '[]') FROM page p) AS rows`,
      [
        ...params,
        page.limit,
        page.offset,
        Math.max(bounds.candidates, page.offset + page.limit),
        Math.trunc(bounds.cap) + 1,
      ],
    );
    return {
      facets: row?.facets ?? [],
      rows: (row?.rows ?? []).map((r) => ({ ...r, date: new Date(r.date) })),
    };
  },

  /** Headlines over already masked texts, for the query in each row's configuration. */
  async headlines(
    sql: Sql,
    q: SearchQuery,
    rows: readonly { cfg: string; text: string }[],
  ): Promise<string[]> {
    if (!rows.length) return [];
    const { tq } = tsqueryOf(q, 'x.cfg');
    const out = await sql.query<{ h: string }>(
      `SELECT ts_headline(x.cfg, x.t, ${tq},
         'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS h
       FROM unnest($2::regconfig[], $3::text[]) WITH ORDINALITY AS x(cfg, t, n) ORDER BY x.n`,
      [q.text, rows.map((r) => r.cfg), rows.map((r) => r.text)],
    );
    return out.map((r) => r.h);
  },

  /** Each query word's stem, and the municipality's closest known stem by trigram similarity. */
  async corrections(
    sql: Sql,
    cfg: string,
    words: readonly string[],
    municipalityIds: readonly string[] | null,
  ) {
    return sql.query<{ word: string; stem: string | null; fixed: string | null }>(
      `SELECT w.word, s.stem,
         coalesce(
           (SELECT l.word FROM search_lexicon l WHERE l.word = s.stem
              AND ($3::uuid[] IS NULL OR l.municipality_id = ANY($3::uuid[])) LIMIT 1),
           (SELECT l.word FROM search_lexicon l WHERE l.word % s.stem
              AND ($3::uuid[] IS NULL OR l.municipality_id = ANY($3::uuid[]))
            ORDER BY similarity(l.word, s.stem) DESC, l.word LIMIT 1)) AS fixed
       FROM unnest($2::text[]) WITH ORDINALITY AS w(word, n)
       CROSS JOIN LATERAL (SELECT (SELECT t.lexeme FROM unnest(to_tsvector($1::regconfig, w.word)) t LIMIT 1) AS stem) s
       ORDER BY w.n`,
      [cfg, [...words], municipalityIds ? [...municipalityIds] : null],
    );
  },

  /** Adds the stems of up to `limit` changed entries to the lexicon; returns how many it took. */
  async catchUpLexicon(sql: Sql, limit: number): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT knowledge_lexicon_catch_up($1) AS n', [limit]);
    return row?.n ?? 0;
  },

  async saveMetadata(sql: Sql, municipalityId: string, id: string, metadata: unknown): Promise<void> {
    await sql.query(
      'UPDATE search_entries SET metadata = $3::jsonb WHERE municipality_id = $1 AND document_id = $2 AND metadata IS NULL',
      [municipalityId, id, JSON.stringify(metadata)],
    );
  },
};
