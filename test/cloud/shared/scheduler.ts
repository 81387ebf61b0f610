/**
 * Timed state changes driven by a virtual clock. Nothing runs on a timer: the emulators call
 * `runDue(now)` before every request and state dump, so advancing the clock by a week replays every
 * transition in order (a database stopped for 7 days is restarted by AWS, then becomes available).
 * Each event runs with its own due time, so follow-up events are scheduled relative to when the
 * previous one happened, not to when somebody looked.
 */
export type ScheduledRun = (at: number) => void;

export interface Scheduler {
  /** Schedules `run` at `at`, replacing any event already scheduled under `key`. */
  schedule(key: string, at: number, run: ScheduledRun): void;
  cancel(key: string): void;
  /** Due time of the event under `key`, if any. */
  dueAt(key: string): number | undefined;
  /** Runs every event due at or before `now`, earliest first; returns how many ran. */
  runDue(now: number): number;
  size(): number;
  clear(): void;
}

interface Entry {
  key: string;
  at: number;
  seq: number;
  run: ScheduledRun;
}

export function createScheduler(): Scheduler {
  const live = new Map<string, Entry>();
  const heap: Entry[] = [];
  let seq = 0;

  const before = (a: Entry, b: Entry): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  const swap = (i: number, j: number): void => {
    const tmp = heap[i] as Entry;
    heap[i] = heap[j] as Entry;
    heap[j] = tmp;
  };
  const push = (entry: Entry): void => {
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Entry, heap[parent] as Entry)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = (): Entry | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && before(heap[l] as Entry, heap[smallest] as Entry)) smallest = l;
        if (r < heap.length && before(heap[r] as Entry, heap[smallest] as Entry)) smallest = r;
        if (smallest === i) break;
        swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  };

  return {
    schedule(key, at, run) {
      seq += 1;
      const entry: Entry = { key, at, seq, run };
      live.set(key, entry);
      push(entry);
    },
    cancel(key) {
      live.delete(key);
    },
    dueAt(key) {
      return live.get(key)?.at;
    },
    runDue(now) {
      let ran = 0;
      for (;;) {
        const top = heap[0];
        if (top === undefined || top.at > now) return ran;
        pop();
        // Replaced or cancelled entries stay in the heap; only the one `live` points at runs.
        if (live.get(top.key) !== top) continue;
        live.delete(top.key);
        top.run(top.at);
        ran += 1;
      }
    },
    size: () => live.size,
    clear() {
      live.clear();
      heap.length = 0;
    },
  };
}
