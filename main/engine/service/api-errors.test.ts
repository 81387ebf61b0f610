import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { CodedError } from '../errors/coded-error';
import { ExecutorError } from '../executors/executor';
import { LifecycleError } from '../lifecycle/plan-runner';
import { RestoreStoreError } from '../restore/restore-store';
import { StoredDataError } from '../store/stored-json';
import { apiErrorBodyOf } from './api-errors';

describe('apiErrorBodyOf', () => {
  it('keeps the field issues of an ApiError', () => {
    const issues = [{ path: 'spec.targets', message: 'required' }];
    expect(apiErrorBodyOf(new ApiError('INVALID_PLAN', 'bad plan', issues))).toEqual({
      code: 'INVALID_PLAN',
      message: 'bad plan',
      issues,
    });
  });

  it.each([
    [new StoredDataError('row is bad'), 'STORED_DATA_INVALID', 'row is bad'],
    [new RestoreStoreError('NOT_FOUND', 'no point'), 'NOT_FOUND', 'no point'],
    [new LifecycleError('NOT_ALLOWED', 'busy'), 'NOT_ALLOWED', 'busy'],
    [new ExecutorError('ACCESS_DENIED', 'denied'), 'ACCESS_DENIED', 'denied'],
    [new CodedError('NO_CLIENTS', 'none'), 'NO_CLIENTS', 'none'],
  ])('keeps the code and message of %s', (error, code, message) => {
    expect(apiErrorBodyOf(error)).toEqual({ code, message });
  });

  it('leaves errors without a code to the INTERNAL fallback', () => {
    expect(apiErrorBodyOf(new Error('bug'))).toBeUndefined();
    expect(apiErrorBodyOf('text')).toBeUndefined();
  });
});
