import { maskPersonalData } from '@zemstvo/appeals';
import { instancesRepo, type ServiceRegistry } from '@zemstvo/catalog';
import type { Ctx, LocalizedText } from '@zemstvo/kernel';
import { extractMetadata } from '../domain/extract.ts';
import {
  FACET_CAP,
  searchRepo,
  type SearchFilters,
  type SearchQuery,
  type SearchRow,
  type SearchScope,
} from '../infra/search.repository.ts';

export interface SearchInput extends SearchFilters {
  q: string;
  limit: number;
  offset: number;
}

export interface FacetValue {
  value: string;
  count: number;
  label?: LocalizedText | string;
}

export interface SearchItem {
  id: string;
  municipality: string;
  kind: string;
  title: string;
  /** HTML-escaped text with the matches in <mark>…</mark>; personal data masked. */
  snippet: string;
  regNumber: string | null;
  status: string;
  date: Date;
  score: number;
  category: string | null;
  metadata: Record<string, unknown>;
}

export interface SearchResult {
  /** Exact up to FACET_CAP hits; beyond it FACET_CAP, with totalIsEstimate set. */
  total: number;
  /** More than FACET_CAP hits: the total is a lower bound and the facets count the first FACET_CAP. */
  totalIsEstimate: boolean;
  items: SearchItem[];
  facets: Record<'kind' | 'category' | 'theme' | 'district' | 'status' | 'period' | 'executor', FacetValue[]>;
  /** When the words as typed found nothing: the stems they were corrected to (typo tolerance). */
  corrected: string[] | null;
}

/** Changed entries whose stems a typo search adds to the lexicon before correcting (bounds its cost). */
const LEXICON_BATCH = 5_000;

/**
 * Adds the stems of every changed entry to the typo lexicon (bulk loaders call it after loading;
 * search does a bounded batch itself). Returns how many entries it took.
 */
export async function catchUpLexicon(ctx: Ctx, batch = 20_000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await searchRepo.catchUpLexicon(ctx.tx, batch);
    total += n;
    if (n < batch) return total;
  }
}

const FACETS = ['kind', 'category', 'theme', 'district', 'status', 'period', 'executor'] as const;
const WORD = /[\p{L}\p{N}]+/gu;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Service instances whose registered public reports anyone may see (public packages, enabled). */
export async function publicInstancesOf(
  ctx: Ctx,
  registry: ServiceRegistry,
  municipalityId: string,
): Promise<string[]> {
  return (await instancesRepo.list(ctx.tx, municipalityId))
    .filter(
      (i) => i.enabled && registry.get(i.packageSlug)?.manifest.publicVisibility.publicByDefault === true,
    )
    .map((i) => i.id);
}

function categoryLabel(registry: ServiceRegistry, code: string): LocalizedText | undefined {
  for (const pkg of registry.all()) {
    const c = pkg.manifest.categories.find((x) => x.code === code);
    if (c) return c.title;
  }
  return undefined;
}

/**
 * Full-text search in what the caller may see: stemmed per municipality, ranked by exact phrase,
 * relevance and recency; when the words as typed find nothing, each is corrected to the closest
 * stem of the municipality's lexicon (trigram similarity) and the search runs again.
 */
export async function searchDocuments(
  ctx: Ctx,
  registry: ServiceRegistry,
  scope: SearchScope,
  input: SearchInput,
): Promise<SearchResult> {
  const { q, limit, offset, ...filters } = input;
  let query: SearchQuery = { kind: 'words', text: q };
  const find = async () => {
    const { facets, rows } = await searchRepo.find(ctx.tx, query, scope, filters, { limit, offset });
    return { facets, items: rows, total: facets.find((f) => f.facet === 'total')?.n ?? 0 };
  };
  let found = await find();
  let corrected: string[] | null = null;
  if (found.total === 0) {
    const words = (q.match(WORD) ?? []).slice(0, 8);
    const reach = scope.municipalities ?? scope.staffMunicipalities;
    const cfg = await searchRepo.configOf(ctx.tx, reach.length ? reach : []);
    // The lexicon is fed lazily (see migration 0002): first the stems of recently changed entries.
    if (words.length) await searchRepo.catchUpLexicon(ctx.tx, LEXICON_BATCH);
    const fixes = words.length
      ? await searchRepo.corrections(ctx.tx, cfg, words, reach.length ? reach : null)
      : [];
    const stems = fixes.filter((f) => f.stem).map((f) => f.fixed ?? f.stem!);
    if (fixes.some((f) => f.stem && f.fixed && f.fixed !== f.stem)) {
      query = { kind: 'stems', text: stems.join(' ') };
      found = await find();
      corrected = stems;
    }
  }
  const masked = found.items.map((r) => ({
    row: r,
    title: maskPersonalData(r.title, r.personNames),
    text: maskPersonalData(r.text, r.personNames),
  }));
  const snippets = await searchRepo.headlines(
    ctx.tx,
    query,
    masked.map((m) => ({ cfg: m.row.cfg, text: escapeHtml(m.text.slice(0, 5000)) })),
  );
  const items: SearchItem[] = [];
  for (const [i, m] of masked.entries())
    items.push({
      ...present(m.row, m.title),
      snippet: snippets[i] ?? '',
      metadata: await metadataOf(ctx, m.row, m.text),
    });
  const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as SearchResult['facets'];
  for (const f of found.facets) {
    if (f.facet === 'total') continue;
    const bucket = facets[f.facet as keyof SearchResult['facets']];
    const label = f.facet === 'category' ? categoryLabel(registry, f.value) : (f.label ?? undefined);
    bucket.push({ value: f.value, count: f.n, ...(label ? { label } : {}) });
  }
  for (const list of Object.values(facets))
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const totalIsEstimate = found.total > FACET_CAP;
  return { total: Math.min(found.total, FACET_CAP), totalIsEstimate, items, facets, corrected };
}

const present = (r: SearchRow, title: string): Omit<SearchItem, 'snippet' | 'metadata'> => ({
  id: r.id,
  municipality: r.municipality,
  kind: r.kind,
  title,
  regNumber: r.regNumber,
  status: r.status,
  date: r.date,
  score: Math.round(r.score * 10_000) / 10_000,
  category: r.categoryCode,
});

/**
 * Staff see the metadata extracted from the text as written (stored on first use, reset by the
 * triggers when the text changes); everyone else only what the masked text still shows.
 */
async function metadataOf(ctx: Ctx, r: SearchRow, maskedText: string): Promise<Record<string, unknown>> {
  if (!r.staff) return { ...extractMetadata(maskedText) };
  if (r.metadata) return r.metadata;
  const metadata = extractMetadata(`${r.title}\n${r.text}`);
  await searchRepo.saveMetadata(ctx.tx, r.municipalityId, r.id, metadata);
  return { ...metadata };
}
