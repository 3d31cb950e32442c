import type { CashierOutcome } from '../../lib/pay-flow';

/**
 * The one simulated cashier open at a time, between `openCashier` (pay.ts, on H5) and the
 * `<CashierHost />` a paying page renders. Nothing here knows about React.
 */
export interface CashierRequest {
  prepayId: string;
  amountFen: number;
  merchant: string;
  description?: string;
}

interface Open extends CashierRequest {
  settle(outcome: CashierOutcome): void;
}

let open: Open | undefined;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((notify) => notify());

export function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export const currentCashier = (): Open | undefined => open;

/** True while a `<CashierHost />` is mounted to show the cashier. */
export const hasHost = (): boolean => listeners.size > 0;

/** Shows the cashier; resolves with what the payer did (a second call while one is open is refused). */
export function openCashier(request: CashierRequest): Promise<CashierOutcome> {
  if (open || !hasHost()) return Promise.resolve('failed');
  return new Promise((resolve) => {
    open = {
      ...request,
      settle: (outcome) => {
        open = undefined;
        changed();
        resolve(outcome);
      },
    };
    changed();
  });
}
