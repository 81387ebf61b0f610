/**
 * The Hibernator operator's CRDs (config/crd/bases of ardikabs/hibernator, v1alpha1) as seed
 * definitions: names, kinds and short names as the operator installs them. Every resource the
 * emulator serves has the status subresource the CRDs declare.
 */
import type { CustomResourceItemSeed, CustomResourceSeed } from '../seed';

export const HIBERNATOR_GROUP = 'hibernator.ardikabs.com';
export const HIBERNATOR_VERSION = 'v1alpha1';

type HibernatorPlural =
  | 'hibernateplans'
  | 'scheduleexceptions'
  | 'hibernatenotifications'
  | 'cloudproviders'
  | 'k8sclusters';

const DEFS: ReadonlyArray<{ plural: HibernatorPlural; kind: string; shortNames: string[] }> = [
  { plural: 'hibernateplans', kind: 'HibernatePlan', shortNames: ['hplan'] },
  { plural: 'scheduleexceptions', kind: 'ScheduleException', shortNames: ['schedex'] },
  { plural: 'hibernatenotifications', kind: 'HibernateNotification', shortNames: ['hnotif'] },
  { plural: 'cloudproviders', kind: 'CloudProvider', shortNames: [] },
  { plural: 'k8sclusters', kind: 'K8SCluster', shortNames: [] },
];

/** The five CRDs, with the given objects seeded into each. */
export function hibernatorCrds(
  items: Partial<Record<HibernatorPlural, CustomResourceItemSeed[]>> = {},
): CustomResourceSeed[] {
  return DEFS.map((d) => ({
    group: HIBERNATOR_GROUP,
    version: HIBERNATOR_VERSION,
    plural: d.plural,
    kind: d.kind,
    namespaced: true,
    shortNames: d.shortNames,
    items: items[d.plural] ?? [],
  }));
}
