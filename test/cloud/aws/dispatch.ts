import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallCounter } from '../shared/call-counter';
import type { FaultInjector } from '../shared/faults';
import { sendText, sleep } from '../shared/http-helpers';
import { autoscalingService } from './asg-api';
import {
  AwsError,
  renderError,
  xmlHeaders,
  type WireProtocol,
  type WireResponse,
} from './aws-error';
import { ec2Service } from './ec2-api';
import { matchEksRoute } from './eks-api';
import type { Identity, IdentityStore } from './identity';
import { QueryParams } from './query-params';
import { rdsService } from './rds-api';
import { detectService, parseScope, type AwsService } from './request-scope';
import { accessDenied, credentialError, faultToError, unknownAction } from './service-errors';
import type { QueryService } from './service-context';
import { stsService } from './sts-api';
import type { AwsWorld } from './world';
import { ec2Envelope, queryEnvelope } from './xml';

/**
 * One AWS request, start to finish: route by the SigV4 scope, count the call, apply injected
 * faults, resolve the caller, check denies, settle due transitions, run the action, answer in the
 * service's own wire format.
 */
export interface EmulatorCore {
  world: AwsWorld;
  identities: IdentityStore;
  faults: FaultInjector;
  calls: CallCounter;
  latencyMs: number;
}

const QUERY_SERVICES: Record<Exclude<AwsService, 'eks'>, QueryService> = {
  ec2: ec2Service,
  rds: rdsService,
  autoscaling: autoscalingService,
  sts: stsService,
};

/** IAM lets every caller ask who they are, whatever their policies say. */
const NEVER_DENIED = new Set(['sts:GetCallerIdentity']);

export async function handleAwsRequest(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const method = req.method ?? 'GET';
  const header = (name: string): string | undefined => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const scope = parseScope(header('authorization'), header('x-amz-security-token'));
  const isForm = (header('content-type') ?? '').includes('x-www-form-urlencoded');
  let params = new QueryParams(url.search.slice(1), isForm ? body : '');
  const requestId = randomUUID();
  const service = detectService(scope, url.pathname, params.get('Version'));
  if (service === undefined) {
    const error = new AwsError(
      'UnknownService',
      'Cannot tell which AWS service this request is for: it has no SigV4 credential scope and no known Version.',
    );
    return write(res, renderError(error, 'query', '', requestId));
  }
  const protocol: WireProtocol =
    service === 'ec2' ? 'ec2' : service === 'eks' ? 'rest-json' : 'query';
  const eksRoute = service === 'eks' ? matchEksRoute(method, url.pathname) : undefined;
  const action = service === 'eks' ? eksRoute?.action : params.get('Action');
  const record = core.calls.record({
    service,
    action: action ?? 'Unknown',
    at: core.world.now(),
    ...(scope.accessKeyId === undefined ? {} : { principal: scope.accessKeyId }),
    ...(scope.region === undefined ? {} : { region: scope.region }),
  });
  const namespace = service === 'eks' ? '' : QUERY_SERVICES[service].namespace;
  try {
    const decision = core.faults.decide(`${service}:${action ?? 'Unknown'}`);
    // Only reads ignore their filters: a stop that ignored its ids would be a different bug.
    if (decision.ignoreFilters === true && /^(Describe|List)/.test(action ?? ''))
      params = params.withoutFilters();
    await sleep(core.latencyMs + decision.latencyMs);
    if (decision.error?.kind === 'timeout') {
      record.errorCode = 'Timeout';
      return await hangUntilClientGivesUp(res);
    }
    if (decision.error !== undefined)
      throw faultToError(service, decision.error, {
        method,
        path: url.pathname,
        query: url.search.slice(1),
        headers: req.headers,
        body,
      });
    const resolved = core.identities.resolve(scope, core.world.now());
    if (!resolved.ok) throw credentialError(service, resolved.reason);
    const identity = resolved.identity;
    if (action === undefined)
      throw unknownAction(service, `${method} ${url.pathname}`, params.get('Version'));
    const iamAction = `${service}:${action}`;
    if (!NEVER_DENIED.has(iamAction) && core.identities.isDenied(identity, iamAction))
      throw accessDenied(service, identity, iamAction);
    core.world.settle();
    const state = core.world.region(identity.accountId, scope.region ?? 'us-east-1');
    let response: WireResponse;
    if (service === 'eks') {
      if (eksRoute === undefined) throw unknownAction(service, action, undefined);
      const result = eksRoute.handle({
        action,
        path: eksRoute.path,
        query: url.searchParams,
        body: parseJson(body),
        state,
        world: core.world,
        identity,
      });
      response = {
        status: result.status,
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
        body: JSON.stringify(result.body),
      };
    } else {
      response = runQuery(
        QUERY_SERVICES[service],
        service,
        action,
        params,
        core,
        identity,
        state,
        requestId,
      );
    }
    record.status = response.status;
    write(res, response);
  } catch (thrown) {
    const error = thrown instanceof AwsError ? thrown : internalError(service, thrown);
    record.status = error.status;
    record.errorCode = error.code;
    write(res, renderError(error, protocol, namespace, requestId));
  }
}

function runQuery(
  definition: QueryService,
  service: AwsService,
  action: string,
  params: QueryParams,
  core: EmulatorCore,
  identity: Identity,
  state: ReturnType<AwsWorld['region']>,
  requestId: string,
): WireResponse {
  const handler = definition.handlers[action];
  if (handler === undefined) throw unknownAction(service, action, params.get('Version'));
  const inner = handler({
    action,
    params,
    state,
    world: core.world,
    identity,
    identities: core.identities,
  });
  const body =
    definition.protocol === 'ec2'
      ? ec2Envelope(action, requestId, inner ?? '')
      : queryEnvelope(action, definition.namespace, requestId, inner);
  return { status: 200, headers: xmlHeaders(requestId), body };
}

function parseJson(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new AwsError('SerializationException', 'Request body is not valid JSON', 400);
  }
}

function internalError(service: AwsService, thrown: unknown): AwsError {
  // A bug in the emulator: answer like an AWS 500 so the SDK's retry path is exercised, and say why.
  console.error('[aws-emulator] internal error', thrown);
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  if (service === 'ec2') return new AwsError('InternalError', `Emulator failure: ${message}`, 500);
  if (service === 'eks')
    return new AwsError('ServerException', `Emulator failure: ${message}`, 500);
  return new AwsError('InternalFailure', `Emulator failure: ${message}`, 500);
}

/** Longest a `timeout` fault holds a call whose client never gives up, before dropping it. */
const HANG_LIMIT_MS = 60_000;

/** A `timeout` fault: no answer at all, until the client closes the connection (or the limit). */
async function hangUntilClientGivesUp(res: ServerResponse): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, HANG_LIMIT_MS);
    timer.unref();
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (!res.writableEnded) res.destroy();
}

function write(res: ServerResponse, response: WireResponse): void {
  sendText(res, response.status, response.body, response.headers);
}
