import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { findUnknownKeys, orderKeys } from './schema-walk';

const schema = z.object({
  name: z.string(),
  items: z
    .array(z.object({ id: z.string(), tags: z.record(z.string(), z.string()).optional() }))
    .optional(),
  loose: z.looseObject({ a: z.number() }).optional(),
  later: z
    .string()
    .transform((s) => s.toUpperCase())
    .optional(),
  blob: z.record(z.string(), z.unknown()).default({}),
});

describe('findUnknownKeys', () => {
  it('finds unknown keys at any depth, through arrays and wrappers', () => {
    const found = findUnknownKeys(schema, {
      name: 'x',
      extra: 1,
      items: [{ id: 'a' }, { id: 'b', idd: 2 }],
    });
    expect(found.map((u) => [u.path, u.key])).toEqual([
      [[], 'extra'],
      [['items', 1], 'idd'],
    ]);
    expect(found[0]?.known).toEqual(['name', 'items', 'loose', 'later', 'blob']);
  });

  it('accepts anything in loose objects and free maps', () => {
    expect(
      findUnknownKeys(schema, {
        name: 'x',
        loose: { a: 1, b: 2 },
        blob: { any: { thing: true } },
        items: [{ id: 'a', tags: { k: 'v' } }],
      }),
    ).toEqual([]);
  });
});

describe('orderKeys', () => {
  it("puts object keys in the schema's order, sorts free maps, and puts unknown keys of loose objects last, sorted", () => {
    const ordered = orderKeys(schema, {
      blob: { z: 1, a: 2 },
      loose: { c: 1, a: 1, b: 2 },
      name: 'x',
      items: [{ tags: { b: '1', a: '2' }, id: 'i' }],
    });
    expect(JSON.stringify(ordered)).toBe(
      JSON.stringify({
        name: 'x',
        items: [{ id: 'i', tags: { a: '2', b: '1' } }],
        loose: { a: 1, b: 2, c: 1 },
        blob: { a: 2, z: 1 },
      }),
    );
  });
});
