/**
 * Child process for the kill -9 test: starts an engine, hibernates a plan whose executor
 * reports its capture and then prints REPORTED and hangs before acting, waiting to be killed.
 */
import { Engine } from '../../main/engine/engine';
import { ExecutorRegistry } from '../../main/engine/executors/registry';
import { createMemoryLogger } from '../../main/engine/logging/logger';
import { FakeWorld, createScriptableExecutor } from './fake-world';
import { planObject } from './harness';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-child <data-dir>');
const world = new FakeWorld().add('web', 'i-1', true, 8).add('web', 'i-2', true, 4);
world.script('web', {
  afterReport: {
    index: 0,
    hook: () => {
      process.stdout.write('REPORTED\n');
      return new Promise<void>(() => undefined);
    },
  },
});
const engine = Engine.open({
  dataDir,
  host: 'serve',
  logger: createMemoryLogger(),
  executors: new ExecutorRegistry().register(createScriptableExecutor(world)),
});
const applied = await engine.call('applyPlan', {
  plan: planObject({
    targets: ['web'],
    offHours: [{ start: '00:00', end: '24:00', daysOfWeek: ['MON'] }],
  }),
});
if (!applied.ok) throw new Error(applied.error.message);
const result = await engine.call('hibernateNow', { plan: 'dev' });
if (!result.ok) throw new Error(result.error.message);
setInterval(() => undefined, 1000);
