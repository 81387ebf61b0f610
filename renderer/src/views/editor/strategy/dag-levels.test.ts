import { describe, expect, it } from 'vitest';
import { layoutDag } from './dag-levels';

describe('layoutDag', () => {
  it('puts each target one column right of the last target it waits for', () => {
    const layout = layoutDag(
      ['web', 'asg', 'db', 'aurora', 'lonely'],
      [
        { from: 'web', to: 'db' },
        { from: 'asg', to: 'db' },
        { from: 'db', to: 'aurora' },
        { from: 'web', to: 'aurora' },
      ],
    );
    expect(layout.levels).toEqual([['web', 'asg', 'lonely'], ['db'], ['aurora']]);
    expect(layout.cyclic).toEqual([]);
  });

  it('sets targets on a cycle apart in a last column', () => {
    const layout = layoutDag(
      ['a', 'b', 'c', 'd'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'b' },
      ],
    );
    expect(layout.levels).toEqual([
      ['a', 'd'],
      ['b', 'c'],
    ]);
    expect(layout.cyclic).toEqual(['b', 'c']);
  });

  it('draws only edges between known targets, once each, and no self-edge', () => {
    const layout = layoutDag(
      ['a', 'b'],
      [
        { from: 'a', to: 'b' },
        { from: 'a', to: 'b' },
        { from: 'a', to: 'a' },
        { from: 'a', to: 'ghost' },
      ],
    );
    expect(layout.edges).toEqual([{ from: 'a', to: 'b' }]);
    expect(layout.levels).toEqual([['a'], ['b']]);
  });
});
