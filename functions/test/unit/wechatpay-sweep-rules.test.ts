import {
  afterNotPaid,
  firstLook,
  pendingAction,
  REFUND_RETRY_MINUTES,
  refundAction,
  refundQueryAt,
  refundRetryAt,
} from '../../src/payments/wechatpay/sweep-rules';

/** When the payments schedule looks at a payment again (WeChat Pay's own advice on queries and closing). */
const t = (iso: string) => new Date(`2020-02-10T${iso}Z`);
const minutesAfter = (from: Date, to: Date | undefined) => (to ? (to.getTime() - from.getTime()) / 60_000 : undefined);

describe('the payments schedule', () => {
  it('first looks at a pending payment after 5 minutes (a late notification), or at its expiry if sooner', () => {
    expect(firstLook(t('02:00:00'), t('02:15:00'))).toEqual(t('02:05:00'));
    expect(firstLook(t('02:00:00'), t('02:03:00'))).toEqual(t('02:03:00'));
  });

  it('closes a pending payment from its expiry on, and asks WeChat Pay before that', () => {
    expect(pendingAction(t('02:15:00'), t('02:14:59'))).toBe('reconcile');
    expect(pendingAction(t('02:15:00'), t('02:15:00'))).toBe('close');
    expect(afterNotPaid(t('02:15:00'), t('02:05:00'))).toEqual(t('02:15:00'));
    expect(afterNotPaid(t('02:15:00'), t('02:16:00'))).toEqual(t('02:17:00'));
  });

  it('asks again for a failed refund with growing pauses, then hands it to a person', () => {
    const now = t('03:00:00');
    const pauses = REFUND_RETRY_MINUTES.map((_, i) => minutesAfter(now, refundRetryAt(i + 1, now)));
    expect(pauses).toEqual([1, 2, 4, 8, 15, 30, 60]);
    expect(refundRetryAt(REFUND_RETRY_MINUTES.length + 1, now)).toBeUndefined();
  });

  it('queries a refund in flight at 1, 5, 10, 20, 30 minutes, then hourly', () => {
    const now = t('03:00:00');
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => minutesAfter(now, refundQueryAt(n, now)))).toEqual([
      1, 5, 10, 20, 30, 60, 60,
    ]);
    expect(refundAction(undefined)).toBe('request');
    expect(refundAction('50300000000000000000000000001')).toBe('query');
  });
});
