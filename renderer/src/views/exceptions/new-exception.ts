import { API_VERSION, EXCEPTION_KIND } from '../../../../shared/model';
import type { Draft } from '../../forms/draft';

/** Tonight to tomorrow morning, whole days: a plausible start that validates once a plan is picked. */
export function newExceptionDraft(plan: string, now: Date): Draft {
  const from = new Date(now.getTime());
  from.setSeconds(0, 0);
  const until = new Date(from.getTime() + 7 * 86_400_000);
  return {
    apiVersion: API_VERSION,
    kind: EXCEPTION_KIND,
    metadata: { name: plan ? `${plan}-exception` : '' },
    spec: {
      planRef: { name: plan },
      type: 'suspend',
      validFrom: from.toISOString().replace('.000Z', 'Z'),
      validUntil: until.toISOString().replace('.000Z', 'Z'),
      windows: [
        {
          start: '00:00',
          end: '24:00',
          daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
        },
      ],
    },
  };
}

/** ISO instant → the value a `datetime-local` input shows (the user's local wall clock). */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local wall clock) → an ISO instant in UTC; empty stays empty. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
}
