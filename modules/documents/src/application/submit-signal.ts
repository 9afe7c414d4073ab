import { writeAudit } from '@zemstvo/audit';
import { actorUserId, notFound, type Ctx } from '@zemstvo/kernel';
import { START_EVENT_JOURNALS } from '../domain/start-events.ts';
import { documentsRepo, type DocumentRow } from '../infra/documents.repository.ts';
import { signalsRepo, type SignalRow } from '../infra/signals.repository.ts';
import { tenantOf } from './deps.ts';
import { ensureJournal } from './journals.ts';
import { createDocument, registerDocument } from './register-document.ts';

export interface SignalInput {
  /** The monitoring system (e.g. `air-quality`, `heat-network`). */
  source: string;
  /** The system's own id of the event: a repeated post of the same event changes nothing. */
  eventId: string;
  type: string;
  severity: SignalRow['severity'];
  text: string;
  lat?: number | undefined;
  lon?: number | undefined;
  observedAt: Date;
  /** Whom the signal is for (e.g. the department a platform job routed it to); none by default. */
  addressee?: string | undefined;
}

export interface SignalOutcome {
  document: DocumentRow;
  signal: SignalRow;
  /** True when this event had been posted before (nothing new was created). */
  duplicate: boolean;
}

const SEVERITY_RU = { info: 'информация', warning: 'предупреждение', critical: 'авария' } as const;

/**
 * A monitoring signal posted by an external system with an API token: an incoming document of
 * kind `signal`, registered at once in the `signals` journal, then resolved and executed like any
 * incoming document. Idempotent by (source, event id). Posted by a user (an API token) or by the
 * platform itself (a system actor, e.g. the forecast module's spike job): then it has no author user.
 */
export async function submitSignal(ctx: Ctx, input: SignalInput): Promise<SignalOutcome> {
  const m = tenantOf(ctx).municipalityId;
  const known = await signalsRepo.byEvent(ctx.tx, m, input.source, input.eventId);
  if (known) {
    const document = await documentsRepo.get(ctx.tx, m, known.documentId);
    if (!document) throw notFound('Document');
    return { document, signal: known, duplicate: true };
  }
  const journal = START_EVENT_JOURNALS.signal;
  await ensureJournal(ctx, journal);
  const text = input.text.trim();
  const doc = await createDocument(
    ctx,
    {
      direction: 'incoming',
      kind: 'signal',
      status: 'received',
      title: `${input.type} (${SEVERITY_RU[input.severity]}): ${text.slice(0, 120)}`,
      body: text,
      authorUserId: actorUserId(ctx.actor),
      authorName: null,
      authorOrg: input.source,
      addressee: input.addressee?.trim().slice(0, 500) || null,
      signatoryUserId: null,
      sourceChannel: 'api',
      parentId: null,
      serviceInstanceId: null,
      externalRef: `${input.source}:${input.eventId}`.slice(0, 300),
      dueDate: null,
    },
    'signal_received',
  );
  const signal: SignalRow = {
    documentId: doc.id,
    source: input.source,
    eventId: input.eventId,
    type: input.type,
    severity: input.severity,
    lat: input.lat ?? null,
    lon: input.lon ?? null,
    observedAt: input.observedAt,
  };
  await signalsRepo.insert(ctx.tx, m, signal);
  await writeAudit(ctx, { action: 'signal.received', entity: 'document', entityId: doc.id, after: signal });
  const document = await registerDocument(ctx, doc.id, journal.code);
  return { document, signal, duplicate: false };
}
