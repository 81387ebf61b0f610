/**
 * `?watch=true` on a collection: a stream of newline-separated watch events, as the apiserver
 * sends them. Without a resourceVersion (or "0") it starts with the current objects as ADDED;
 * with one it replays every change after it, or answers one ERROR event with a 410 Expired
 * Status when history no longer reaches back that far. BOOKMARK events carry the current
 * resourceVersion when the client allows them, so a client can resume without a relist.
 */
import type { KubeCluster } from './cluster';
import type { JsonObject } from './json';
import { matches, parseListQuery } from './list-query';
import type { StoreEvent } from './object-store';
import { badRequest, expired } from './status';
import { groupVersion, type ResourceDef } from './types';

export interface WatchSink {
  write(event: JsonObject): void;
  end(): void;
}

export interface WatchTiming {
  /** How often a BOOKMARK is sent when allowed. */
  bookmarkMs: number;
  /** How often delayed changes (transitions) are folded in while the watch is open. */
  tickMs: number;
}

export interface WatchRequest {
  def: ResourceDef;
  namespace: string | undefined;
  params: URLSearchParams;
}

/** What the handler checks before answering 200 (selectors, resourceVersion syntax). */
export function prepareWatch(req: WatchRequest): {
  start: (cluster: KubeCluster, sink: WatchSink, timing: WatchTiming) => () => void;
} {
  const query = parseListQuery(req.params);
  const rvParam = req.params.get('resourceVersion') ?? '';
  if (rvParam !== '' && !/^\d+$/.test(rvParam))
    throw badRequest(`resourceVersion: Invalid value: "${rvParam}": invalid resource version`);
  const bookmarks = req.params.get('allowWatchBookmarks') === 'true';
  const timeoutParam = Number(req.params.get('timeoutSeconds') ?? '');
  const timeoutMs = Number.isFinite(timeoutParam) && timeoutParam > 0 ? timeoutParam * 1000 : 0;
  const { def, namespace } = req;

  const relevant = (e: StoreEvent): boolean =>
    e.storage === def.storage &&
    (namespace === undefined || e.obj.metadata.namespace === namespace) &&
    matches(e.obj, query);

  return {
    start(cluster, sink, timing) {
      const present = (e: StoreEvent): JsonObject => ({
        type: e.type,
        object: cluster.present(def, e.obj),
      });
      const timers: Array<ReturnType<typeof setInterval>> = [];
      let stopped = false;
      let unsubscribe = (): void => undefined;
      const stop = (): void => {
        if (stopped) return;
        stopped = true;
        unsubscribe();
        for (const t of timers) clearInterval(t);
      };
      const finish = (): void => {
        stop();
        sink.end();
      };

      if (rvParam === '' || rvParam === '0') {
        for (const { obj } of cluster.store.list(def.storage, namespace)) {
          if (!matches(obj, query)) continue;
          sink.write({ type: 'ADDED', object: cluster.present(def, structuredClone(obj)) });
        }
      } else {
        const changes = cluster.store.changesSince(Number(rvParam));
        if (changes === 'expired') {
          const status = expired(
            `too old resource version: ${rvParam} (${cluster.store.currentRevision()})`,
          ).body;
          sink.write({ type: 'ERROR', object: status });
          sink.end();
          return stop;
        }
        for (const e of changes) if (relevant(e)) sink.write(present(e));
      }
      unsubscribe = cluster.store.subscribe((e) => {
        if (!stopped && relevant(e)) sink.write(present(e));
      });
      timers.push(setInterval(() => cluster.tick(), timing.tickMs));
      if (bookmarks)
        timers.push(
          setInterval(() => {
            sink.write({
              type: 'BOOKMARK',
              object: {
                kind: def.kind,
                apiVersion: groupVersion(def),
                metadata: { resourceVersion: String(cluster.store.currentRevision()) },
              },
            });
          }, timing.bookmarkMs),
        );
      if (timeoutMs > 0) {
        const t = setTimeout(finish, timeoutMs);
        timers.push(t);
      }
      return stop;
    },
  };
}
