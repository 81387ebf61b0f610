import type { HibernatorEvent } from '../../../../shared/api';
import { PHASE_WORD } from '../../format/phase';

/** One line per event, in the words the notifications use. */
export function describeEvent(event: HibernatorEvent): string {
  switch (event.type) {
    case 'PhaseChanged':
      return `${event.plan}: ${PHASE_WORD[event.from]} → ${PHASE_WORD[event.to]} (${event.reason})`;
    case 'TargetProgress':
      return `${event.plan}/${event.target}: ${event.state}${event.message ? ` — ${event.message}` : ''}`;
    case 'PlanChanged':
      return `${event.plan} was ${event.change}`;
    case 'HeadsUp':
      return `${event.plan} goes to sleep in ${event.minutes} minutes`;
    case 'CaughtUp':
      return `${event.plan} missed ${new Date(event.missedAt).toLocaleTimeString()} while this computer was asleep; the ${event.operation === 'shutdown' ? 'shutdown' : 'wake-up'} ran at ${new Date(event.at).toLocaleTimeString()}`;
    case 'Failure':
      return `${event.plan} needs attention: ${event.error.message}${event.retriesLeft > 0 ? ` (${event.retriesLeft} retries left)` : ''}`;
    case 'Recovery':
      return `${event.plan}: ${event.message}`;
    case 'KeepAsleep':
      return `${event.plan}: ${event.report.message}`;
    case 'ConnectionChanged':
      return `connection ${event.connection} was ${event.change}`;
    case 'ExceptionChanged':
      return `exception ${event.exception} of ${event.plan} was ${event.change}`;
    case 'RestoreChanged':
      return `restore point of ${event.plan}/${event.target} changed`;
    case 'SettingsChanged':
      return 'settings changed';
    case 'ClusterPlanChanged':
      return event.kind === 'HibernatePlan' && event.phase !== event.from && event.phase !== null
        ? `${event.connection}: ${event.namespace}/${event.name} is ${event.phase}`
        : `${event.connection}: ${event.kind} ${event.namespace}/${event.name} was ${event.change}`;
  }
}

/** The plan an event is about, for linking the line. */
export function planOf(event: HibernatorEvent): string | null {
  return 'plan' in event ? event.plan : null;
}
