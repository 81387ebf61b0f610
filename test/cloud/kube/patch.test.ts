import { describe, expect, it } from 'vitest';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch';

describe('merge patch (RFC 7386)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('applies the RFC example %j + %j', (target, patch, expected) => {
    expect(mergePatch(target, patch)).toEqual(expected);
  });

  it('leaves the target untouched', () => {
    const target = { spec: { replicas: 3 } };
    mergePatch(target, { spec: { replicas: 0 } });
    expect(target.spec.replicas).toBe(3);
  });
});

describe('strategic merge patch', () => {
  it('merges containers by name and honours $patch: delete', () => {
    const current = {
      spec: {
        containers: [
          { name: 'a', image: 'a:1' },
          { name: 'b', image: 'b:1' },
        ],
      },
    };
    const patch = {
      spec: {
        $setElementOrder: [],
        containers: [
          { name: 'a', image: 'a:2' },
          { name: 'b', $patch: 'delete' },
          { name: 'c', image: 'c:1' },
        ],
      },
    };
    expect(strategicMergePatch(current, patch)).toEqual({
      spec: {
        containers: [
          { name: 'a', image: 'a:2' },
          { name: 'c', image: 'c:1' },
        ],
      },
    });
  });

  it('replaces lists of scalars', () => {
    expect(strategicMergePatch({ args: ['a', 'b'] }, { args: ['c'] })).toEqual({ args: ['c'] });
  });
});

describe('JSON patch (RFC 6902)', () => {
  it('applies add, replace, remove, move, copy and test', () => {
    const result = jsonPatch({ spec: { replicas: 3, list: [1, 2] } }, [
      { op: 'test', path: '/spec/replicas', value: 3 },
      { op: 'replace', path: '/spec/replicas', value: 0 },
      { op: 'add', path: '/spec/list/-', value: 3 },
      { op: 'remove', path: '/spec/list/0' },
      { op: 'copy', from: '/spec/replicas', path: '/spec/copied' },
      { op: 'move', from: '/spec/copied', path: '/moved' },
      { op: 'add', path: '/metadata', value: { 'a~b/c': 1 } },
      { op: 'add', path: '/metadata/a~0b~1c', value: 2 },
    ]);
    expect(result).toEqual({
      ok: true,
      value: { spec: { replicas: 0, list: [2, 3] }, moved: 0, metadata: { 'a~b/c': 2 } },
    });
  });

  it('answers 400 for an object body and for a missing path, 422 for a failed test', () => {
    expect(jsonPatch({}, { spec: {} })).toMatchObject({
      ok: false,
      status: 400,
      message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    });
    expect(jsonPatch({}, [{ op: 'replace', path: '/spec/replicas', value: 1 }])).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toMatchObject({
      ok: false,
      status: 422,
    });
  });
});
