import type { PaymentHooks } from '../../payments';
import { paidItems, releaseItems } from './items';
import { linesOf } from './rules';

/**
 * What a utility payment's settlement writes beside the payment's own row (payments/wiring.ts
 * registers these for 'utility-bill' and 'utility-bulk'): when WeChat Pay's verified notification
 * or order query says it was paid, its bills are paid and the accounts' arrears go down; when it
 * lapses unpaid (the payments schedule closed its order), its bills are free to be paid again.
 * Each item is conditional on the bill still being held by this payment, so nothing happens twice.
 * Utility payments are never refunded by the app (a bill once paid stays paid).
 */
export const utilityPaymentHooks: PaymentHooks = {
  paid: (payment, now) => paidItems(payment.paymentId, linesOf(payment.reference), now),
  closed: (payment, now) => releaseItems(payment.paymentId, linesOf(payment.reference), now),
};
