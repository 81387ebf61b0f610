import { describe, expect, it } from 'vitest';
import { moveToStage, stageOf, stageTargets } from './stage-moves';

const STAGES = [
  { name: 'apps', parallel: true, targets: ['web', 'api'] },
  { name: 'data', targets: ['db'] },
];

describe('stage moves', () => {
  it('moves a target out of its stage into another, keeping the stage settings', () => {
    const next = moveToStage(STAGES, 'api', 1);
    expect(next).toEqual([
      { name: 'apps', parallel: true, targets: ['web'] },
      { name: 'data', targets: ['db', 'api'] },
    ]);
    expect(stageOf(next, 'api')).toBe(1);
  });

  it('takes a target out of every stage for -1, and leaves a duplicate in no other stage', () => {
    const doubled = [STAGES[0], { name: 'data', targets: ['db', 'web'] }];
    const next = moveToStage(doubled, 'web', -1);
    expect(stageOf(next, 'web')).toBe(-1);
    expect(next.map(stageTargets)).toEqual([['api'], ['db']]);
  });

  it('finds no stage for a target nobody holds', () => {
    expect(stageOf(STAGES, 'cache')).toBe(-1);
  });
});
