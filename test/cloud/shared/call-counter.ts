/**
 * Counts calls per action (`service:Action`) and per service, with a bounded log of recent calls,
 * so tests can assert "the executor made one StopInstances call for 300 instances".
 */
export interface CallRecord {
  seq: number;
  service: string;
  action: string;
  /** Virtual time of the call. */
  at: number;
  principal?: string;
  region?: string;
  /** HTTP status answered; set when the response is written. */
  status?: number;
  errorCode?: string;
}

export interface CallSnapshot {
  total: number;
  byService: Record<string, number>;
  byAction: Record<string, number>;
  recent: CallRecord[];
}

export interface CallCounter {
  record(entry: Omit<CallRecord, 'seq'>): CallRecord;
  /** Calls of one `service:Action`, or of one service when given `service`, or all. */
  count(key?: string): number;
  snapshot(): CallSnapshot;
  reset(): void;
}

export function createCallCounter(logLimit = 2000): CallCounter {
  let total = 0;
  let seq = 0;
  let byService = new Map<string, number>();
  let byAction = new Map<string, number>();
  let recent: CallRecord[] = [];

  return {
    record(entry) {
      seq += 1;
      total += 1;
      const record: CallRecord = { seq, ...entry };
      byService.set(entry.service, (byService.get(entry.service) ?? 0) + 1);
      const key = `${entry.service}:${entry.action}`;
      byAction.set(key, (byAction.get(key) ?? 0) + 1);
      recent.push(record);
      if (recent.length > logLimit) recent = recent.slice(recent.length - logLimit);
      return record;
    },
    count(key) {
      if (key === undefined) return total;
      return key.includes(':') ? (byAction.get(key) ?? 0) : (byService.get(key) ?? 0);
    },
    snapshot() {
      return {
        total,
        byService: Object.fromEntries(byService),
        byAction: Object.fromEntries(byAction),
        recent: recent.map((r) => ({ ...r })),
      };
    },
    reset() {
      total = 0;
      byService = new Map();
      byAction = new Map();
      recent = [];
    },
  };
}
