import { describe, expect, it } from 'vitest';
import { stemRussian } from './russian-stemmer.ts';

describe('stemRussian (Snowball)', () => {
  it('matches the reference output of the Snowball Russian stemmer', () => {
    const reference: Record<string, string> = {
      вавиловка: 'вавиловк',
      вагнера: 'вагнер',
      важная: 'важн',
      важнейшими: 'важн',
      важничаешь: 'важнича',
      валялся: 'валя',
      ванной: 'ван',
      вазу: 'ваз',
    };
    for (const [word, stem] of Object.entries(reference)) expect(stemRussian(word), word).toBe(stem);
  });

  it.each([
    ['подъезд', 'подъезда', 'подъезде', 'подъездах'],
    ['парадная', 'парадной', 'парадную'],
    ['освещение', 'освещения', 'освещении'],
    ['уборка', 'уборки', 'уборку'],
    ['крыша', 'крыши', 'крышей'],
    ['разбитое', 'разбита', 'разбитый'],
    ['отсутствует', 'отсутствуют', 'отсутствие'],
  ])('brings the forms of "%s" to one stem', (...forms) => {
    const stems = new Set(forms.map(stemRussian));
    expect([...stems]).toHaveLength(1);
  });

  it('strips perfective gerunds, reflexive and superlative endings, undoubles н and drops ь', () => {
    expect(stemRussian('прочитавши')).toBe('прочита');
    expect(stemRussian('умывшись')).toBe('ум');
    expect(stemRussian('длиннейший')).toBe('длин');
    expect(stemRussian('крыльцо')).toBe('крыльц');
    expect(stemRussian('дверь')).toBe('двер');
  });

  it('leaves short words, numbers and non-Cyrillic words alone', () => {
    expect(stemRussian('не')).toBe('не');
    expect(stemRussian('2020')).toBe('2020');
    expect(stemRussian('wifi')).toBe('wifi');
  });
});
