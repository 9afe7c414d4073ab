export * from './errors.ts';
export * from './clock.ts';
export * from './sql.ts';
export * from './actor.ts';
export * from './ctx.ts';
export * from './ids.ts';
export * from './i18n.ts';
export * from './read-cache.ts';
