import { russianWorkingCalendar, type WorkingCalendar } from '@zemstvo/calendar';
import type { Ctx } from '@zemstvo/kernel';

const productionCalendar = russianWorkingCalendar();

/** Who an answer goes to, as the module that owns the case knows it (appeals: the applicant). */
export interface Recipient {
  name: string | null;
  email: string | null;
  postalAddress: string | null;
  /** A platform user (resident) whose cabinet receives the answer. */
  userId: string | null;
  locale?: 'ru' | 'en';
}

export interface ResolutionInfo {
  resolutionId: string;
  responsibleUserId: string;
  coExecutorUserIds: string[];
  dueDate: string;
  /** The resolution this one supersedes (re-assignment), if any. */
  supersedes: string | null;
}

/**
 * Lifecycle hooks of document flow: modules that own a kind of case (appeals) follow the workflow
 * without documents importing them. Every hook runs inside the transaction of the step that calls
 * it: if a hook throws, the step is refused as a whole. All hooks are optional.
 */
export interface DocumentHooks {
  /** A head wrote (or re-wrote) a resolution on an incoming document. */
  onResolution?(ctx: Ctx, documentId: string, resolution: ResolutionInfo): Promise<void>;
  /**
   * The signed answer `answerId` to the incoming document `incomingId` was registered and dispatched
   * and the incoming document closed: an answer on the merits, or a notice that ends the case
   * (forwarding, no answer under 59-FZ Art. 11, unreadable). Not called for a notice of extension.
   */
  onAnswerDispatched?(ctx: Ctx, incomingId: string, answerId: string): Promise<void>;
  /** A closed incoming document was reopened (e.g. the resident rejected the answer). */
  onReopen?(ctx: Ctx, documentId: string, reason: string): Promise<void>;
  /** The addressee of the answer to an incoming document: name, e-mail, postal address, cabinet. */
  recipientOf?(ctx: Ctx, incomingId: string): Promise<Recipient | null>;
  /** Extra template fields for the answer to an incoming document (applicant's name, address…). */
  answerFields?(ctx: Ctx, incomingId: string): Promise<Record<string, string>>;
  /** The municipality's working calendar (with the operator's overrides); default: the production calendar. */
  workingCalendar?(ctx: Ctx): Promise<WorkingCalendar>;
}

/** Several modules' hooks as one: notifications run in order; the first non-null answer wins for queries. */
export function combineHooks(list: readonly DocumentHooks[]): Required<DocumentHooks> {
  const firstAnswer = async <T>(
    fn: (h: DocumentHooks) => Promise<T | null | undefined> | undefined,
  ): Promise<T | null> => {
    for (const h of list) {
      const v = await fn(h);
      if (v !== null && v !== undefined) return v;
    }
    return null;
  };
  return {
    async onResolution(ctx, documentId, resolution) {
      for (const h of list) await h.onResolution?.(ctx, documentId, resolution);
    },
    async onAnswerDispatched(ctx, incomingId, answerId) {
      for (const h of list) await h.onAnswerDispatched?.(ctx, incomingId, answerId);
    },
    async onReopen(ctx, documentId, reason) {
      for (const h of list) await h.onReopen?.(ctx, documentId, reason);
    },
    recipientOf: (ctx, incomingId) => firstAnswer((h) => h.recipientOf?.(ctx, incomingId)),
    async answerFields(ctx, incomingId) {
      const out: Record<string, string> = {};
      for (const h of list) Object.assign(out, (await h.answerFields?.(ctx, incomingId)) ?? {});
      return out;
    },
    async workingCalendar(ctx) {
      const found = await firstAnswer((h) => h.workingCalendar?.(ctx));
      return found ?? productionCalendar;
    },
  };
}
