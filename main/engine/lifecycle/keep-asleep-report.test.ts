import { describe, expect, it } from 'vitest';
import type { KeepAsleepReport, KeepAsleepTargetReport } from '../../../shared/api/events';
import { keepAsleepActed, keepAsleepResult, keepAsleepSummary } from './keep-asleep-report';

const target = (over: Partial<KeepAsleepTargetReport>): KeepAsleepTargetReport => ({
  target: 'dbs',
  noun: 'database',
  stoppedAgain: [],
  refused: [],
  error: null,
  message: null,
  ...over,
});

const report = (targets: KeepAsleepTargetReport[]): KeepAsleepReport => ({
  plan: 'dev-env',
  at: '2026-03-09T12:00:00.000Z',
  targets,
  message: keepAsleepSummary('dev-env', targets),
});

describe('keep-asleep summary', () => {
  it('says what AWS restarted and that it was stopped again', () => {
    expect(keepAsleepSummary('dev-env', [target({ stoppedAgain: ['a', 'b', 'c'] })])).toBe(
      'AWS restarted 3 databases of dev-env after 7 days; stopped them again.',
    );
  });

  it('names each database that stays awake, with its reason', () => {
    expect(
      keepAsleepSummary('dev-env', [
        target({
          stoppedAgain: ['a', 'b'],
          refused: [
            { id: 'legacy-db', reason: 'has read replicas (legacy-ro): AWS cannot stop it' },
          ],
        }),
      ]),
    ).toBe(
      'AWS restarted 3 databases of dev-env after 7 days; stopped 2 of them again. 1 database stays awake: legacy-db (has read replicas (legacy-ro): AWS cannot stop it).',
    );
  });

  it('says which target check failed, and why', () => {
    expect(
      keepAsleepSummary('dev-env', [
        target({ target: 'orders', error: 'AccessDenied: rds:DescribeDBInstances' }),
      ]),
    ).toBe('The keep-asleep check of orders failed (AccessDenied: rds:DescribeDBInstances).');
  });

  it('says everything is still asleep when the check found nothing awake', () => {
    expect(keepAsleepSummary('dev-env', [target({})])).toBe(
      'everything of dev-env is still asleep',
    );
  });
});

describe('keep-asleep outcome', () => {
  it('acted only when it stopped, was refused or failed', () => {
    expect(keepAsleepActed(report([target({})]))).toBe(false);
    expect(keepAsleepActed(report([target({ stoppedAgain: ['a'] })]))).toBe(true);
    expect(keepAsleepActed(report([target({ refused: [{ id: 'a', reason: 'x' }] })]))).toBe(true);
    expect(keepAsleepActed(report([target({ error: 'x' })]))).toBe(true);
  });

  it('is partial when some went back to sleep and some did not, failed when none did', () => {
    expect(keepAsleepResult(report([target({ stoppedAgain: ['a'] })]))).toBe('succeeded');
    expect(
      keepAsleepResult(
        report([target({ stoppedAgain: ['a'], refused: [{ id: 'b', reason: 'x' }] })]),
      ),
    ).toBe('partial');
    expect(keepAsleepResult(report([target({ refused: [{ id: 'b', reason: 'x' }] })]))).toBe(
      'failed',
    );
  });
});
