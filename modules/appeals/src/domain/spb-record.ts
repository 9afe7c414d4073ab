import type { AppealStatus } from './statuses.ts';

/**
 * One appeal of St. Petersburg's city portal («Наш Санкт-Петербург») as its published data set
 * stores it: `id`, `created_at`, `text` (personal data already masked as XXXX), `category`,
 * `reason` (the theme), `city_object`, `district`, `municipality`, `lat`, `lon`, `address`,
 * `executor_org`, `statuses` ([time, name]…) and `answers` ([time, organisation, text]…).
 * Times carry no offset: they are Moscow time (UTC+3, no daylight saving since 2014). Read more
 * strictly than the routing module's lenient reader (`parseAppealRecord`), which drops the status
 * history and answers an import needs.
 */
export interface SpbAppeal {
  id: string;
  createdAt: Date;
  text: string;
  category: string;
  reason: string | null;
  cityObject: string | null;
  district: string | null;
  municipality: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  executorOrg: string | null;
  statuses: { at: Date; name: string }[];
  answers: { at: Date; org: string | null; text: string }[];
}

export type ParsedSpbAppeal = { ok: true; appeal: SpbAppeal } | { ok: false; error: string };

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A portal time (`2020-10-18T14:50:40.817676`, Moscow time unless it carries an offset). */
export function portalTime(s: unknown): Date | null {
  if (typeof s !== 'string') return null;
  const m = LOCAL_TIME.exec(s.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}${(m[3] ?? '').slice(0, 4)}${m[4] ?? '+03:00'}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function coordinate(v: unknown, limit: number): number | null | undefined {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined;
}

/** Checks one parsed JSON line of the data set; the error names the field at fault. */
export function parseSpbAppeal(value: unknown): ParsedSpbAppeal {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'not a JSON object' };
  const o = value as Record<string, unknown>;
  const id = typeof o.id === 'number' && Number.isInteger(o.id) ? String(o.id) : str(o.id);
  if (!id || !/^[\w.-]{1,100}$/.test(id)) return { ok: false, error: '"id" is missing or not an identifier' };
  const createdAt = portalTime(o.created_at);
  if (!createdAt) return { ok: false, error: '"created_at" is missing or not a date-time' };
  const text = str(o.text);
  if (!text) return { ok: false, error: '"text" is missing or empty' };
  const category = str(o.category);
  if (!category) return { ok: false, error: '"category" is missing' };
  const lat = coordinate(o.lat, 90);
  const lon = coordinate(o.lon, 180);
  if (lat === undefined || lon === undefined) return { ok: false, error: '"lat"/"lon" must be coordinates' };
  if (!Array.isArray(o.statuses)) return { ok: false, error: '"statuses" must be a list of [time, name]' };
  const statuses: SpbAppeal['statuses'] = [];
  for (const s of o.statuses as unknown[]) {
    const at = Array.isArray(s) ? portalTime(s[0]) : null;
    const name = Array.isArray(s) ? str(s[1]) : null;
    if (!at || !name) return { ok: false, error: '"statuses" must be a list of [time, name]' };
    statuses.push({ at, name });
  }
  const answers: SpbAppeal['answers'] = [];
  for (const a of Array.isArray(o.answers) ? (o.answers as unknown[]) : []) {
    const at = Array.isArray(a) ? portalTime(a[0]) : null;
    const answerText = Array.isArray(a) ? str(a[2]) : null;
    if (!at || !answerText)
      return { ok: false, error: '"answers" must be a list of [time, organisation, text]' };
    answers.push({ at, org: str((a as unknown[])[1]), text: answerText });
  }
  return {
    ok: true,
    appeal: {
      id,
      createdAt,
      text,
      category,
      reason: str(o.reason),
      cityObject: str(o.city_object),
      district: str(o.district),
      municipality: str(o.municipality),
      address: str(o.address),
      lat: lat !== null && lon !== null ? lat : null,
      lon: lat !== null && lon !== null ? lon : null,
      executorOrg: str(o.executor_org),
      statuses,
      answers,
    },
  };
}

/** The portal's status names and what each means for our public status (see docs/import.md). */
export const SPB_STATUS = {
  moderation: 'Модерация',
  consideration: 'Рассмотрение',
  interim: 'Промежуточный ответ',
  answered: 'Получен ответ',
  finished: 'Завершено',
  finishedSatisfied: 'Завершено: Пользователь удовлетворен решением проблемы',
} as const;

export interface TimelineStep {
  at: Date;
  type: 'status_changed' | 'appeal_answered' | 'answer_rejected' | 'appeal_reopened' | 'answer_rated';
  data: Record<string, string | number>;
}

/** What the status history of a portal appeal becomes: our public status, its dates and steps. */
export interface SpbTimeline {
  status: AppealStatus;
  registeredAt: Date | null;
  /** When the (last) answer closed the case; null while it is open. */
  closedAt: Date | null;
  /** The first time the resident sent an answer back (the portal's return to moderation). */
  rejectedAt: Date | null;
  /** 5 when the resident confirmed the problem solved — the only rating the portal records. */
  rating: number | null;
  /** The portal's closing status, e.g. «Завершено: Автоматически». */
  outcome: string | null;
  steps: TimelineStep[];
}

const BY = 'spb_portal';

/**
 * Replays the portal's status history: «Модерация» is receipt (a later one, after an answer, is the
 * resident rejecting the answer: the case reopens), the first «Рассмотрение» is registration,
 * «Промежуточный ответ» is `planned` (work scheduled), «Получен ответ» is `answered` and closes the
 * case, «Завершено: …» files it as `closed` (by the resident's confirmation — rating 5 —,
 * automatically, or by a public inspector). An unknown status name is an error.
 */
export function spbTimeline(
  statuses: readonly { at: Date; name: string }[],
): SpbTimeline | { error: string } {
  const t: SpbTimeline = {
    status: 'received',
    registeredAt: null,
    closedAt: null,
    rejectedAt: null,
    rating: null,
    outcome: null,
    steps: [],
  };
  let answeredOnce = false;
  const move = (
    at: Date,
    to: AppealStatus,
    type: TimelineStep['type'] = 'status_changed',
    extra: Record<string, string> = {},
  ) => {
    if (t.status === to) return;
    t.steps.push({ at, type, data: { from: t.status, to, by: BY, ...extra } });
    t.status = to;
  };
  for (const s of statuses) {
    if (s.name === SPB_STATUS.moderation) {
      if (!answeredOnce || t.status === 'reopened') continue;
      t.rejectedAt ??= s.at;
      t.closedAt = null;
      t.steps.push({ at: s.at, type: 'answer_rejected', data: {} });
      move(s.at, 'reopened', 'appeal_reopened');
    } else if (s.name === SPB_STATUS.consideration) {
      if (t.registeredAt) continue;
      t.registeredAt = s.at;
      t.status = 'registered';
    } else if (s.name === SPB_STATUS.interim) {
      t.registeredAt ??= s.at;
      move(s.at, 'planned');
    } else if (s.name === SPB_STATUS.answered) {
      t.registeredAt ??= s.at;
      answeredOnce = true;
      t.closedAt = s.at;
      move(s.at, 'answered', 'appeal_answered');
    } else if (s.name.startsWith(SPB_STATUS.finished)) {
      t.registeredAt ??= s.at;
      t.closedAt ??= s.at;
      t.outcome = s.name;
      answeredOnce = true;
      if (s.name === SPB_STATUS.finishedSatisfied) {
        t.rating = 5;
        t.steps.push({ at: s.at, type: 'answer_rated', data: { rating: 5 } });
      }
      move(s.at, 'closed', 'status_changed', { outcome: s.name });
    } else return { error: `unknown portal status «${s.name}»` };
  }
  return t;
}
