import { localDate, type ComputedDeadline } from '@zemstvo/calendar';
import { newId } from '@zemstvo/kernel';
import type { SpbAppeal, SpbTimeline } from '../domain/spb-record.ts';
import { STAGE_OF, type AppealStatus } from '../domain/statuses.ts';
import type { ImportAppealRow, ImportDocumentRow, ImportEventRow } from '../infra/import.repository.ts';
import { searchTextOf } from './submit-appeal.ts';

/** One record ready to be written: the data set's appeal, its mapping and its numbers. */
export interface PreparedAppeal {
  key: string;
  appeal: SpbAppeal;
  timeline: SpbTimeline;
  category: string;
  theme: string | null;
  categoryTitle: string;
  regNumber: string | null;
  answerNumbers: string[];
  registration: ComputedDeadline;
  answer: ComputedDeadline | null;
  /** The executor organisation: the record's, else the one that gave the last answer. */
  executorOrg: string | null;
  departmentId: string | null;
}

export interface ImportRowsContext {
  serviceInstanceId: string;
  incomingJournalId: string;
  outgoingJournalId: string;
  publicByDefault: boolean;
  actorLabel: string;
  /** The municipality's time zone: a registration is late by its local day. */
  timeZone: string;
}

/** The source channel of imported appeals: never an intake channel, so nothing treats them as new intake. */
export const IMPORT_CHANNEL = 'import';

/** The incoming document's status for the appeal's public status (document flow's own vocabulary). */
function documentStatus(status: AppealStatus): string {
  if (status === 'received') return 'received';
  if (status === 'registered') return 'registered';
  if (status === 'answered' || status === 'closed') return 'done';
  return 'in_work';
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The answer a step of the history refers to: the last one given by then, else the first one after. */
function answerAt(answers: readonly { id: string; at: Date }[], at: Date): string | null {
  let found: string | null = null;
  for (const a of answers) if (a.at.getTime() <= at.getTime()) found = a.id;
  return found ?? answers[0]?.id ?? null;
}

/**
 * Rows for the bulk insert: the appeals' incoming documents, the appeals, their answers as
 * outgoing documents (dispatched, children of the appeal's document) and every history step —
 * receipt, registration with its number and deadline, the portal's status changes, the answers.
 */
export function buildImportRows(list: readonly PreparedAppeal[], c: ImportRowsContext) {
  const incoming: ImportDocumentRow[] = [];
  const answers: ImportDocumentRow[] = [];
  const appeals: ImportAppealRow[] = [];
  const events: ImportEventRow[] = [];
  for (const p of list) {
    const a = p.appeal;
    const t = p.timeline;
    const id = newId();
    const answerDocs = a.answers.map((x, i) => ({
      id: newId(),
      at: x.at,
      org: x.org,
      text: x.text,
      number: p.answerNumbers[i]!,
    }));
    const closedAnswer = t.closedAt && answerDocs.length ? answerAt(answerDocs, t.closedAt) : null;
    const event = (at: Date, type: string, data: Record<string, unknown>, actor = c.actorLabel, doc = id) =>
      events.push({ document_id: doc, at: at.toISOString(), actor_label: actor, type, data });

    incoming.push({
      id,
      direction: 'incoming',
      kind: 'appeal',
      status: documentStatus(t.status),
      journal_id: p.regNumber ? c.incomingJournalId : null,
      reg_number: p.regNumber,
      reg_date: iso(t.registeredAt),
      title: `${p.categoryTitle}: ${a.text.replace(/\s+/g, ' ').slice(0, 120)}`,
      body: a.text,
      author_org: null,
      source_channel: IMPORT_CHANNEL,
      parent_id: null,
      service_instance_id: c.serviceInstanceId,
      external_ref: p.key,
      due_date: p.answer?.due ?? p.registration.due,
      created_at: a.createdAt.toISOString(),
    });
    const hasPoint = a.lat !== null && a.lon !== null;
    appeals.push({
      document_id: id,
      service_instance_id: c.serviceInstanceId,
      category_code: p.category,
      theme_code: p.theme,
      lat: a.lat,
      lon: a.lon,
      address: a.address,
      is_public: c.publicByDefault && hasPoint,
      status: t.status,
      stage: STAGE_OF[t.status],
      received_at: a.createdAt.toISOString(),
      registered_at: iso(t.registeredAt),
      registration_due: p.registration.due,
      answer_due: p.answer?.due ?? null,
      deadline_rule: (p.answer ?? p.registration).ruleCode,
      deadline_rule_version: (p.answer ?? p.registration).ruleVersion,
      closed_at: iso(t.closedAt),
      rating: t.rating,
      rejected_at: iso(t.rejectedAt),
      answer_document_id: closedAnswer,
      form: {
        text: a.text,
        ...(hasPoint ? { location: { lat: a.lat, lon: a.lon } } : {}),
        ...(a.address ? { address: a.address } : {}),
        ...(a.district ? { district: a.district } : {}),
        ...(a.municipality ? { municipal_district: a.municipality } : {}),
        ...(a.cityObject ? { city_object: a.cityObject } : {}),
        ...(p.executorOrg ? { executor_org: p.executorOrg } : {}),
        ...(p.departmentId ? { executor_department_id: p.departmentId } : {}),
        ...(t.outcome ? { portal_outcome: t.outcome } : {}),
        import_source: p.key,
      },
      source_channel: IMPORT_CHANNEL,
      idempotency_key: p.key,
      search_text: searchTextOf(p.regNumber, a.text),
    });

    event(a.createdAt, 'received', {
      kind: 'appeal',
      status: 'received',
      channel: IMPORT_CHANNEL,
      source: p.key,
    });
    if (t.registeredAt && p.answer)
      event(t.registeredAt, 'appeal_registered', {
        regNumber: p.regNumber,
        answerDue: p.answer.due,
        rule: p.answer.ruleCode,
        ruleVersion: p.answer.ruleVersion,
        registrationDue: p.registration.due,
        late: localDate(t.registeredAt, c.timeZone) > p.registration.due,
        questions: [{ n: 1, theme: p.theme, repetition: 'primary', repeatedOf: null }],
      });
    for (const s of t.steps) {
      const data: Record<string, unknown> = { ...s.data };
      if (s.type === 'appeal_answered') data.answerId = answerAt(answerDocs, s.at);
      event(s.at, s.type, data);
    }
    for (const x of answerDocs) {
      answers.push({
        id: x.id,
        direction: 'outgoing',
        kind: 'answer',
        status: 'dispatched',
        journal_id: c.outgoingJournalId,
        reg_number: x.number,
        reg_date: x.at.toISOString(),
        title: `Ответ на сообщение ${p.regNumber ?? p.key}`,
        body: x.text,
        author_org: x.org,
        source_channel: IMPORT_CHANNEL,
        parent_id: id,
        service_instance_id: c.serviceInstanceId,
        external_ref: `${p.key}:answer`,
        due_date: null,
        created_at: x.at.toISOString(),
      });
      const actor = x.org ?? c.actorLabel;
      event(x.at, 'registered', { regNumber: x.number }, actor, x.id);
      event(x.at, 'dispatched', { channel: 'portal' }, actor, x.id);
    }
  }
  return { incoming, appeals, answers, events };
}
