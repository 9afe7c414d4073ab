import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize, words } from './text.ts';

describe('normalizeText', () => {
  it('lower-cases, folds ё into е and replaces punctuation by single spaces', () => {
    expect(normalizeText('Ёлка, ЁЖИК!!! — «Подъезд»…')).toBe('елка ежик подъезд');
  });

  it('removes the personal-data masks (runs of Latin X) but not words containing x', () => {
    expect(normalizeText('Звонил XXXX XXXXXXXX по тел. XXX-XX-XX, ответа нет')).toBe(
      'звонил по тел ответа нет',
    );
    expect(normalizeText('Xbox и box')).toBe('xbox и box');
  });

  it('keeps digits and Latin words', () => {
    expect(normalizeText('Дом 47, корп. 1; WiFi')).toBe('дом 47 корп 1 wifi');
  });
});

describe('tokenize', () => {
  it('drops stop words and one-letter words, stems the rest, folds numbers into #', () => {
    expect(tokenize('В подъезде дома 12 не убирают мусор уже 3 недели')).toEqual([
      'подъезд',
      'дом',
      '#',
      'убира',
      'мусор',
      '#',
      'недел',
    ]);
  });

  it('gives the same tokens for different word forms of the same words', () => {
    expect(tokenize('Разбитые фонари во дворах')).toEqual(tokenize('разбитый фонарь во дворе'));
  });

  it('words() splits a normalised text and marks numbers', () => {
    expect(words('яма 2 метра')).toEqual(['яма', '#', 'метра']);
  });
});
