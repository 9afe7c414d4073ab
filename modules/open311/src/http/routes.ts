import type { ServiceRegistry } from '@zemstvo/catalog';
import type { Services, TypedApp } from '@zemstvo/http';
import { AppError } from '@zemstvo/kernel';
import { installOpen311ErrorHandling } from './errors.ts';
import { acceptFormBodies } from './form-body.ts';
import { postRequestRoutes } from './post-request-routes.ts';
import { readRoutes } from './read-routes.ts';

/** Where GeoReport v2 lives: outside `/api`, at the URL clients of the standard expect. */
export const OPEN311_BASE = '/open311/v2';

/**
 * The GeoReport v2 endpoint of the installation: every municipality is a jurisdiction
 * (`jurisdiction_id` = its slug). Registered as root routes: the platform authenticates callers on
 * them as on `/api`, and this scope answers every error in the standard's format.
 */
export function makeOpen311Routes(registry: ServiceRegistry) {
  return async (app: TypedApp, services: Services): Promise<void> => {
    await app.register(
      async (scope) => {
        installOpen311ErrorHandling(scope);
        acceptFormBodies(scope);
        readRoutes(scope, services, registry);
        postRequestRoutes(scope, services, registry);
        // Unknown methods under the base answer in the standard's format, not with the web app's page.
        scope.get('/*', { schema: { hide: true } }, async (req) => {
          throw new AppError('not_found', `No Open311 method GET ${req.url.split('?')[0]}`, 404);
        });
      },
      { prefix: OPEN311_BASE },
    );
  };
}
