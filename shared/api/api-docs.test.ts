import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_METHODS } from './contract';

describe('docs/api.md', () => {
  it('documents every method of the contract', () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    const missing = API_METHODS.filter((m) => !doc.includes(`### ${m}\n`));
    expect(missing).toEqual([]);
  });
});
