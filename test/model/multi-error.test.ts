import { describe, expect, it } from 'vitest';
import { PlanSchema, formatIssue, validatePlan } from '../../shared/model';
import { basePlan, setPath } from './builders';

describe('reporting every problem at once', () => {
  it('reports problems in the schedule, strategy, targets and parameters of one plan together', () => {
    const plan = basePlan();
    setPath(plan, 'spec.schedule.timezone', 'Nowhere/City');
    setPath(plan, 'spec.schedule.offHours[0].start', '7pm');
    setPath(plan, 'spec.schedule.offHours[0].daysOfWeek[0]', 'Monday');
    setPath(plan, 'spec.execution.strategy.dependencies[1]', { from: 'database', to: 'apps' });
    setPath(plan, 'spec.targets[2].name', 'apps');
    setPath(plan, 'spec.targets[1].parameters.selector', {});
    setPath(plan, 'spec.behavior.retries', -1);

    const result = validatePlan(plan);
    expect(result.valid).toBe(false);
    expect(result.value).toBeUndefined();
    expect(result.errors.map((e) => e.path).sort()).toEqual(
      [
        'spec.behavior.retries',
        'spec.execution.strategy.dependencies',
        'spec.schedule.offHours[0].daysOfWeek[0]',
        'spec.schedule.offHours[0].start',
        'spec.schedule.timezone',
        'spec.targets[1].parameters.selector',
        'spec.targets[2].name',
      ].sort(),
    );
  });

  it('still checks cross-field rules when fields next to them are malformed', () => {
    const plan = basePlan();
    setPath(plan, 'metadata.name', 42);
    setPath(plan, 'spec.targets[0].type', 'lambda');
    setPath(plan, 'spec.targets[2].name', 'database');
    const paths = validatePlan(plan).errors.map((e) => e.path);
    expect(paths).toContain('metadata.name');
    expect(paths).toContain('spec.targets[0].type');
    expect(paths).toContain('spec.targets[2].name');
  });

  it('rewrites zod defaults into messages that say what to do', () => {
    const plan = basePlan();
    setPath(plan, 'spec.schedule.offHours[0].end', undefined);
    setPath(plan, 'spec.suspend', 'yes');
    setPath(plan, 'spec.targets[2].parameters', 'fast');
    const messages = validatePlan(plan).errors.map(formatIssue);
    expect(messages).toContain(
      'spec.schedule.offHours[0].end: is required: set an end time "HH:MM"',
    );
    expect(messages).toContain('spec.suspend: must be true or false, not the text "yes"');
    expect(messages).toContain(
      'spec.targets[2].parameters: must be a mapping (key: value), not the text "fast"',
    );
    for (const message of messages)
      expect(message).not.toMatch(/Invalid input|expected .*, received/);
  });

  it('names the whole object when it is not an object at all', () => {
    expect(validatePlan('dev-env').errors).toEqual([
      {
        path: '',
        message:
          'must be a HibernatePlan object with apiVersion, kind, metadata and spec, not the text "dev-env"',
      },
    ]);
  });
});

describe('the normalised value', () => {
  it('applies defaults and upper-cases days, only when valid', () => {
    const plan = basePlan();
    setPath(plan, 'spec.schedule.offHours[0].daysOfWeek', ['mon', 'Tue']);
    setPath(plan, 'spec.schedule.offHours[0].start', '7:05');
    setPath(plan, 'spec.schedule.timezone', 'europe/berlin');
    const result = validatePlan(plan);
    expect(result.errors).toEqual([]);
    expect(result.value?.spec.schedule).toEqual({
      timezone: 'Europe/Berlin',
      offHours: [{ start: '07:05', end: '07:30', daysOfWeek: ['MON', 'TUE'] }],
    });
    expect(result.value?.spec.behavior).toEqual({ mode: 'Strict', retries: 3 });
    expect(result.value?.spec.suspend).toBe(false);
    expect(result.value?.spec.targets[2]?.parameters).toEqual({});
  });

  it('keeps behaviour Strict when only retries are given (an empty behaviour is never BestEffort)', () => {
    const plan = basePlan();
    setPath(plan, 'spec.behavior', { retries: 1 });
    expect(validatePlan(plan).value?.spec.behavior).toEqual({ mode: 'Strict', retries: 1 });
    setPath(plan, 'spec.behavior', {});
    expect(validatePlan(plan).value?.spec.behavior).toEqual({ mode: 'Strict', retries: 3 });
  });

  it('keeps target parameters as written, unknown keys included, so export gives them back', () => {
    const plan = basePlan();
    setPath(plan, 'spec.targets[0].parameters.futureOption', { a: 1 });
    const result = validatePlan(plan);
    expect(result.valid).toBe(true);
    expect(result.value?.spec.targets[0]?.parameters).toEqual({
      namespace: { literals: ['web'] },
      futureOption: { a: 1 },
    });
  });

  it('drops unknown fields of the plan itself (with a warning) and API-server fields silently', () => {
    const plan = basePlan();
    setPath(plan, 'metadata.uid', '1234');
    setPath(plan, 'metadata.resourceVersion', '99');
    setPath(plan, 'status', { phase: 'Hibernated' });
    setPath(plan, 'spec.paused', true);
    const result = validatePlan(plan);
    expect(result.warnings.map((w) => w.path)).toEqual(['spec.paused']);
    expect(result.value && 'status' in result.value).toBe(false);
    expect(result.value?.metadata).toEqual({ name: 'dev-env', labels: { team: 'web' } });
  });

  it('PlanSchema alone enforces the same context-free rules (for stored data and API input)', () => {
    const plan = basePlan();
    setPath(plan, 'spec.targets[2].name', 'apps');
    const parsed = PlanSchema.safeParse(plan);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('spec.targets.2.name');
  });
});
