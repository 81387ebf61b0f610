import type { PlanSummary } from '../../../shared/model/status';
import { CliError, type CliIo } from '../cli-io';
import { unwrap, withEngine } from '../engine-access';

export async function importCommand(
  file: string | undefined,
  dryRun: boolean,
  dataDir: string,
  io: CliIo,
): Promise<number> {
  if (!file) throw new CliError('import needs a file: hibernator import plans.yaml');
  let yaml: string;
  try {
    yaml = io.readFile(file);
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return withEngine(dataDir, async (call) => {
    const result = unwrap('importYaml', await call('importYaml', { yaml, dryRun }));
    for (const e of result.errors) io.out(`${file}: ${e.path ? `${e.path}: ` : ''}${e.message}\n`);
    for (const item of result.items) {
      const label = `${item.kind}${item.name ? ` ${item.name}` : ''}`;
      for (const e of item.errors)
        io.out(`${file}: ${label}: ${e.path ? `${e.path}: ` : ''}${e.message}\n`);
      for (const w of item.warnings)
        io.out(`${file}: ${label}: warning: ${w.path ? `${w.path}: ` : ''}${w.message}\n`);
      if (item.applied) io.out(`imported ${label}\n`);
    }
    if (!result.ok) {
      io.out('nothing was imported: fix the problems above and import again\n');
      return 1;
    }
    if (dryRun) io.out(`${result.items.length} object(s) would be imported (dry run)\n`);
    return 0;
  });
}

export async function exportCommand(
  plans: string[] | undefined,
  output: string | undefined,
  dataDir: string,
  io: CliIo,
): Promise<number> {
  return withEngine(dataDir, async (call) => {
    const result = unwrap(
      'exportYaml',
      await call('exportYaml', plans && plans.length > 0 ? { plans } : {}),
    );
    for (const w of result.warnings ?? [])
      io.err(`warning: ${w.object}: ${w.path ? `${w.path}: ` : ''}${w.message}\n`);
    if (output) {
      io.writeFile(output, result.yaml);
      io.err(`wrote ${output}\n`);
    } else io.out(result.yaml);
    return 0;
  });
}

function describeRow(p: PlanSummary): string {
  const next = p.nextTransition
    ? `${p.nextTransition.operation === 'hibernate' ? 'sleeps' : 'wakes'} ${p.nextTransition.at}`
    : 'no transition within a year';
  return `${p.name.padEnd(24)} ${p.phase.padEnd(12)} ${String(p.targetCount).padStart(3)} target(s)  ${next}${p.error ? `  ! ${p.error.message}` : ''}`;
}

export async function plansCommand(json: boolean, dataDir: string, io: CliIo): Promise<number> {
  return withEngine(dataDir, async (call) => {
    const plans = unwrap('listPlans', await call('listPlans', {}));
    if (json) io.out(JSON.stringify(plans, null, 2) + '\n');
    else if (plans.length === 0)
      io.out('no plans yet: import one with `hibernator import plan.yaml`\n');
    else for (const p of plans) io.out(describeRow(p) + '\n');
    return 0;
  });
}

export async function callCommand(
  method: string | undefined,
  body: string | undefined,
  dataDir: string,
  io: CliIo,
): Promise<number> {
  if (!method) throw new CliError('call needs a method name: hibernator call listPlans');
  let input: unknown = {};
  if (body) {
    try {
      input = JSON.parse(body);
    } catch (error) {
      throw new CliError(
        `the input is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return withEngine(dataDir, async (call) => {
    const result = await call(method as Parameters<typeof call>[0], input);
    io.out(JSON.stringify(result, null, 2) + '\n');
    return result.ok ? 0 : 1;
  });
}

/** Dry run: what each target would touch now; read-only calls only. */
export async function discoverCommand(
  plan: string | undefined,
  target: string | undefined,
  json: boolean,
  dataDir: string,
  io: CliIo,
): Promise<number> {
  if (!plan)
    throw new CliError('discover needs a plan name: hibernator discover dev-env [--target web]');
  return withEngine(dataDir, async (call) => {
    const result = unwrap('discover', await call('discover', target ? { plan, target } : { plan }));
    if (json) {
      io.out(JSON.stringify(result, null, 2) + '\n');
      return result.targets.some((t) => t.error) ? 1 : 0;
    }
    io.out(`${result.plan}: ${result.summary}\n`);
    for (const t of result.targets) {
      io.out(
        `  ${t.target} (${t.executor})${t.disabled ? ' — disabled by an exception override' : ''}\n`,
      );
      if (t.error) io.out(`    ! ${t.error.message}\n`);
      for (const a of t.actions) io.out(`    ${a.description}\n`);
      if (!t.error && !t.disabled && t.actions.length === 0) io.out('    nothing matches\n');
    }
    return result.targets.some((t) => t.error) ? 1 : 0;
  });
}
