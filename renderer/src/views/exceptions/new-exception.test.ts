import { describe, expect, it } from 'vitest';
import { validateException } from '../../../../shared/model';
import { samplePlan } from '../../test-support/samples';
import { fromLocalInput, newExceptionDraft, toLocalInput } from './new-exception';

describe('exception drafts', () => {
  it('starts valid for the plan it names', () => {
    const draft = newExceptionDraft('demo', new Date('2026-11-26T11:00:00Z'));
    expect(validateException(draft, { plans: [samplePlan('demo')] }).errors).toEqual([]);
  });

  it('converts between ISO instants and local datetime inputs without shifting the instant', () => {
    const iso = '2026-11-26T19:30:00Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toLocalInput('not a date')).toBe('');
    expect(fromLocalInput('')).toBeUndefined();
  });
});
