import type { ApplyResult, ConnectionTestResult } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { validateConnection, type Connection } from '../../../shared/model';
import type { ServiceContext } from './service-context';

export function applyConnection(ctx: ServiceContext, input: unknown): ApplyResult {
  const result = validateConnection(input);
  if (!result.valid || !result.value) {
    throw new ApiError(
      'INVALID_INPUT',
      `The connection is not valid: ${result.errors.length} problem(s).`,
      result.errors,
    );
  }
  const created = ctx.connections.upsert(result.value, ctx.clock.now());
  ctx.bus.emit({
    type: 'ConnectionChanged',
    connection: result.value.metadata.name,
    change: created ? 'created' : 'updated',
  });
  return { name: result.value.metadata.name, created, warnings: result.warnings };
}

export function deleteConnection(
  ctx: ServiceContext,
  name: string,
): { name: string; deleted: boolean } {
  if (!ctx.connections.get(name))
    throw new ApiError('NOT_FOUND', `There is no connection named "${name}".`);
  const users = ctx.plans
    .list(ctx.clock.now())
    .filter((p) => p.plan.spec.targets.some((t) => t.connectorRef?.name === name))
    .map((p) => p.plan.metadata.name);
  if (users.length > 0) {
    throw new ApiError(
      'NOT_ALLOWED',
      `Connection ${name} is used by plan(s) ${users.join(', ')}: change their targets first.`,
    );
  }
  ctx.connections.delete(name);
  ctx.bus.emit({ type: 'ConnectionChanged', connection: name, change: 'deleted' });
  return { name, deleted: true };
}

/** Tests a stored connection by name, or an unsaved one from the editor. */
export async function testConnection(
  ctx: ServiceContext,
  name: string | undefined,
  draft: unknown,
): Promise<ConnectionTestResult> {
  let connection: Connection | null;
  if (draft !== undefined) {
    const result = validateConnection(draft);
    if (!result.valid || !result.value)
      throw new ApiError(
        'INVALID_INPUT',
        `The connection is not valid: ${result.errors.length} problem(s).`,
        result.errors,
      );
    connection = result.value;
  } else if (name) {
    connection = ctx.connections.get(name);
    if (!connection) throw new ApiError('NOT_FOUND', `There is no connection named "${name}".`);
  } else {
    throw new ApiError(
      'INVALID_INPUT',
      'Give the name of a stored connection or a connection to test.',
      [{ path: 'name', message: 'is required' }],
    );
  }
  const all = ctx.connections.list().filter((c) => c.metadata.name !== connection?.metadata.name);
  return ctx.connectionTools.testConnection(connection, [...all, connection]);
}
