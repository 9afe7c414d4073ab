/**
 * Which routes the safety-net suites (tenant.isolation.test.ts, routes.fuzz.test.ts) treat as open.
 * Every route that is not listed here is treated as a staff or operator endpoint: anonymous callers
 * must get 401, residents 401/403, staff of another municipality 403/404. A new route that forgets
 * its guard therefore fails those suites. Adding a route here is a security decision: say why.
 */
import { submitAppeal } from '@zemstvo/appeals';
import { addLink, createDocument } from '@zemstvo/documents';
import { inMunicipality, makeAssignment, makeRegisteredIncoming } from '@zemstvo/documents/test/factories';
import type { LightMyRequestResponse } from 'fastify';
import type { RouteEntry } from '@zemstvo/http';
import { errorShapeProblem } from '@zemstvo/http/testing/route-requests';
import { open311ErrorProblem } from '@zemstvo/open311/testing/error-shape';

/**
 * Open311 GeoReport v2 reads (discovery, services, requests, tokens) are open by the standard; they
 * never show personal data (modules/open311). The catch-all answers unknown methods with a 404.
 */
const OPEN311_READS = [
  ...[
    'discovery',
    'services',
    'services/:service_code',
    'requests',
    'requests/:service_request_id',
    'tokens/:token',
  ].flatMap((path) => ['json', 'xml'].map((format) => `GET /open311/v2/${path}.${format}`)),
  'GET /open311/v2/*',
];
import { tenancyRepo } from '@zemstvo/tenancy';
import type { Platform } from './platform.ts';

/** Anyone, signed in or not, may call these (`METHOD /url-pattern`). */
const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  // Operations: probes and metrics for the load balancer and Prometheus. /metrics is not a user's
  // route: with METRICS_TOKEN set it wants that bearer token instead (see docs/security.md).
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  // The installation's public reference data: the start page and the login form need it.
  'GET /api/regions',
  'GET /api/municipalities',
  'GET /api/permissions',
  // A municipality's public card; the caller's abilities there (empty for outsiders).
  'GET /api/m/:municipality',
  // Demo logins are shown on the start page (empty when no demo data is loaded).
  'GET /api/demo',
  // The web app's public settings: the map tile server named by MAP_TILE_URL, nothing secret.
  'GET /api/config',
  // The service catalogue: residents choose where to write before signing in (settings stay hidden).
  'GET /api/services',
  'GET /api/m/:municipality/services',
  'GET /api/m/:municipality/services/:slug',
  // Signing in and out, registering, recovering a password, signing in with an external provider.
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/register',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'GET /api/auth/providers',
  // Who is signed in, if anyone (me: null for anonymous visitors): every page of the web app asks.
  'GET /api/auth/session',
  'GET /api/auth/oidc/:provider/start',
  'GET /api/auth/oidc/:provider/callback',
  // Anyone holding a signed file checks its simple electronic signature (63-FZ Art. 5 p.2) by its bytes or hash.
  'POST /api/verify',
  'GET /api/verify/:sha256',
  // The applicant's download link from the answer e-mail: a 256-bit random capability, no account needed.
  'GET /api/answers/:token',
  ...OPEN311_READS,
  // Intake of appeals and map reports: signed-in residents, API tokens with appeal.submit, and
  // anonymous callers only where the service allows it (setting allow_anonymous_web; throttled per IP).
  'POST /api/m/:municipality/appeals',
  // Photos for an appeal being written, uploaded before it is sent (throttled per IP like the intake).
  'POST /api/m/:municipality/appeals/uploads',
  // The public map of reports: public reports of public packages only, personal data masked.
  'GET /api/m/:municipality/reports',
  'GET /api/m/:municipality/reports.geojson',
  'GET /api/m/:municipality/reports/:id',
  // The effective working calendar (federal production calendar with the operator's overrides).
  'GET /api/calendar',
  // Search: anonymous callers find only public reports (masked); staff and residents what they may see.
  'GET /api/m/:municipality/search',
  // Before filing a map report, anyone sees open public reports nearby (masked) to support instead.
  'POST /api/m/:municipality/appeals/duplicates',
  // How many residents support a public report (a count; nobody's identity).
  'GET /api/m/:municipality/reports/:id/support',
]);

/**
 * Authenticated by a key inside the request (Open311's `api_key`: an API token with appeal.submit),
 * not by a session: anonymous callers and residents are refused with 403, as the standard says.
 */
const API_KEY_ROUTES: ReadonlySet<string> = new Set([
  'POST /open311/v2/requests.json',
  'POST /open311/v2/requests.xml',
]);

/** Any signed-in user (resident or staff) may call these, about themselves only. */
const SIGNED_IN_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/auth/me',
  'PUT /api/auth/me/locale',
  // The caller's own notifications (filtered by the signed-in user, whatever the municipality).
  'GET /api/me/notifications',
  'POST /api/me/notifications/:id/read',
  // The resident's own appeals (filtered by the applicant, whatever the municipality).
  'GET /api/me/appeals',
  'GET /api/me/appeals/:municipality/:id',
  'POST /api/me/appeals/:municipality/:id/rating',
  'POST /api/me/appeals/:municipality/:id/rejection',
  // The signed answer to one of the caller's own appeals.
  'GET /api/me/appeals/:municipality/:id/answers/:answerId/file',
  // The public milestones of one of the caller's own appeals.
  'GET /api/me/appeals/:municipality/:id/history',
  // Search across the caller's workplaces (document.view) and their own appeals.
  'GET /api/search',
  // A signed-in resident supports a public report (or withdraws), as themselves.
  'POST /api/m/:municipality/reports/:id/support',
  'DELETE /api/m/:municipality/reports/:id/support',
]);

/**
 * Bodies the suites send instead of a generated one, where business rules a schema cannot express
 * would refuse every generated body (e.g. token scopes must be permissions the caller holds).
 */
const SAMPLE_BODIES: Readonly<Record<string, unknown>> = {
  'POST /api/m/:municipality/tokens': { name: 'Isolation probe', permissions: ['department.view'] },
};

/**
 * For id parameters that no GET list route shows: makes one object in the given municipality
 * through the module's own use case and returns its id (the isolation suite then tries it from
 * the other municipality). Key: `METHOD /url-pattern :param`.
 */
type ObjectMaker = (p: Platform, slug: string) => Promise<string>;
const OBJECT_MAKERS: Readonly<Record<string, ObjectMaker>> = {
  ...Object.fromEntries(
    [
      'GET /api/me/appeals/:municipality/:id',
      'POST /api/me/appeals/:municipality/:id/rating',
      'POST /api/me/appeals/:municipality/:id/rejection',
    ].map((route) => [`${route} :id`, makeAppeal] as const),
  ),
  // Any document of the other municipality stands for a foreign answer: the route must not find it.
  'GET /api/me/appeals/:municipality/:id/answers/:answerId/file :id': makeAppeal,
  'GET /api/me/appeals/:municipality/:id/answers/:answerId/file :answerId': makeAppeal,
  'GET /api/me/appeals/:municipality/:id/history :id': makeAppeal,
  'POST /api/m/:municipality/assignments/:id/complete :id': (p, slug) => makeAssignment(p, slug),
  // An attachment (a link, so no file is needed) of a new document of the municipality.
  'GET /api/m/:municipality/documents/:id/attachments/:attachmentId :attachmentId': async (p, slug) => {
    const doc = await makeRegisteredIncoming(p, slug);
    const link = { url: 'https://example.org/probe' };
    return inMunicipality(p, slug, async (ctx) => (await addLink(ctx, doc.id, link)).id);
  },
  'GET /api/m/:municipality/documents/:id :id': (p, slug) =>
    p.db.transaction(async (tx) => {
      const ctx = { ...p.systemCtx(tx, 'isolation-test'), tenant: await tenancyRepo.tenantBySlug(tx, slug) };
      const doc = await createDocument(ctx, {
        direction: 'incoming',
        kind: 'appeal',
        status: 'received',
        title: 'Isolation probe',
        body: '',
        authorUserId: null,
        authorName: 'Isolation probe',
        authorOrg: null,
        addressee: null,
        signatoryUserId: null,
        sourceChannel: 'web',
        parentId: null,
        serviceInstanceId: null,
        externalRef: null,
        dueDate: null,
      });
      return doc.id;
    }),
};

/** An appeal filed through the intake use case (the resident routes list only the caller's own). */
async function makeAppeal(p: Platform, slug: string): Promise<string> {
  return p.db.transaction(async (tx) => {
    const ctx = { ...p.systemCtx(tx, 'isolation-test'), tenant: await tenancyRepo.tenantBySlug(tx, slug) };
    const { appeal } = await submitAppeal(ctx, {
      service: 'appeals-59fz',
      category: 'housing',
      fields: {
        last_name: 'Проба',
        first_name: 'Изоляции',
        email: 'probe@example.org',
        text: 'Isolation probe',
      },
      channel: 'api',
    });
    return appeal.id;
  });
}

const key = (r: Pick<RouteEntry, 'method' | 'url'>) => `${r.method} ${r.url}`;

/** The API explorer and its assets are public documentation. */
const isDocs = (r: RouteEntry) => r.url === '/api/docs' || r.url.startsWith('/api/docs/');

export const sampleBody = (r: RouteEntry): unknown => SAMPLE_BODIES[key(r)];
/** The statuses an anonymous caller gets on a route that is not public. */
export const anonymousRefusals = (r: RouteEntry): number[] => (API_KEY_ROUTES.has(key(r)) ? [403] : [401]);

/**
 * Null when a refusal is in the error shape the route promises, else what is wrong: the platform's
 * `{error:{code,message}}`, or on Open311 routes the standard's `[{code, description}]` (JSON or
 * XML). A URL that cannot be routed at all (bad percent-encoding, an over-long segment) is refused
 * before any route is chosen, in the platform's shape.
 */
export function errorProblem(r: RouteEntry, res: LightMyRequestResponse): string | null {
  if (!r.url.startsWith('/open311/')) return errorShapeProblem(res);
  const platform =
    errorShapeProblem(res) === null ? (JSON.parse(res.body) as { error: { code: string } }).error.code : null;
  if (platform === 'bad_url' || platform === 'url_too_long') return null;
  return open311ErrorProblem(res);
}
export const objectMaker = (r: RouteEntry, param: string): ObjectMaker | undefined =>
  OBJECT_MAKERS[`${key(r)} :${param}`];
export const isPublicRoute = (r: RouteEntry): boolean => PUBLIC_ROUTES.has(key(r)) || isDocs(r);
export const isSignedInRoute = (r: RouteEntry): boolean => SIGNED_IN_ROUTES.has(key(r));
/** Staff and operator endpoints: everything not public and not for any signed-in user. */
export const isPrivilegedRoute = (r: RouteEntry): boolean => !isPublicRoute(r) && !isSignedInRoute(r);

/** The routes the suites walk: every method but the HEAD twins Fastify adds to GET routes. */
export const routesUnderTest = (all: readonly RouteEntry[]): RouteEntry[] =>
  all.filter((r) => r.method !== 'HEAD');

/** Every listed route must exist: a stale entry would hide a renamed route from the suites. */
export const listedRouteKeys = (): string[] => [
  ...PUBLIC_ROUTES,
  ...SIGNED_IN_ROUTES,
  ...Object.keys(SAMPLE_BODIES),
  ...Object.keys(OBJECT_MAKERS).map((k) => k.replace(/ :[A-Za-z0-9_]+$/, '')),
];
