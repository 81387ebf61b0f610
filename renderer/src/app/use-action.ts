import { useCallback, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api';
import { toApiError } from '../transport/envelope';

export type ActionState =
  | { status: 'idle' }
  | { status: 'running'; label: string }
  | { status: 'done'; message: string }
  | { status: 'failed'; error: ApiError };

/**
 * Runs one user action at a time and keeps its outcome for the feedback line: the engine's
 * message on success, its error (code, message, issues) on failure.
 */
export function useAction(): {
  state: ActionState;
  run: <T>(
    label: string,
    fn: () => Promise<T>,
    message: (result: T) => string,
  ) => Promise<T | undefined>;
  reset: () => void;
} {
  const [state, setState] = useState<ActionState>({ status: 'idle' });
  const running = useRef(false);
  const run = useCallback(
    async <T>(
      label: string,
      fn: () => Promise<T>,
      message: (result: T) => string,
    ): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setState({ status: 'running', label });
      try {
        const result = await fn();
        setState({ status: 'done', message: message(result) });
        return result;
      } catch (error) {
        setState({ status: 'failed', error: toApiError(error) });
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset };
}
