import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../../shared/model';
import { compileStages, descendants, effectiveEdges, operationEdges } from './stages';

const names = (stages: ReturnType<typeof compileStages>): string[][] =>
  stages.map((s) => s.targets);

describe('compileStages', () => {
  const targets = ['a', 'b', 'c', 'd'];

  it('Sequential: one target per stage in list order, reversed for wake-up', () => {
    const s: Strategy = { type: 'Sequential' };
    expect(names(compileStages(s, targets, 'shutdown'))).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(names(compileStages(s, targets, 'wakeup'))).toEqual([['d'], ['c'], ['b'], ['a']]);
  });

  it('Parallel: one stage limited by maxConcurrency', () => {
    const stages = compileStages({ type: 'Parallel', maxConcurrency: 2 }, targets, 'shutdown');
    expect(stages).toEqual([{ name: 'all', targets, maxConcurrency: 2 }]);
  });

  it('DAG: Kahn levels, `from` first on shutdown and the edges reversed on wake-up', () => {
    const s: Strategy = {
      type: 'DAG',
      dependencies: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ],
    };
    expect(names(compileStages(s, targets, 'shutdown'))).toEqual([['a', 'd'], ['b'], ['c']]);
    expect(names(compileStages(s, targets, 'wakeup'))).toEqual([['c', 'd'], ['b'], ['a']]);
  });

  it('DAG: a target left out by an override passes its ordering through', () => {
    const edges = effectiveEdges(
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ],
      ['a', 'c'],
    );
    expect(edges).toEqual([{ from: 'a', to: 'c' }]);
  });

  it('Staged: declared order, sequential stages one by one, all reversed for wake-up', () => {
    const s: Strategy = {
      type: 'Staged',
      stages: [
        { name: 'apps', parallel: true, targets: ['a', 'b'] },
        { name: 'data', parallel: false, targets: ['c', 'd'] },
      ],
    };
    expect(compileStages(s, targets, 'shutdown')).toEqual([
      { name: 'apps', targets: ['a', 'b'], maxConcurrency: null },
      { name: 'data', targets: ['c', 'd'], maxConcurrency: 1 },
    ]);
    expect(names(compileStages(s, targets, 'wakeup'))).toEqual([
      ['d', 'c'],
      ['a', 'b'],
    ]);
  });

  it('descendants follow the operation direction', () => {
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ];
    expect([...descendants('a', edges)]).toEqual(['b', 'c']);
    expect([...descendants('c', operationEdges(edges, 'wakeup'))]).toEqual(['b', 'a']);
  });
});
