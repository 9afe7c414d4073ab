import type { Spike } from '../spikes.ts';
import type { Localized } from './service-groups.ts';

const fmt = (x: number) => String(Math.round(x * 10) / 10).replace('.', ',');
const fmtEn = (x: number) => String(Math.round(x * 10) / 10);

/**
 * The text of a spike's signal document: in Russian (the document's language), then the same in
 * English for staff who read the interface in English (documents have one title and one body).
 */
export function spikeText(input: {
  spike: Spike;
  category: Localized;
  service: Localized;
  department: Localized | null;
  link: string;
}): string {
  const { spike: s, category, service, department, link } = input;
  return [
    `Всплеск обращений в категории «${category.ru}» (${service.ru}): ${s.period} поступило ${s.count} ` +
      `при ожидаемых ${fmt(s.forecast)} (верхняя граница 99-процентного интервала прогноза — ${fmt(s.hi)}).`,
    department
      ? `Ответственное подразделение: ${department.ru}.`
      : 'Ответственное подразделение не определено правилами маршрутизации.',
    `Прогноз и история: ${link}`,
    '',
    `Spike of appeals in «${category.en}» (${service.en}): ${s.count} received on ${s.period}, ` +
      `${fmtEn(s.forecast)} expected (upper end of the 99% forecast interval: ${fmtEn(s.hi)}).` +
      (department ? ` Responsible department: ${department.en}.` : ''),
  ].join('\n');
}
