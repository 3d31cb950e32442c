import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '@/api';

export interface RunOptions<A extends string> {
  /** Which of the form's actions this is; `action` names it while it runs (for button labels). */
  action?: A;
  /** Checks what was typed first: a message stops the write and becomes the problem shown. */
  check?: () => string;
  /** Words a refusal the page knows better (an error code of its own); else the server's message. */
  describe?: (err: unknown) => string | undefined;
  /** Shown as `done` once the write has succeeded. */
  done?: string;
}

export interface Submit<A extends string> {
  /** True while a write runs: buttons show it (btn--busy) and further taps are ignored. */
  busy: boolean;
  /** The action in flight, if the form has several. */
  action: A | null;
  /** Why the last attempt failed: a check the page made, or the API's answer. Empty when none. */
  problem: string;
  /** A page's own message where no write is involved (a file too big, a bad scan); '' clears it. */
  setProblem: (text: string) => void;
  /** The `done` text of the last write that succeeded. */
  done: string;
  /**
   * Runs one write: ignored while another runs; `check` first; then busy until it settles. A
   * rejection becomes `problem` (the api client's message, or `describe`'s); resolves to whether
   * the write succeeded. Call the API with `quiet: true`, so the message is shown here, once.
   */
  run: (write: () => Promise<unknown>, options?: RunOptions<A>) => Promise<boolean>;
}

/**
 * Busy and problem state around an async write: the one place that turns the api client's errors
 * (api/errors.ts) into the message a form shows.
 */
export function useSubmit<A extends string = 'submit'>(): Submit<A> {
  const [action, setAction] = useState<A | null>(null);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  // A ref, not the state: a second tap in the same tick must not start a second write.
  const running = useRef(false);

  const run = useCallback(async (write: () => Promise<unknown>, options: RunOptions<A> = {}) => {
    if (running.current) return false;
    const issue = options.check?.() ?? '';
    setProblem(issue);
    setDone('');
    if (issue) return false;
    running.current = true;
    setAction(options.action ?? ('submit' as A));
    try {
      await write();
      setDone(options.done ?? '');
      return true;
    } catch (err) {
      setProblem(options.describe?.(err) ?? errorMessage(err));
      return false;
    } finally {
      running.current = false;
      setAction(null);
    }
  }, []);

  return { busy: action !== null, action, problem, setProblem, done, run };
}
