import type { Phase } from '../../../shared/model/status';

/** The one vocabulary for phases (ui.md): tray, list, detail and notifications say the same words. */
export const PHASE_WORD: Readonly<Record<Phase, string>> = {
  Active: 'Awake',
  Hibernating: 'Going to sleep…',
  Hibernated: 'Asleep',
  WakingUp: 'Waking up…',
  Suspended: 'Paused',
  Error: 'Needs attention',
};

export const PHASE_ICON: Readonly<Record<Phase, string>> = {
  Active: '☀',
  Hibernating: '☾',
  Hibernated: '☾',
  WakingUp: '☀',
  Suspended: '⏸',
  Error: '!',
};

/** Order of the sidebar counts: what needs a look first. */
export const PHASE_ORDER: readonly Phase[] = [
  'Error',
  'Hibernating',
  'WakingUp',
  'Hibernated',
  'Active',
  'Suspended',
];

/** An operation is running: the phase word is animated and most actions wait. */
export function isBusy(phase: Phase): boolean {
  return phase === 'Hibernating' || phase === 'WakingUp';
}

export function countByPhase(phases: readonly Phase[]): Map<Phase, number> {
  const counts = new Map<Phase, number>();
  for (const p of phases) counts.set(p, (counts.get(p) ?? 0) + 1);
  return counts;
}
