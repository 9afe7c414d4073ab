import { fileURLToPath } from 'node:url';
import type { ServiceRegistry } from '@zemstvo/catalog';
import type { DocumentHooks } from '@zemstvo/documents';
import type { ZemstvoModule } from '@zemstvo/http';
import { bindServiceRegistry } from './application/context.ts';
import { onAnswerDispatched, onReopen, onResolution } from './application/lifecycle.ts';
import { answerFields, recipientOf } from './application/recipient.ts';
import { calendarRoutes } from './http/calendar-routes.ts';
import { intakeRoutes } from './http/intake-routes.ts';
import { publicRoutes } from './http/public-routes.ts';
import { defaultIntakeRateLimit, type IntakeRateLimit } from './http/rate-limit.ts';
import { residentFileRoutes } from './http/resident-file-routes.ts';
import { residentRoutes } from './http/resident-routes.ts';
import { staffRoutes } from './http/staff-routes.ts';
import { loadWorkingCalendar } from './infra/calendar.repository.ts';
import { appealPermissions } from './permissions.ts';

export {
  submitAppeal,
  INTAKE_CHANNELS,
  type IntakeChannel,
  type SubmitAppealInput,
  type SubmitAppealOutcome,
} from './application/submit-appeal.ts';
export { getAppeal, type AppealView } from './application/appeal-view.ts';
export { registerAppeal, type RegisterAppealInput } from './application/register-appeal.ts';
export { applySpecialHandling, type SpecialHandlingInput } from './application/apply-special-handling.ts';
export { redirectAppeal } from './application/redirect-appeal.ts';
export { extendAnswerDeadline } from './application/extend-answer-deadline.ts';
export { setAppealStatus } from './application/set-appeal-status.ts';
export {
  reclassifyAppeal,
  type ReclassifyInput,
  type Classification,
} from './application/reclassify-appeal.ts';
export { mergeAppeal, type MergeAppealInput, type MergeOutcome } from './application/merge-appeal.ts';
export { rateAnswer, rejectAnswer } from './application/answer-feedback.ts';
export { onResolution, onAnswerDispatched, onReopen, appealsInstallHook } from './application/lifecycle.ts';
export { listReports, type PublicReport } from './application/read-lists.ts';
export { seedDemoAppeals } from './application/seed-demo-appeals.ts';
export {
  importAppealBatch,
  importKey,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportAppealsInput,
  type ImportBatchResult,
  type InvalidImportLine,
} from './application/import-appeals.ts';
export { loadWorkingCalendar } from './infra/calendar.repository.ts';
export { maskPersonalData } from './domain/masking.ts';
export * from './domain/statuses.ts';
export { SPECIAL_HANDLING, SPECIAL_HANDLING_RULES, type SpecialHandling } from './domain/special-handling.ts';
export { appealPermissions };

export const appealsMigrations = {
  module: 'appeals',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};

/** What the appeals module does when document flow moves an appeal (registered in the composition root). */
export const appealDocumentHooks: DocumentHooks = {
  onResolution: (ctx, documentId) => onResolution(ctx, documentId),
  onAnswerDispatched,
  onReopen,
  recipientOf,
  answerFields,
  workingCalendar: (ctx) => loadWorkingCalendar(ctx.tx),
};

export interface AppealsModuleOptions {
  registry: ServiceRegistry;
  /** Anonymous intake per IP (default 10 per 10 minutes). */
  intakeRateLimit?: IntakeRateLimit;
}

/** The appeals module: intake from every channel, registration under 59-FZ, statuses, cabinet, public map, calendar. */
export function createAppealsModule(options: AppealsModuleOptions): ZemstvoModule {
  bindServiceRegistry(options.registry);
  return {
    name: 'appeals',
    migrations: appealsMigrations,
    permissions: appealPermissions,
    async routes(app, services) {
      intakeRoutes(app, services, options.intakeRateLimit ?? defaultIntakeRateLimit);
      staffRoutes(app);
      residentRoutes(app);
      publicRoutes(app);
      calendarRoutes(app);
      await residentFileRoutes(app, services, options.intakeRateLimit ?? defaultIntakeRateLimit);
    },
  };
}
