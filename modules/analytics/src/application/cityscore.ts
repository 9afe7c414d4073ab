import { addDays, localDate } from '@zemstvo/calendar';
import { badRequest, municipalTimeZone, type Ctx, type LocalizedText } from '@zemstvo/kernel';
import {
  metric,
  overallScore,
  WINDOWS,
  type MetricScore,
  type Targets,
  type WindowKey,
} from '../domain/cityscore.ts';
import { cityscoreRepo, type AnswerWindowsRow, type BacklogRow } from '../infra/cityscore.repository.ts';
import { effectiveTargets } from './targets.ts';

export interface CityScoreWindow {
  window: WindowKey;
  from: string;
  score: number | null;
  metrics: MetricScore[];
}

export interface CityScoreRow {
  /** Null: the whole municipality. Else a department id, or the executor organisation's name. */
  key: string | null;
  label: LocalizedText;
  windows: CityScoreWindow[];
}

export interface CityScore {
  date: string;
  targets: Targets & { custom: boolean };
  overall: CityScoreRow;
  departments: CityScoreRow[];
}

const OVERALL: LocalizedText = { ru: 'Муниципалитет в целом', en: 'Whole municipality' };
const NONE: LocalizedText = { ru: 'Исполнитель не назначен', en: 'No executor assigned' };
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function windowsOf(
  a: AnswerWindowsRow | undefined,
  b: BacklogRow | undefined,
  t: Targets,
  starts: string[],
): CityScoreWindow[] {
  const backlog =
    b && b.open > 0
      ? metric('backlog', (b.open - b.overdue) / b.open, t.backlogWithinShare, b.open)
      : metric('backlog', null, t.backlogWithinShare, 0);
  return WINDOWS.map((w, i) => {
    const col = (name: string) => num(a?.[`${w.key}_${name}`]);
    const due = col('due') ?? 0;
    const metrics = [
      metric('on_time', due ? (col('on_time') ?? 0) / due : null, t.onTimeShare, due),
      metric('answer_days', col('median'), t.answerDays, col('closed') ?? 0),
      metric('satisfaction', col('rating'), t.rating, col('rated') ?? 0),
      backlog,
    ];
    return { window: w.key, from: starts[i]!, score: overallScore(metrics), metrics };
  });
}

/**
 * CityScore of a day: per department and for the whole municipality, the answers closed in the
 * day, week, month and quarter ending on `date`, and the backlog open at its end, against targets.
 */
export async function cityScore(ctx: Ctx, input: { date?: string | undefined }): Promise<CityScore> {
  const m = ctx.tenant!.municipalityId;
  const timeZone = municipalTimeZone(ctx);
  const today = localDate(ctx.clock.now(), timeZone);
  const date = input.date ?? today;
  if (date > today)
    throw badRequest('date_in_future', 'CityScore is computed for today or a past day', { date });
  const targets = await effectiveTargets(ctx);
  const starts = WINDOWS.map((w) => addDays(date, -(w.days - 1)));
  const answers = await cityscoreRepo.answers(ctx.tx, m, starts, date, timeZone);
  const backlog = await cityscoreRepo.backlog(ctx.tx, m, date, timeZone);
  const names = new Map(
    (await cityscoreRepo.departmentNames(ctx.tx, m)).map((d) => [d.id, { ru: d.ru, en: d.en }]),
  );
  const keyOf = (r: { key: string | null; overall: boolean }) => (r.overall ? '*' : (r.key ?? ''));
  const answersBy = new Map(answers.map((r) => [keyOf(r), r]));
  const backlogBy = new Map(backlog.map((r) => [keyOf(r), r]));
  const keys = new Set([...answersBy.keys(), ...backlogBy.keys()]);
  keys.delete('*');
  const departments = [...keys].map((k) => ({
    key: k === '' ? null : k,
    label: k === '' ? NONE : (names.get(k) ?? { ru: k, en: k }),
    windows: windowsOf(answersBy.get(k), backlogBy.get(k), targets, starts),
  }));
  departments.sort((x, y) => x.label.ru.localeCompare(y.label.ru, 'ru'));
  return {
    date,
    targets,
    overall: {
      key: null,
      label: OVERALL,
      windows: windowsOf(answersBy.get('*'), backlogBy.get('*'), targets, starts),
    },
    departments,
  };
}
