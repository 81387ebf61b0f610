import type { IdentityStore, Identity } from './identity';
import type { QueryParams } from './query-params';
import type { RegionState } from './types';
import type { AwsWorld } from './world';

/** Everything a query-protocol action handler may touch. */
export interface QueryCall {
  action: string;
  params: QueryParams;
  state: RegionState;
  world: AwsWorld;
  identity: Identity;
  identities: IdentityStore;
}

/** Returns the inner XML of the response (EC2: the body; awsQuery: the `…Result` content, or undefined when the action has none). */
export type QueryHandler = (call: QueryCall) => string | undefined;

export interface QueryService {
  protocol: 'ec2' | 'query';
  namespace: string;
  handlers: Record<string, QueryHandler>;
}
