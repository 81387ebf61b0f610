/**
 * Runs `task` for each item with at most `limit` in flight (null = all at once). `shouldStart`
 * is asked before each start, so that a suspension lets in-flight work finish but starts nothing new.
 */
export async function runLimited<T>(
  items: readonly T[],
  limit: number | null,
  task: (item: T) => Promise<void>,
  shouldStart: () => boolean = () => true,
): Promise<void> {
  const max = limit === null ? items.length : Math.max(1, limit);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && shouldStart()) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(max, items.length) }, worker));
}
