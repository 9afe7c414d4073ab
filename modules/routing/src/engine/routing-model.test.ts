import { describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { isAppError } from '@zemstvo/kernel';
import { DEFAULT_TRAIN_OPTIONS, RoutingModel, type RoutingExample } from './routing-model.ts';
import { deserializeModel, serializeModel } from './model-file.ts';
import { executorName, executorPattern } from './executor-names.ts';

// A tiny data set that a linear model separates: three themes with their own words, two
// categories, executors that are the district's housing agency or a city-wide body.
const THEMES = {
  light: {
    category: 'Благоустройство',
    reason: 'Не горит фонарь',
    executor: () => 'СПб ГБУ «Ленсвет»',
    texts: [
      'не горит фонарь у дома',
      'фонари не горят вечером',
      'сломан фонарь, темно',
      'фонарь на опоре погас',
    ],
  },
  pothole: {
    category: 'Благоустройство',
    reason: 'Яма на дороге',
    executor: () => 'Комитет по развитию транспортной инфраструктуры Санкт-Петербурга',
    texts: [
      'яма на дороге',
      'глубокая яма на проезжей части',
      'ямы на асфальте у остановки',
      'провал асфальта, яма',
    ],
  },
  stairwell: {
    category: 'Содержание МКД',
    reason: 'Грязь в парадной',
    executor: (district: string) => `СПб ГКУ ЖА ${district.slice(0, -2)}ого района`,
    texts: [
      'грязно в парадной',
      'парадную не убирают неделю',
      'в подъезде грязь и мусор',
      'лестницу в парадной не моют',
    ],
  },
};
const DISTRICTS = ['Невский', 'Выборгский', 'Приморский'];

function tinyDataSet(): RoutingExample[] {
  const out: RoutingExample[] = [];
  for (const t of Object.values(THEMES))
    for (const district of DISTRICTS)
      for (const text of t.texts)
        out.push({
          input: { text, district },
          category: t.category,
          reason: t.reason,
          executor: t.executor(district),
        });
  return out;
}

const tinyOptions = { ...DEFAULT_TRAIN_OPTIONS, features: { ...DEFAULT_TRAIN_OPTIONS.features, bits: 14 } };

describe('RoutingModel on a separable data set', () => {
  const examples = tinyDataSet();
  const { model, report } = RoutingModel.train(examples, { ...tinyOptions, calibrate: false });

  it('learns every training example on all three heads', () => {
    for (const e of examples) {
      const p = model.predict(e.input);
      expect(p.category[0]!.label, e.input.text).toBe(e.category);
      expect(p.reason[0]!.label, e.input.text).toBe(e.reason);
      expect(p.executor[0]!.label, e.input.text).toBe(e.executor);
    }
    expect(report.classes).toEqual({ category: 2, reason: 3, executor: 3 });
  });

  it('generalises to other word forms of the same words', () => {
    expect(model.predict({ text: 'Горящих фонарей нет', district: 'Невский' }).reason[0]!.label).toBe(
      'Не горит фонарь',
    );
    expect(model.predict({ text: 'Огромные ямы на дорогах', district: 'Невский' }).reason[0]!.label).toBe(
      'Яма на дороге',
    );
    expect(model.predict({ text: 'Грязные парадные', district: 'Невский' }).reason[0]!.label).toBe(
      'Грязь в парадной',
    );
  });

  it("names a district body in the appeal's own district, also in a district it never saw", () => {
    const seen = model.predict({ text: 'в парадной грязно', district: 'Выборгский' });
    expect(seen.executor[0]!.label).toBe('СПб ГКУ ЖА Выборгского района');
    const unseen = model.predict({ text: 'в парадной грязно', district: 'Калининский' });
    expect(unseen.executor[0]!.label).toBe('СПб ГКУ ЖА Калининского района');
  });

  it('returns three suggestions per head, best first, with confidences that are probabilities', () => {
    const p = model.predict({ text: 'яма на дороге', district: 'Невский' });
    for (const head of [p.category, p.reason, p.executor]) {
      expect(head.length).toBeLessThanOrEqual(3);
      const c = head.map((s) => s.confidence);
      expect(c).toEqual([...c].sort((a, b) => b - a));
      expect(c.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
    expect(p.reason).toHaveLength(3);
    expect(p.reason.reduce((s, x) => s + x.confidence, 0)).toBeCloseTo(1, 6);
  });

  it('is deterministic: the same data give the same model', () => {
    const again = RoutingModel.train(examples, { ...tinyOptions, calibrate: false }).model;
    expect(Buffer.compare(serialize(again), serialize(model))).toBe(0);
  });
});

const serialize = (m: RoutingModel) =>
  serializeModel(m, { trainedAt: '2026-01-01T00:00:00Z', examples: 36, period: { from: null, to: null } });

describe('model file', () => {
  const { model } = RoutingModel.train(tinyDataSet(), tinyOptions);

  it('reads back a model that predicts exactly the same', () => {
    const { model: back, metadata } = deserializeModel(serialize(model));
    expect(metadata.examples).toBe(36);
    const inputs = [...tinyDataSet().map((e) => e.input), { text: 'что-то совсем другое', district: null }];
    for (const input of inputs) expect(back.predict(input)).toEqual(model.predict(input));
    expect(back.heads.reason.temperature).toBe(model.heads.reason.temperature);
  });

  it('reads back a model with a head that learnt no label (no example named an executor)', () => {
    const unlabelled = tinyDataSet().map((e) => ({ ...e, executor: null }));
    const { model: partial } = RoutingModel.train(unlabelled, tinyOptions);
    const back = deserializeModel(serialize(partial)).model;
    const input = unlabelled[0]!.input;
    expect(back.predict(input)).toEqual(partial.predict(input));
    expect(back.predict(input).executor).toEqual([]);
  });

  it('refuses files that are not routing models, damaged or of another version', () => {
    const refused = (bytes: Buffer) => {
      try {
        deserializeModel(bytes);
      } catch (e) {
        return isAppError(e) ? e.code : 'other error';
      }
      return 'accepted';
    };
    const good = serialize(model);
    expect(refused(Buffer.from('hello'))).toBe('bad_model_file');
    expect(refused(gzipSync(Buffer.from('{"format":"something else"}')))).toBe('bad_model_file');
    const raw = gunzipSync(good);
    expect(refused(gzipSync(raw.subarray(0, raw.length - 100)))).toBe('bad_model_file');
    const header = raw.toString('utf8', 8, 8 + raw.readUInt32LE(4)).replace('"version":1', '"version":9');
    const other = Buffer.concat([
      raw.subarray(0, 8),
      Buffer.from(header),
      raw.subarray(8 + raw.readUInt32LE(4)),
    ]);
    expect(refused(gzipSync(other))).toBe('bad_model_version');
  });
});

describe('executor patterns', () => {
  it('turn district bodies into patterns and back', () => {
    expect(executorPattern('Администрация Невского района', 'Невский')).toBe('Администрация {D}ого района');
    expect(executorName('Администрация {D}ого района', 'Петродворцовый')).toBe(
      'Администрация Петродворцового района',
    );
    expect(executorPattern('ГКУ ДОДД (Центральный район)', 'Центральный')).toBe('ГКУ ДОДД ({D}ый район)');
  });

  it('leave city-wide bodies and bodies of other districts as they are', () => {
    expect(executorPattern('СПб ГБУ «Ленсвет»', 'Невский')).toBe('СПб ГБУ «Ленсвет»');
    expect(executorPattern('Администрация Невского района', 'Кировский')).toBe(
      'Администрация Невского района',
    );
    expect(executorName('Администрация {D}ого района', null)).toBeNull();
  });
});
