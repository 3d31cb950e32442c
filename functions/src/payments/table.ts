import { requireEnv } from '../lib/env';

/** The payments table and its key: one item per payment, whatever the provider. */
export const paymentsTable = () => requireEnv('TABLE_PAYMENTS');
export const paymentKey = (paymentId: string) => ({ pk: `PAYMENT#${paymentId}` });
