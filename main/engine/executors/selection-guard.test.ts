import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logging/logger';
import { inIdList, keepSelected } from './selection-guard';

describe('keepSelected', () => {
  it('keeps only what the predicate picks and counts the rest in one debug line', () => {
    const logger = createMemoryLogger();
    const kept = keepSelected([1, 2, 3, 4], (n) => n % 2 === 0, logger, 'numbers');
    expect(kept).toEqual([2, 4]);
    const debug = logger.lines.filter((l) => l.level === 'debug');
    expect(debug).toHaveLength(1);
    expect(debug[0]?.fields).toMatchObject({ what: 'numbers', returned: 4, ignored: 2 });
  });

  it('logs nothing when the server honoured the filter', () => {
    const logger = createMemoryLogger();
    keepSelected(['a'], () => true, logger, 'letters');
    expect(logger.lines).toHaveLength(0);
  });
});

describe('inIdList', () => {
  it('matches exact ids by default', () => {
    const picks = inIdList(['i-0abc']);
    expect(picks('i-0abc')).toBe(true);
    expect(picks('I-0ABC')).toBe(false);
    expect(picks('i-0abd')).toBe(false);
  });

  it('folds case when asked (RDS identifiers)', () => {
    const picks = inIdList(['Legacy-DB'], { caseInsensitive: true });
    expect(picks('legacy-db')).toBe(true);
    expect(picks('legacy-db-2')).toBe(false);
  });
});
