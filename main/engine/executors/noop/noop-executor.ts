import { z } from 'zod';
import { parameterSchemas, type NoopParameters } from '../../../../shared/model';
import { classifyCommonError } from '../../errors/coded-error';
import { ExecutorError, type Executor } from '../executor';

const stateSchema = z.object({ wasAwake: z.boolean() }).strict();

/**
 * For demos and tests (semantics.md section 7): sleeps a random delay, reports one resource,
 * and fails on demand. It touches nothing outside the engine.
 */
export function createNoopExecutor(random: () => number = Math.random): Executor<NoopParameters> {
  const delay = (params: NoopParameters): number =>
    Math.round(random() * (params.randomDelaySeconds ?? 0) * 1000);
  const failIf = (params: NoopParameters, operation: 'shutdown' | 'wakeup'): void => {
    const mode = params.failureMode ?? 'none';
    if (mode === operation || mode === 'both') {
      throw new ExecutorError(
        'NOOP_FAILURE',
        params.failureMessage ?? `noop target configured to fail on ${operation}`,
      );
    }
  };
  return {
    type: 'noop',
    connectionKind: null,
    parameterSchema: parameterSchemas.noop as z.ZodType<NoopParameters>,
    stateSchema,
    async discover(_params, ctx) {
      return [
        {
          key: `noop:${ctx.target}`,
          action: 'pretend',
          description: `pretend to hibernate ${ctx.target} (noop)`,
        },
      ];
    },
    async shutdown(params, ctx, report) {
      await ctx.sleep(delay(params));
      failIf(params, 'shutdown');
      await report([{ key: `noop:${ctx.target}`, state: { wasAwake: true }, isLive: true }]);
      return { message: `pretended to hibernate ${ctx.target}` };
    },
    async wakeUp(params, restore, ctx) {
      await ctx.sleep(delay(params));
      failIf(params, 'wakeup');
      return {
        message: `pretended to wake ${restore.resources.length} resource(s) of ${ctx.target}`,
      };
    },
    classifyError: classifyCommonError,
  };
}
