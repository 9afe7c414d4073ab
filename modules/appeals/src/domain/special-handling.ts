import type { AppealStatus } from './statuses.ts';

/**
 * Grounds of 59-FZ Art. 11 on which an appeal gets no answer on the merits, each with what the
 * law requires the body to do. The exact wording and the sources are in docs/legal/59-fz.md.
 */
export const SPECIAL_HANDLING = [
  'anonymous',
  'crime_forwarded',
  'court_decision',
  'abusive',
  'unreadable',
  'essence_unclear',
  'repeated_no_new_arguments',
] as const;
export type SpecialHandling = (typeof SPECIAL_HANDLING)[number];

export interface SpecialHandlingRule {
  /** The article it applies, as cited in the history and the audit log. */
  source: string;
  /** Whether a notice goes to the applicant (an outgoing document the workflow drafts). */
  notice: 'none' | 'within_7_days' | 'with_decision';
  /** The case closes at once (no notice possible or none due) … */
  closesAtOnce: boolean;
  /** … with this status. Cases that wait for a notice close when the notice is dispatched. */
  status: AppealStatus;
  /** The template purpose of the notice, for drafting from the package's templates. */
  noticePurpose: 'notice_no_answer' | 'notice_unreadable' | 'notice_abuse' | 'notice_redirect' | null;
  title: { ru: string; en: string };
}

export const SPECIAL_HANDLING_RULES: Readonly<Record<SpecialHandling, SpecialHandlingRule>> = {
  // Art. 11 p.1, first sentence: no surname or no address for the answer → no answer is given.
  anonymous: {
    source: '59-ФЗ, ст. 11, ч. 1',
    notice: 'none',
    closesAtOnce: true,
    status: 'closed',
    noticePurpose: null,
    title: { ru: 'Анонимное обращение: ответ не даётся', en: 'Anonymous appeal: no answer is given' },
  },
  // Art. 11 p.1, second sentence: if such an appeal reports an unlawful act being prepared,
  // committed or done, and the person doing it, it is sent to the state body competent for it.
  crime_forwarded: {
    source: '59-ФЗ, ст. 11, ч. 1',
    notice: 'none',
    closesAtOnce: true,
    status: 'redirected',
    noticePurpose: null,
    title: {
      ru: 'Анонимное сообщение о противоправном деянии направлено по компетенции',
      en: 'Anonymous report of an unlawful act forwarded to the competent body',
    },
  },
  // Art. 11 p.2: an appeal against a court decision is returned within 7 days of registration,
  // explaining how to appeal the decision.
  court_decision: {
    source: '59-ФЗ, ст. 11, ч. 2',
    notice: 'within_7_days',
    closesAtOnce: false,
    status: 'closed',
    noticePurpose: 'notice_no_answer',
    title: {
      ru: 'Обжалование судебного решения: возврат с разъяснением',
      en: 'Appeal against a court decision: returned with an explanation',
    },
  },
  // Art. 11 p.3: obscene or insulting language, threats to an official or the family: the body may
  // leave the questions unanswered on the merits and tell the citizen that the right must not be abused.
  abusive: {
    source: '59-ФЗ, ст. 11, ч. 3',
    notice: 'with_decision',
    closesAtOnce: false,
    status: 'closed',
    noticePurpose: 'notice_abuse',
    title: {
      ru: 'Оскорбительные выражения: без ответа по существу',
      en: 'Abusive language: no answer on the merits',
    },
  },
  // Art. 11 p.4: the text cannot be read → no answer, not redirected; the citizen is told within 7
  // days of registration if the surname and address can be read.
  unreadable: {
    source: '59-ФЗ, ст. 11, ч. 4',
    notice: 'within_7_days',
    closesAtOnce: false,
    status: 'closed',
    noticePurpose: 'notice_unreadable',
    title: { ru: 'Текст не поддаётся прочтению', en: 'The text cannot be read' },
  },
  // Art. 11 p.4.1: the text does not allow to determine the essence of the proposal, statement or
  // complaint → no answer, not redirected; the citizen is told within 7 days of registration.
  essence_unclear: {
    source: '59-ФЗ, ст. 11, ч. 4.1',
    notice: 'within_7_days',
    closesAtOnce: false,
    status: 'closed',
    noticePurpose: 'notice_unreadable',
    title: {
      ru: 'Невозможно определить суть обращения',
      en: 'The essence of the appeal cannot be determined',
    },
  },
  // Art. 11 p.5: a question answered on the merits several times before, without new arguments or
  // circumstances: the head may decide the appeal is groundless and end the correspondence on it,
  // notifying the citizen.
  repeated_no_new_arguments: {
    source: '59-ФЗ, ст. 11, ч. 5',
    notice: 'with_decision',
    closesAtOnce: false,
    status: 'closed',
    noticePurpose: 'notice_no_answer',
    title: {
      ru: 'Повторное обращение без новых доводов: переписка прекращена',
      en: 'Repeated appeal without new arguments: correspondence terminated',
    },
  },
};

/**
 * Art. 11 p.1 in the form the platform can check: a written appeal needs the citizen's surname
 * and an address for the answer — postal, or e-mail for an answer in electronic form (Art. 7 p.3).
 * A signed-in resident always has a reply address: the cabinet and the account's e-mail.
 */
export function lacksNameOrAddress(a: {
  applicantName: string | null;
  applicantEmail: string | null;
  applicantPostalAddress: string | null;
  applicantUserId: string | null;
}): boolean {
  if (a.applicantUserId) return false;
  const name = (a.applicantName ?? '').trim();
  const address = (a.applicantEmail ?? '').trim() || (a.applicantPostalAddress ?? '').trim();
  return name.length === 0 || address.length === 0;
}

export const isSpecialHandling = (s: string): s is SpecialHandling =>
  (SPECIAL_HANDLING as readonly string[]).includes(s);
