import { endpoint } from '../lib/http';
import { myPayment as paymentOfPayer } from './wechatpay/entry';

/** The payer back from the cashier: their own payment's status, never their word for it. */
export const myPayment = endpoint('myPayment', {}, async ({ params, caller }) => ({
  payment: await paymentOfPayer(params.paymentId, caller.userId),
}));
