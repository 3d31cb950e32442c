import { randomInt } from 'node:crypto';
import { handleNotification } from '../../src/payments/wechatpay/flows';
import { notificationBody, signBody } from '../../../scripts/lib/wechatpay-sim-notify';
import { simKeysFrom } from '../../../scripts/lib/wechatpay-sim-local';

/**
 * Driving the WeChat Pay simulator the global setup runs (its notifications go to the real
 * notify function): the cashier's buttons, a replay of its last notification, and a notification
 * signed with its real keys that says what an attacker wants it to say.
 */
const simUrl = () => process.env.WECHATPAY_SIM_URL ?? '';

/** Polls until `check` holds (the simulator's notification arrives on its own), at most 6 s. */
export async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 60 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
}

/** The simulated cashier's 确认支付 (or 取消) for the `requestPayment` parameters the API gave. */
export const cashier = (clientParams: Record<string, string> | undefined, action: 'confirm' | 'cancel' = 'confirm') =>
  fetch(`${simUrl()}/sim/pay/${(clientParams?.package ?? '').replace('prepay_id=', '')}`, {
    method: 'POST',
    body: JSON.stringify({ action }),
  });

/** WeChat Pay sends its last notification about a paid order again. */
export const replayNotification = (paymentId: string) =>
  fetch(`${simUrl()}/sim/notify/${paymentId}`, { method: 'POST', body: JSON.stringify({ variant: 'replay' }) });

/** A genuinely signed and encrypted TRANSACTION.SUCCESS for `paymentId` paid with `amountFen`. */
export async function notifyPaid(paymentId: string, amountFen: number) {
  const keys = simKeysFrom(process.env.LOCAL_KEYS_DIR ?? '');
  const tx = {
    appid: process.env.WECHAT_APP_ID,
    mchid: process.env.WECHATPAY_MCH_ID,
    out_trade_no: paymentId,
    transaction_id: `42000${randomInt(1e9, 9e9)}`,
    trade_state: 'SUCCESS',
    success_time: new Date().toISOString(),
    payer: { openid: 'o-someone' },
    amount: { total: amountFen, payer_total: amountFen, currency: 'CNY' },
  };
  const now = new Date();
  const message = signBody(
    keys.platform,
    notificationBody(keys.apiV3Key, 'TRANSACTION.SUCCESS', 'transaction', tx, now),
    now,
  );
  return handleNotification(message.headers, message.body);
}
