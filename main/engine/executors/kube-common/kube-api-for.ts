import type { KubeApi } from '../../connections/kube/kube-api';
import { KUBE_CLIENT_KIND } from '../../connections/kube/kube-client-provider';
import type { ExecutorContext } from '../executor';

/** The executors' way to their cluster. */
export function kubeApiFor(ctx: Pick<ExecutorContext, 'clients' | 'connection'>): Promise<KubeApi> {
  return ctx.clients.get<KubeApi>(KUBE_CLIENT_KIND, ctx.connection);
}
