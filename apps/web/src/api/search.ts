/** Shapes and helpers of the knowledge base API: search, similar documents, duplicates, support. */
import type { Localized } from './types.ts';

export const FACETS = ['kind', 'category', 'theme', 'district', 'status', 'period', 'executor'] as const;
export type Facet = (typeof FACETS)[number];

export interface FacetValue {
  value: string;
  count: number;
  label?: Localized | string;
}

export interface SearchHit {
  id: string;
  municipality: string;
  kind: string;
  title: string;
  /** HTML-escaped text with the matches in <mark>…</mark> (see `snippetParts`). */
  snippet: string;
  regNumber: string | null;
  status: string;
  date: string;
  score: number;
  category: string | null;
}

export interface SearchResult {
  /** Exact up to 5,000 hits (the server's FACET_CAP); beyond it 5,000 with totalIsEstimate set ("more than 5,000"). */
  total: number;
  totalIsEstimate?: boolean;
  items: SearchHit[];
  facets: Record<Facet, FacetValue[]>;
  corrected: string[] | null;
}

/** What the search page keeps in its URL: the words, one value per facet, the page. */
export interface SearchState {
  q: string;
  filters: Partial<Record<Facet, string>>;
  page: number;
}

export const SEARCH_PAGE = 20;

export function readSearchState(params: URLSearchParams): SearchState {
  const filters: Partial<Record<Facet, string>> = {};
  for (const f of FACETS) {
    const v = params.get(f);
    if (v) filters[f] = v;
  }
  const page = Math.max(1, Math.floor(Number(params.get('page') ?? '1')) || 1);
  return { q: (params.get('q') ?? '').trim(), filters, page };
}

export function searchParamsOf(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of FACETS) {
    const v = s.filters[f];
    if (v) p.set(f, v);
  }
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

/** The period facet is a month (`YYYY-MM`); the API filters by `from`/`to` dates. */
export function monthRange(month: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const year = Number(m[1]);
  const mon = Number(m[2]);
  if (mon < 1 || mon > 12) return null;
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
}

/** The API path of a search in one municipality, or null when there is nothing to look for. */
export function searchApiPath(slug: string, s: SearchState, pageSize = SEARCH_PAGE): string | null {
  if (!s.q) return null;
  const p = new URLSearchParams({ q: s.q, limit: String(pageSize), offset: String((s.page - 1) * pageSize) });
  for (const f of FACETS) {
    const v = s.filters[f];
    if (!v) continue;
    if (f === 'period') {
      const range = monthRange(v);
      if (range) {
        p.set('from', range.from);
        p.set('to', range.to);
      }
    } else p.set(f, v);
  }
  return `/api/m/${encodeURIComponent(slug)}/search?${p.toString()}`;
}

export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ENTITIES[e]!);

/**
 * Splits the API's snippet into plain text and highlighted parts. Only the `<mark>`/`</mark>`
 * markers are read as markup; every other character is text (entities decoded), so the page
 * renders the parts as React text and `<mark>` elements — never as HTML.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) {
      const text = unescape(piece);
      const last = parts[parts.length - 1];
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

export interface SimilarDocument {
  id: string;
  kind: string;
  title: string;
  regNumber: string | null;
  status: string;
  date: string;
  score: number;
  textSimilarity: number;
}

export interface DraftReport {
  service: string;
  category: string;
  lat: number;
  lon: number;
  text?: string;
}

export interface DuplicateCandidate {
  id: string;
  category: string;
  status: string;
  location: { lat: number; lon: number };
  text: string;
  receivedAt: string;
  distanceMeters: number;
  similarity: number;
  supporters: number;
}

export interface Duplicates {
  radiusMeters: number;
  items: DuplicateCandidate[];
}

export interface Support {
  count: number;
  supportedByMe: boolean;
}

const m = (slug: string) => `/api/m/${encodeURIComponent(slug)}`;

export const knowledgePaths = {
  similar: (slug: string, id: string) => `${m(slug)}/documents/${encodeURIComponent(id)}/similar`,
  duplicates: (slug: string) => `${m(slug)}/appeals/duplicates`,
  support: (slug: string, id: string) => `${m(slug)}/reports/${encodeURIComponent(id)}/support`,
  merge: (slug: string, id: string) => `${m(slug)}/appeals/${encodeURIComponent(id)}/merge`,
  status: (slug: string, id: string) => `${m(slug)}/appeals/${encodeURIComponent(id)}/status`,
};
