import { describe, expect, it } from 'vitest';
import { addSparse, FeatureBag, fnv1a } from './sparse.ts';
import { DEFAULT_FEATURE_CONFIG, Idf, rawFeatures, weightFeatures } from './featurizer.ts';

describe('feature hashing', () => {
  it('fnv1a is the standard 32-bit FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('hashing a range continues from a prefix hash as if the strings were joined', () => {
    expect(fnv1a('bar', 0, 3, fnv1a('foo'))).toBe(fnv1a('foobar'));
    expect(fnv1a('xfoobarx', 1, 7)).toBe(fnv1a('foobar'));
  });

  it('a bag counts repeats, keeps buckets inside the space and sorted', () => {
    const bag = new FeatureBag(0xff);
    for (const f of ['a', 'b', 'a', 'c', 'a']) bag.add(f);
    const { idx, val } = bag.counts();
    expect([...idx]).toEqual([...idx].sort((x, y) => x - y));
    expect(idx.every((b) => b >= 0 && b <= 0xff)).toBe(true);
    expect(val[idx.indexOf(fnv1a('a') & 0xff)]).toBe(3);
    expect([...val].reduce((s, v) => s + v, 0)).toBe(5);
  });

  it('adds sparse vectors by bucket', () => {
    const a = { idx: Int32Array.from([1, 4, 9]), val: Float32Array.from([1, 1, 1]) };
    const b = { idx: Int32Array.from([0, 4, 10]), val: Float32Array.from([2, 2, 2]) };
    const sum = addSparse(a, b, 0.5);
    expect([...sum.idx]).toEqual([0, 1, 4, 9, 10]);
    expect([...sum.val]).toEqual([1, 1, 2, 1, 1]);
  });

  it('weights the text by TF-IDF (unit length) and adds the place indicators', () => {
    const config = { ...DEFAULT_FEATURE_CONFIG, bits: 12 };
    const docs = ['яма на дороге', 'яма во дворе', 'фонарь не горит'].map((text) =>
      rawFeatures({ text, district: 'Невский' }, config),
    );
    const idf = Idf.fit(
      docs.map((d) => d.text),
      config.bits,
    );
    const x = weightFeatures(rawFeatures({ text: 'яма на дороге' }, config), idf, config);
    const norm = Math.sqrt([...x.val].reduce((s, v) => s + v * v, 0));
    expect(norm).toBeCloseTo(1, 5);
    // The rarer word weighs more than the word two of the three texts share.
    const weightOf = (word: string) =>
      x.val[x.idx.indexOf(fnv1a(word, 0, word.length, fnv1a('w\u0001')) & 0xfff)]!;
    expect(weightOf('дорог')).toBeGreaterThan(weightOf('ям'));
    const withPlace = weightFeatures(
      rawFeatures({ text: 'яма на дороге', district: 'Невский' }, config),
      idf,
      config,
    );
    expect(withPlace.idx.length).toBe(x.idx.length + 1);
  });
});
