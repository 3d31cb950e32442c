import { groceryOrderHooks } from '../grocery/paying/hooks';
import { utilityPaymentHooks } from '../utility/payments/hooks';
import { groceryShareHooks } from '../grocery/paying/share-hooks';
import type { PaymentPurpose } from './provider';
import { onPayment, type PaymentHooks } from './wechatpay/flows';

/**
 * What each purpose's domain writes when one of its WeChat Pay payments is paid, closed unpaid,
 * refunded or its refund fails: the hooks the notify route, the payer's check and the payments
 * schedule run with. Every payments function imports this before it handles anything.
 *
 * A domain adds its entry once it creates WeChat Pay payments (issue 11), e.g.
 * `'grocery-order': groceryOrderPaymentHooks`. A purpose without hooks settles, lapses and
 * refunds on the payment's own row only.
 */
const HOOKS: Partial<Record<PaymentPurpose, PaymentHooks>> = {
  'grocery-order': groceryOrderHooks,
  'utility-bill': utilityPaymentHooks,
  'utility-bulk': utilityPaymentHooks,
  'grocery-share': groceryShareHooks,
};

for (const [purpose, hooks] of Object.entries(HOOKS)) onPayment(purpose as PaymentPurpose, hooks);
