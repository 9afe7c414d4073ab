export * from './types.ts';
export * from './errors.ts';
export * from './guards.ts';
export * from './app.ts';
export * from './schemas.ts';
