/** Public surface of the Kubernetes API emulator (tests, benchmarks, `npm run demo`). */
export {
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_ADMIN_USER,
  startKubeEmulator,
  type KubeEmulator,
  type KubeEmulatorOptions,
} from './kube-emulator';
export type {
  KubeSeed,
  NamespaceSeed,
  WorkloadSeed,
  HpaSeed,
  NodePoolSeed,
  NodeSeed,
  CustomResourceSeed,
  CustomResourceItemSeed,
} from './seed';
export type { DenyRule, TokenGrant } from './auth';
export type { KubeFaultRule } from './faults';
export type { Clock, KubeObject } from './types';
export { EXCLUDE_ANNOTATION, SANDBOX_READONLY_TOKEN, sandboxSeed } from './sandbox-seed';
export { NODEPOOL_LABEL } from './karpenter-controller';
export { findKubectl, type KubectlLookup } from './find-kubectl';
export { HIBERNATOR_GROUP, HIBERNATOR_VERSION, hibernatorCrds } from './hibernator/hibernator-crds';
