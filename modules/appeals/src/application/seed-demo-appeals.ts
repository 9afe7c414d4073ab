import { usersRepo } from '@zemstvo/identity';
import type { Actor, Clock, Ctx } from '@zemstvo/kernel';
import { applySpecialHandling } from './apply-special-handling.ts';
import { extendAnswerDeadline } from './extend-answer-deadline.ts';
import { redirectAppeal } from './redirect-appeal.ts';
import { registerAppeal } from './register-appeal.ts';
import { setAppealStatus } from './set-appeal-status.ts';
import { submitAppeal, type SubmitAppealInput } from './submit-appeal.ts';
import type { AppealStatus } from '../domain/statuses.ts';

const DAY = 86_400_000;

interface DemoAppeal {
  who: 'resident' | 'resident2' | null;
  daysAgo: number;
  input: Omit<SubmitAppealInput, 'channel'>;
  /** Registered the next day; then one of these steps, a day later. */
  then?:
    | { register: true }
    | { register: true; status: AppealStatus[] }
    | { register: true; extend: number }
    | { register: true; redirect: string }
    | { register: true; anonymous: true };
}

const person = (last: string, first: string, email: string | null) => ({
  last_name: last,
  first_name: first,
  ...(email ? { email } : {}),
});

function demoAppeals(center: { lat: number; lon: number }): DemoAppeal[] {
  const near = (dLat: number, dLon: number) => ({
    lat: +(center.lat + dLat).toFixed(5),
    lon: +(center.lon + dLon).toFixed(5),
  });
  return [
    {
      who: 'resident',
      daysAgo: 0,
      input: {
        service: 'appeals-59fz',
        category: 'economy',
        theme: 'roads',
        fields: {
          ...person('Жителева', 'Елена', 'resident@demo.zemstvo.ru'),
          text: 'Прошу отремонтировать тротуар по улице Школьной: после зимы асфальт разрушен, ходить с коляской невозможно.',
        },
      },
    },
    {
      who: 'resident',
      daysAgo: 3,
      input: {
        service: 'appeals-59fz',
        category: 'housing',
        theme: 'utilities',
        fields: {
          ...person('Жителева', 'Елена', 'resident@demo.zemstvo.ru'),
          text: 'Прошу сделать перерасчёт платы за отопление за январь: в квартире было +14 °C, акт управляющей компании прилагаю.',
        },
      },
      then: { register: true },
    },
    {
      who: 'resident2',
      daysAgo: 6,
      input: {
        service: 'urban-reports',
        category: 'roads',
        theme: 'pothole',
        fields: {
          location: near(0.004, -0.006),
          address: 'ул. Ленина, напротив остановки «Школа»',
          text: 'Глубокая яма на проезжей части, машины объезжают по встречной полосе.',
        },
      },
      then: { register: true, status: ['in_progress'] },
    },
    {
      who: 'resident',
      daysAgo: 12,
      input: {
        service: 'urban-reports',
        category: 'landscaping',
        theme: 'playground',
        fields: {
          location: near(-0.003, 0.004),
          address: 'Двор дома 7 по ул. Мира',
          text: 'На детской площадке сломаны качели, торчат болты.',
        },
      },
      then: { register: true, status: ['planned'] },
    },
    {
      who: 'resident2',
      daysAgo: 9,
      input: {
        service: 'urban-reports',
        category: 'facade',
        theme: 'icicles',
        fields: { location: near(0.002, 0.002), text: 'Сосульки над входом в магазин, опасно для прохожих.' },
      },
      then: { register: true, status: ['in_progress', 'fixed'] },
    },
    {
      who: 'resident2',
      daysAgo: 45,
      input: {
        service: 'appeals-59fz',
        category: 'social',
        theme: 'education',
        fields: {
          ...person('Горожанин', 'Николай', 'resident2@demo.zemstvo.ru'),
          text: 'Прошу сообщить, когда откроется новая группа в детском саду № 3.',
        },
      },
      then: { register: true },
    },
    {
      who: 'resident',
      daysAgo: 20,
      input: {
        service: 'appeals-59fz',
        category: 'state_society',
        theme: 'local_government',
        fields: {
          ...person('Жителева', 'Елена', 'resident@demo.zemstvo.ru'),
          text: 'Прошу разъяснить порядок участия в инициативном бюджетировании в этом году.',
        },
      },
      then: { register: true, extend: 20 },
    },
    {
      who: 'resident2',
      daysAgo: 10,
      input: {
        service: 'appeals-59fz',
        category: 'security_law',
        theme: 'public_order',
        fields: {
          ...person('Горожанин', 'Николай', 'resident2@demo.zemstvo.ru'),
          text: 'Во дворе по ночам шумит автомойка, прошу принять меры.',
        },
      },
      then: { register: true, redirect: 'Отдел МВД России по городскому округу' },
    },
    {
      who: null,
      daysAgo: 15,
      input: {
        service: 'appeals-59fz',
        category: 'housing',
        theme: 'waste',
        fields: {
          ...person('Неизвестный', 'Житель', null),
          text: 'Контейнерную площадку не убирают неделю.',
        },
      },
      then: { register: true, anonymous: true },
    },
  ];
}

/**
 * Demo appeals of one municipality in different statuses, made through the use cases with a demo
 * clock set back by each appeal's age, so the staff inbox (including «overdue») and the residents'
 * cabinets are not empty on first start.
 */
export async function seedDemoAppeals(
  ctx: Ctx,
  opts: { center: { lat: number; lon: number }; staffEmail: (role: string) => string },
): Promise<number> {
  const userActor = async (email: string): Promise<Actor> => {
    const u = await usersRepo.byEmail(ctx.tx, email);
    if (!u) throw new Error(`demo user ${email} is missing`);
    return {
      kind: 'user',
      userId: u.id,
      userKind: u.kind,
      email: u.email,
      displayName: u.displayName,
      regionId: u.regionId,
      via: 'session',
    };
  };
  const actors = {
    resident: await userActor('resident@demo.zemstvo.ru'),
    resident2: await userActor('resident2@demo.zemstvo.ru'),
    registrar: await userActor(opts.staffEmail('registrar')),
    head: await userActor(opts.staffEmail('head')),
  };
  const base = ctx.clock.now().getTime();
  const at = (actor: Actor, daysAgo: number): Ctx => {
    const clock: Clock = { now: () => new Date(base - daysAgo * DAY) };
    return { ...ctx, actor, clock };
  };
  const list = demoAppeals(opts.center);
  for (const d of list) {
    const submitter = d.who ? actors[d.who] : ({ kind: 'anonymous' } as const);
    const { appeal } = await submitAppeal(at(submitter, d.daysAgo), { ...d.input, channel: 'web' });
    const then = d.then;
    if (!then) continue;
    const later = Math.max(0, d.daysAgo - 1);
    await registerAppeal(at(actors.registrar, later), appeal.id);
    const step = Math.max(0, later - 1);
    if ('status' in then)
      for (const s of then.status) await setAppealStatus(at(actors.head, step), appeal.id, { status: s });
    if ('extend' in then)
      await extendAnswerDeadline(at(actors.head, step), appeal.id, {
        days: then.extend,
        reason: 'Запрошены сведения в управлении образования',
      });
    if ('redirect' in then)
      await redirectAppeal(at(actors.registrar, step), appeal.id, { to: then.redirect });
    if ('anonymous' in then)
      await applySpecialHandling(at(actors.registrar, step), appeal.id, { code: 'anonymous' });
  }
  return list.length;
}
