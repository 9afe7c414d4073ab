import type { ServiceManifestInput } from './schema.ts';

/** Declares an applied-service package (typed here; validated by the build and at load). */
export const defineService = (manifest: ServiceManifestInput): ServiceManifestInput => manifest;
