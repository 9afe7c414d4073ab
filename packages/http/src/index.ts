export * from './types.ts';
export * from './errors.ts';
export * from './guards.ts';
export * from './app.ts';
export * from './schemas.ts';
export { listRoutes, type RouteEntry } from './route-table.ts';
export { findUnstorableText } from './input-text.ts';
