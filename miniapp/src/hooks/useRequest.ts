import { useCallback, useEffect, useState } from 'react';

export interface RequestState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

interface Outcome<T> {
  /** Which attempt this outcome answers; -1 before the first one. */
  attempt: number;
  data: T | undefined;
  error: unknown;
}

/**
 * Run `load` on mount and on `reload()`; `load` must be stable (a module-level function or a
 * useCallback). `loading` is true until the latest attempt settles, whatever the outcome; a result
 * that arrives after the page is gone, or after a newer attempt, is dropped. Data from an earlier
 * attempt (or `initial`) stays while a refresh runs or fails.
 */
export function useRequest<T>(load: () => Promise<T>, initial?: T): RequestState<T> {
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome<T>>({ attempt: -1, data: initial, error: undefined });

  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setOutcome({ attempt, data, error: undefined });
      },
      (error: unknown) => {
        if (live) setOutcome((prev) => ({ attempt, data: prev.data, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [attempt, load]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const loading = outcome.attempt !== attempt;
  return { data: outcome.data, error: loading ? undefined : outcome.error, loading, reload };
}
