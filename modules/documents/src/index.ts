import { fileURLToPath } from 'node:url';
import type { ServiceRegistry } from '@zemstvo/catalog';
import type { Services, ZemstvoModule } from '@zemstvo/http';
import {
  ESCALATE_JOB,
  makeEscalateJob,
  makeRemindJob,
  REMIND_JOB,
} from './application/control-of-execution.ts';
import { installation, type WorkflowDeps } from './application/deps.ts';
import { combineHooks, type DocumentHooks } from './domain/hooks.ts';
import { simpleSignatureProvider, type SignatureProvider } from './domain/signature.ts';
import { approvalRoutes } from './http/approval-routes.ts';
import { documentListRoutes } from './http/document-list-routes.ts';
import { draftingRoutes } from './http/drafting-routes.ts';
import { executionRoutes } from './http/execution-routes.ts';
import { intakeRoutes } from './http/intake-routes.ts';
import { notificationRoutes } from './http/notification-routes.ts';
import { verifyRoutes } from './http/verify-routes.ts';
import { documentRoutes } from './http/routes.ts';
import { attachmentRoutes } from './http/attachment-routes.ts';
import { documentPermissions } from './permissions.ts';

export * from './domain/kinds.ts';
export { formatRegNumber, checkNumberFormat } from './domain/numbering.ts';
export {
  documentsRepo,
  journalsRepo,
  type DocumentRow,
  type NewDocument,
  type JournalRow,
} from './infra/documents.repository.ts';
export { recordEvent } from './application/history.ts';
export { ensureJournal } from './application/journals.ts';
export { createDocument, registerDocument, changeDocumentStatus } from './application/register-document.ts';
export { documentOut } from './http/routes.ts';
export {
  addAttachment,
  addValidatedAttachments,
  addLink,
  listAttachments,
  getAttachmentFile,
  checkLinkUrl,
} from './application/attachments.ts';
export {
  stageUpload,
  claimUploads,
  STAGED_UPLOAD_TTL_MS,
  type StagedUpload,
} from './application/attachment-uploads.ts';
export { attachmentsRepo, type AttachmentRow } from './infra/attachments.repository.ts';
export { attachmentOut, toAttachmentOut } from './http/attachment-routes.ts';
export { readUploadedFiles, sendFile, withMultipart, uploadLimits } from './http/attachment-upload.ts';
export { documentPermissions };
export type { DocumentHooks, Recipient, ResolutionInfo } from './domain/hooks.ts';
export type { SignatureProvider, SignInput, SignOutput } from './domain/signature.ts';
export { simpleSignatureProvider } from './domain/signature.ts';
export { REMIND_JOB, ESCALATE_JOB } from './application/control-of-execution.ts';
export { reopenDocument } from './application/reopen-document.ts';
export { submitSignal, type SignalInput, type SignalOutcome } from './application/submit-signal.ts';
export { signedFile, signedFileIn, type StoredFile } from './application/document-files.ts';
export { verifyHash, verifyFile, type Verification } from './application/verify-signature.ts';
export { contentDisposition, safeFileName } from './domain/file-names.ts';
export type { NotificationKind } from './domain/notification-texts.ts';

export const documentsMigrations = {
  module: 'documents',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};

export interface DocumentsModuleOptions {
  /** The applied-service packages (templates, outgoing journals, reminder days come from them). */
  registry: ServiceRegistry;
  /** Lifecycle hooks of modules that follow the workflow (appeals), called in this order. */
  hooks?: readonly DocumentHooks[];
  /** The signature plug-in; the simple electronic signature by default. */
  signature?: SignatureProvider;
}

/** The documents module of one installation: document flow from registration to dispatch. */
export function createDocumentsModule(options: DocumentsModuleOptions): ZemstvoModule {
  const hooks = combineHooks(options.hooks ?? []);
  const depsFor = (services: Services): WorkflowDeps => {
    installation.publicUrl = services.config.publicUrl;
    return {
      hooks,
      registry: options.registry,
      storage: services.storage,
      signature: options.signature ?? simpleSignatureProvider,
      permissions: services.permissions,
      publicUrl: services.config.publicUrl,
    };
  };
  return {
    name: 'documents',
    migrations: documentsMigrations,
    permissions: documentPermissions,
    jobs: { [REMIND_JOB]: makeRemindJob(), [ESCALATE_JOB]: makeEscalateJob() },
    async routes(app, services) {
      const deps = depsFor(services);
      await documentRoutes(app, services);
      await attachmentRoutes(app, services);
      documentListRoutes(app);
      intakeRoutes(app, deps);
      executionRoutes(app, deps);
      draftingRoutes(app, deps);
      approvalRoutes(app, deps);
      notificationRoutes(app);
      await verifyRoutes(app, deps);
    },
  };
}
