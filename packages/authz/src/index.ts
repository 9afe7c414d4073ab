export * from './registry.ts';
export * from './abilities.ts';
