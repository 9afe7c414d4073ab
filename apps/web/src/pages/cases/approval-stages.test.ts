import { describe, expect, it } from 'vitest';
import { routeStages } from './approval-stages.ts';

describe('approval route from the form', () => {
  it('orders stages, keeps parallel approvers together and drops the ones left out', () => {
    expect(routeStages({ anna: 2, boris: 1, vera: 2, gleb: 0 })).toEqual([['boris'], ['anna', 'vera']]);
  });

  it('closes gaps between stages and is empty when nobody is chosen', () => {
    expect(routeStages({ anna: 3, boris: 1 })).toEqual([['boris'], ['anna']]);
    expect(routeStages({ anna: 0 })).toEqual([]);
    expect(routeStages({})).toEqual([]);
  });
});
