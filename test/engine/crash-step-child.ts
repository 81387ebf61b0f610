/**
 * Child process for the kill -9 at every step test. It runs one operation of a plan on a
 * world kept in a JSON file (so it outlives this process) and prints a line after each change,
 * so the parent can kill it at a chosen step.
 * Usage: crash-step-child <data-dir> <world.json> <hibernateNow|wakeNow>
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Engine } from '../../main/engine/engine';
import { ExecutorRegistry } from '../../main/engine/executors/registry';
import { createMemoryLogger } from '../../main/engine/logging/logger';
import { FakeWorld, createScriptableExecutor } from './fake-world';
import { CRASH_PLAN } from './crash-plan';

const [dataDir, worldFile, action] = process.argv.slice(2);
if (!dataDir || !worldFile || (action !== 'hibernateNow' && action !== 'wakeNow'))
  throw new Error('usage: crash-step-child <data-dir> <world.json> <hibernateNow|wakeNow>');
const world = FakeWorld.fromJSON(JSON.parse(readFileSync(worldFile, 'utf8')));
world.onChange = (change) => {
  // Atomic, like the cloud: a kill never leaves a half-written world.
  writeFileSync(`${worldFile}.tmp`, JSON.stringify(world.toJSON()));
  renameSync(`${worldFile}.tmp`, worldFile);
  process.stdout.write(`CHANGED ${change.op} ${change.target} ${change.key}\n`);
};
const engine = Engine.open({
  dataDir,
  host: 'serve',
  logger: createMemoryLogger(),
  executors: new ExecutorRegistry().register(createScriptableExecutor(world)),
});
const applied = await engine.call('applyPlan', { plan: CRASH_PLAN });
if (!applied.ok) throw new Error(applied.error.message);
const result = await engine.call(action, { plan: 'dev' });
if (!result.ok) throw new Error(result.error.message);
await engine.idle();
process.stdout.write('DONE\n');
setInterval(() => undefined, 1000);
