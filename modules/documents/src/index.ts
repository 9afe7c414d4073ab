import { fileURLToPath } from 'node:url';
import type { ZemstvoModule } from '@zemstvo/http';
import { documentPermissions } from './permissions.ts';
import { documentRoutes } from './http/routes.ts';

export * from './domain/kinds.ts';
export { formatRegNumber, checkNumberFormat } from './domain/numbering.ts';
export { documentsRepo, journalsRepo, type DocumentRow, type NewDocument, type JournalRow } from './infra/documents.repository.ts';
export { recordEvent } from './application/history.ts';
export { ensureJournal } from './application/journals.ts';
export { createDocument, registerDocument, changeDocumentStatus, MUNICIPAL_TIME_ZONE } from './application/register-document.ts';
export { documentOut } from './http/routes.ts';
export { documentPermissions };

export const documentsMigrations = { module: 'documents', dir: fileURLToPath(new URL('../migrations', import.meta.url)) };

export const documentsModule: ZemstvoModule = {
  name: 'documents',
  migrations: documentsMigrations,
  permissions: documentPermissions,
  routes: documentRoutes,
};
