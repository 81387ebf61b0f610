import { ExecutorError } from '../executor';

/**
 * AWS error codes with which a call refuses because of the resource it names (or, in a batch,
 * one of them): the resource cannot be stopped or changed now, the rest can. Credentials,
 * permissions, throttling and outages are not refusals: they still fail the target.
 */
const REFUSALS = [
  'UnsupportedOperation',
  'OperationNotPermitted',
  'IncorrectInstanceState',
  'InvalidInstanceID.NotFound',
  'InvalidDBInstanceState',
  'InvalidDBInstanceStateFault',
  'InvalidDBClusterStateFault',
  'InvalidParameterCombination',
  'DBInstanceNotFound',
  'DBClusterNotFoundFault',
  'ResourceInUseException',
  'ResourceNotFoundException',
  'InvalidRequestException',
];
const REFUSAL = new RegExp(`\\b(${REFUSALS.map((c) => c.replace(/\./g, '\\.')).join('|')})\\b`);

/** The refusal's text when `error` is a resource's refusal, else undefined (the error still fails the target). */
export function refusalOf(error: unknown): string | undefined {
  if (!(error instanceof ExecutorError)) return undefined;
  return REFUSAL.test(error.message) ? error.message : undefined;
}

export interface Refused<T> {
  item: T;
  reason: string;
}

/**
 * Sends `items` in one call; when AWS refuses the batch because of some of them, splits it in
 * halves and sends those, down to the single refused items, so the rest are still done (one bad
 * instance among 1,000 costs about 20 calls). Returns the refused items with AWS's reason.
 */
export async function splitOnRefusal<T>(
  items: readonly T[],
  send: (batch: T[]) => Promise<void>,
): Promise<Array<Refused<T>>> {
  if (items.length === 0) return [];
  try {
    await send([...items]);
    return [];
  } catch (error) {
    const reason = refusalOf(error);
    if (reason === undefined) throw error;
    const [first] = items;
    if (items.length === 1 && first !== undefined) return [{ item: first, reason }];
    const half = Math.ceil(items.length / 2);
    return [
      ...(await splitOnRefusal(items.slice(0, half), send)),
      ...(await splitOnRefusal(items.slice(half), send)),
    ];
  }
}

/** One per-resource call (RDS stop, EKS or Auto Scaling update): its refusal is returned, never thrown. */
export async function unlessRefused(call: () => Promise<void>): Promise<string | undefined> {
  try {
    await call();
    return undefined;
  } catch (error) {
    const reason = refusalOf(error);
    if (reason === undefined) throw error;
    return reason;
  }
}
