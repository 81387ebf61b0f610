import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { startAwsEmulator } from './emulator';
import { sandboxSeed, SANDBOX_KEYS, SANDBOX_REGION } from './sandbox-seed';
import type { AwsSeed } from './seed-schema';

/**
 * `npx tsx test/cloud/aws/main.ts --port 4566 --seed sandbox`
 * Options: --port N (0 = random), --seed sandbox|empty|<file.json|yaml>, --transition-ms N,
 * --latency-ms N, --clock-scale X (1 = real time, 60 = a minute per second).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4566' },
    seed: { type: 'string', default: 'sandbox' },
    'transition-ms': { type: 'string', default: '2000' },
    'latency-ms': { type: 'string', default: '0' },
    'clock-scale': { type: 'string', default: '1' },
    'eks-endpoint': { type: 'string' },
  },
});

async function loadSeedArgument(name: string, eksEndpoint: string | undefined): Promise<AwsSeed> {
  if (name === 'sandbox') return sandboxSeed(eksEndpoint === undefined ? {} : { eksEndpoint });
  if (name === 'empty') return {};
  return parseYaml(await readFile(name, 'utf8')) as AwsSeed;
}

function numberOption(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} needs a non-negative number, got "${raw}"`);
  return value;
}

const emulator = await startAwsEmulator({
  port: numberOption('port', values.port),
  seed: await loadSeedArgument(values.seed, values['eks-endpoint']),
  transitionMs: numberOption('transition-ms', values['transition-ms']),
  latencyMs: numberOption('latency-ms', values['latency-ms']),
  clockScale: numberOption('clock-scale', values['clock-scale']),
});

console.log(`AWS emulator listening on ${emulator.url}`);
if (values.seed === 'sandbox') {
  console.log(
    `  export AWS_ACCESS_KEY_ID=${SANDBOX_KEYS.admin.accessKeyId} AWS_SECRET_ACCESS_KEY=${SANDBOX_KEYS.admin.secretAccessKey} AWS_REGION=${SANDBOX_REGION}`,
  );
  console.log(`  aws --endpoint-url ${emulator.url} ec2 describe-instances`);
}
console.log(`  control API: ${emulator.url}/_emulator/state`);

const stop = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
