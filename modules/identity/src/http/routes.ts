import type { Services, TypedApp } from '@zemstvo/http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IdentityRuntime } from '../settings.ts';
import { devOutboxRoutes } from './dev-outbox-routes.ts';
import { oidcRoutes } from './oidc-routes.ts';
import { passwordResetRoutes } from './password-reset-routes.ts';
import { installAuthLimiters } from './rate-limits.ts';
import { registrationRoutes } from './registration-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import { tokenRoutes } from './token-routes.ts';

/** The identity module's routes, in their own scope (its rate limiter stays there). */
export function makeIdentityRoutes(runtime: IdentityRuntime) {
  return async (app: TypedApp, services: Services): Promise<void> => {
    await app.register(async (scope) => {
      const limiters = await installAuthLimiters(scope, runtime.rateLimits);
      const api = scope.withTypeProvider<ZodTypeProvider>();
      sessionRoutes(api, services, runtime, limiters);
      registrationRoutes(api, services, limiters);
      passwordResetRoutes(api, services, runtime, limiters);
      oidcRoutes(api, services, runtime, limiters);
      tokenRoutes(api, services);
      if (services.config.devMode) devOutboxRoutes(api);
    });
  };
}
