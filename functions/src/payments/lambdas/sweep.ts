import '../wiring';
import { log } from '../../lib/log';
import { sweepPayments, type SweepSummary } from '../wechatpay/sweep';

/**
 * Scheduled (EventBridge; serverless-offline's timer locally): closes unpaid WeChat Pay orders
 * past their time_expire, settles payments whose notification is late, and asks again for
 * refunds. A failure to list the due payments fails the invocation (the function's error alarm).
 */
export async function handler(): Promise<SweepSummary> {
  const summary = await sweepPayments();
  if (Object.values(summary).some((n) => n > 0)) log.info('payments sweep', { ...summary });
  return summary;
}
