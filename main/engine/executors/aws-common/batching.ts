/** EC2 takes at most 1,000 ids per StopInstances / StartInstances call. */
export const EC2_BATCH_SIZE = 1000;
/** AWS caps the values of one describe filter at 200. */
export const FILTER_VALUES_MAX = 200;

/** Splits a list into chunks of at most `size` items, in order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** "i-1, i-2, i-3 and 4 more": names in a message without flooding it. */
export function listNames(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
