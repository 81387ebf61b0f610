import { type StoreApi, createStore } from 'zustand/vanilla';
import type { HibernatorEvent } from '../../../shared/api';

export interface ActivityItem {
  id: number;
  at: string;
  event: HibernatorEvent;
}

export interface ActivityState {
  items: ActivityItem[];
  add(event: HibernatorEvent, at: Date): void;
}

/** Enough for a working day of phase changes without growing without bound. */
export const ACTIVITY_LIMIT = 200;

/** Progress lines are noise in a feed (the ledger shows them); everything else is worth a line. */
export function isNoteworthy(event: HibernatorEvent): boolean {
  return event.type !== 'TargetProgress';
}

/** What happened while this window was open, newest first. */
export function createActivityStore(): StoreApi<ActivityState> {
  let next = 1;
  return createStore<ActivityState>((set) => ({
    items: [],
    add(event, at) {
      if (!isNoteworthy(event)) return;
      const item = { id: next++, at: at.toISOString(), event };
      set((s) => ({ items: [item, ...s.items].slice(0, ACTIVITY_LIMIT) }));
    },
  }));
}
