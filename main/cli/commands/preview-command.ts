import { parseYamlDocuments, type Plan, type ScheduleException } from '../../../shared/model';
import { evaluate, upcoming } from '../../../shared/schedule';
import { intOption } from '../args';
import { CliError, type CliIo } from '../cli-io';

export interface PreviewOptions {
  file: string | undefined;
  plan?: string;
  at?: string;
  count?: string;
  json: boolean;
}

function formatIn(zone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

export function previewCommand(options: PreviewOptions, io: CliIo, now: Date = new Date()): number {
  if (!options.file)
    throw new CliError('preview needs a file: hibernator preview plan.yaml [--plan NAME]');
  let text: string;
  try {
    text = io.readFile(options.file);
  } catch (error) {
    throw new CliError(
      `cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = parseYamlDocuments(text);
  const problems = [...parsed.errors, ...parsed.documents.flatMap((d) => d.errors)];
  if (problems.length > 0) {
    throw new CliError(
      `${options.file} is not valid; fix it first (hibernator validate ${options.file}):\n${problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n')}`,
      1,
    );
  }
  const plans = parsed.documents
    .map((d) => d.object)
    .filter((o): o is Plan => o?.kind === 'HibernatePlan');
  const name = options.plan;
  const plan = name
    ? plans.find((p) => p.metadata.name === name)
    : plans.length === 1
      ? plans[0]
      : undefined;
  if (!plan) {
    const names = plans.map((p) => p.metadata.name).join(', ') || 'none';
    throw new CliError(
      name
        ? `${options.file} has no plan named "${name}" (plans: ${names}).`
        : `${options.file} holds ${plans.length} plans (${names}); choose one with --plan NAME.`,
    );
  }
  const exceptions = parsed.documents
    .map((d) => d.object)
    .filter(
      (o): o is ScheduleException =>
        o?.kind === 'ScheduleException' && o.spec.planRef.name === plan.metadata.name,
    );
  const at = options.at ? new Date(options.at) : now;
  if (Number.isNaN(at.getTime()))
    throw new CliError(
      `--at must be an ISO-8601 instant such as 2026-11-26T19:00:00Z (got "${options.at}").`,
    );
  const count = intOption(options.count, 'count', 5, 1, 1000);
  const evaluation = evaluate(plan, exceptions, at);
  const next = upcoming(plan, exceptions, at, count);
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          plan: plan.metadata.name,
          timezone: plan.spec.schedule.timezone,
          at: at.toISOString(),
          hibernate: evaluation.hibernate,
          reason: evaluation.reason,
          activeExceptions: evaluation.activeExceptions,
          upcoming: next.map((t) => ({ at: t.at.toISOString(), operation: t.operation })),
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const zone = plan.spec.schedule.timezone;
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  io.out(
    `${plan.metadata.name} at ${formatIn(zone, at)}: ${evaluation.hibernate ? 'HIBERNATED' : 'AWAKE'}\n`,
  );
  io.out(`  why: ${evaluation.reason}\n`);
  if (evaluation.activeExceptions.length > 0)
    io.out(`  active exceptions: ${evaluation.activeExceptions.join(', ')}\n`);
  io.out(
    `Next ${next.length} transition(s) (plan time ${zone}${local !== zone ? `; local ${local}` : ''}):\n`,
  );
  for (const t of next) {
    const verb = t.operation === 'hibernate' ? 'hibernate' : 'wake up ';
    io.out(
      `  ${verb}  ${formatIn(zone, t.at)}${local !== zone ? `   (local ${formatIn(local, t.at)})` : ''}\n`,
    );
  }
  if (next.length < count) io.out(`  (no further change within 366 days)\n`);
  return 0;
}
