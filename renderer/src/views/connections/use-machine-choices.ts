import { useEffect, useState } from 'react';
import type { AwsProfileInfo, KubeContextInfo } from '../../../../shared/api';
import { useApp } from '../../app/app-context';

export interface MachineChoices<T> {
  /** Undefined while loading; empty when the machine has none (or the engine cannot list them). */
  items: T[] | undefined;
  error: string | null;
}

function useListed<T>(load: () => Promise<T[]>): MachineChoices<T> {
  const [state, setState] = useState<MachineChoices<T>>({ items: undefined, error: null });
  useEffect(() => {
    let live = true;
    load().then(
      (items) => {
        if (live) setState({ items, error: null });
      },
      (e: unknown) => {
        if (live) setState({ items: [], error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}

/** The AWS profiles in the machine's ~/.aws files, read by the engine (the renderer has no disk access). */
export function useAwsProfiles(): MachineChoices<AwsProfileInfo> {
  const { transport } = useApp();
  const [load] = useState(() => () => transport.call('listAwsProfiles', {}));
  return useListed(load);
}

/** The contexts of the machine's kubeconfig files (KUBECONFIG or ~/.kube/config). */
export function useKubeContexts(): MachineChoices<KubeContextInfo> {
  const { transport } = useApp();
  const [load] = useState(() => () => transport.call('listKubeContexts', {}));
  return useListed(load);
}
