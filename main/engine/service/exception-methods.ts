import type { ApplyResult } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { validateException } from '../../../shared/model';
import type { ServiceContext } from './service-context';

export async function applyException(ctx: ServiceContext, input: unknown): Promise<ApplyResult> {
  const plans = ctx.plans.list(ctx.clock.now()).map((p) => p.plan);
  const result = validateException(input, { plans });
  if (!result.valid || !result.value) {
    throw new ApiError(
      'INVALID_INPUT',
      `The exception is not valid: ${result.errors.length} problem(s).`,
      result.errors,
    );
  }
  const exception = result.value;
  // A plan that is not here leaves the exception "Detached" (the operator's word): stored, with
  // the validator's warning, and in effect once a plan of that name exists.
  const attached = plans.some((p) => p.metadata.name === exception.spec.planRef.name);
  const created = ctx.exceptions.upsert(exception, ctx.clock.now());
  ctx.bus.emit({
    type: 'ExceptionChanged',
    plan: exception.spec.planRef.name,
    exception: exception.metadata.name,
    change: created ? 'created' : 'updated',
  });
  if (attached) {
    await ctx.lifecycle.planChanged(
      exception.spec.planRef.name,
      `exception ${exception.metadata.name} ${created ? 'added' : 'changed'}`,
    );
  }
  return { name: exception.metadata.name, created, warnings: result.warnings };
}

export async function deleteException(
  ctx: ServiceContext,
  name: string,
): Promise<{ name: string; deleted: boolean }> {
  const existing = ctx.exceptions.get(name);
  if (!existing) throw new ApiError('NOT_FOUND', `There is no schedule exception named "${name}".`);
  ctx.exceptions.delete(name);
  ctx.bus.emit({
    type: 'ExceptionChanged',
    plan: existing.spec.planRef.name,
    exception: name,
    change: 'deleted',
  });
  if (ctx.plans.get(existing.spec.planRef.name, ctx.clock.now())) {
    await ctx.lifecycle.planChanged(existing.spec.planRef.name, `exception ${name} removed`);
  }
  return { name, deleted: true };
}
