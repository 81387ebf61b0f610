import { describe, expect, it } from 'vitest';
import { findCycles, formatCycle } from './dag';

const edges = (...pairs: string[]): Array<{ from: string; to: string }> =>
  pairs.map((p) => {
    const [from = '', to = ''] = p.split('>');
    return { from, to };
  });

describe('findCycles', () => {
  it('finds nothing in a DAG', () => {
    expect(findCycles(edges('a>b', 'a>c', 'b>d', 'c>d'))).toEqual([]);
  });

  it('names the cycle in dependency order', () => {
    expect(findCycles(edges('a>b', 'b>c', 'c>a')).map(formatCycle)).toEqual(['a -> b -> c -> a']);
  });

  it('reports a two-node cycle once, whichever node is met first', () => {
    expect(findCycles(edges('b>a', 'a>b')).map(formatCycle)).toEqual(['b -> a -> b']);
  });

  it('reports separate cycles separately', () => {
    expect(findCycles(edges('a>b', 'b>a', 'x>y', 'y>z', 'z>x')).map(formatCycle)).toEqual([
      'a -> b -> a',
      'x -> y -> z -> x',
    ]);
  });

  it('leaves self-edges to their own rule', () => {
    expect(findCycles(edges('a>a', 'a>b'))).toEqual([]);
  });

  it('ignores duplicate edges', () => {
    expect(findCycles(edges('a>b', 'a>b', 'b>a'))).toHaveLength(1);
  });
});
