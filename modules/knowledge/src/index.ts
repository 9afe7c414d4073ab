import { fileURLToPath } from 'node:url';
import type { ServiceRegistry } from '@zemstvo/catalog';
import type { ZemstvoModule } from '@zemstvo/http';
import { knowledgeRoutes } from './http/routes.ts';

export * from './domain/extract.ts';
export { searchDocuments, catchUpLexicon, type SearchResult, type SearchItem } from './application/search.ts';
export { similarDocuments, findDuplicates, supportReport } from './application/similar.ts';

export const knowledgeMigrations = {
  module: 'knowledge',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};

/** The knowledge base: full-text search, metadata extraction, similar documents, duplicate reports. */
export function createKnowledgeModule(options: { registry: ServiceRegistry }): ZemstvoModule {
  return {
    name: 'knowledge',
    migrations: knowledgeMigrations,
    routes(app, services) {
      knowledgeRoutes(app, services, options.registry);
    },
  };
}
