import { whyNotCollected, whyNotDelivered } from '../../src/grocery/delivery/rules';

/** The delivery use case's rules (delivery/rules.ts): the confirmation at the door and 已收款. */

const NOW = new Date('2020-02-10T02:00:00.000Z'); // 10:00 in Yingkou
const later = (hours: number) => new Date(NOW.getTime() + hours * 3600_000).toISOString();

describe('a delivery confirmation that did not apply (delivery/)', () => {
  const order = {
    communityId: 'zq-jianshe',
    status: 'out-for-delivery' as const,
    pickupCode: '123456',
    readyAt: later(-1),
    paymentMethod: 'prepaid' as const,
    paymentState: 'paid',
  };
  const confirming = { communities: ['zq-jianshe'], code: '654321', deliveredAt: NOW.toISOString(), now: NOW };

  it('is a wrong code to count, or a refusal, or a lost race when the code matches', () => {
    expect(whyNotDelivered(order, confirming)).toBe('wrong-code');
    expect(whyNotDelivered(order, { ...confirming, code: '123456' })).toBe('code-matches');
    expect(whyNotDelivered(order, { ...confirming, communities: ['zq-other'] })).toMatchObject({ code: 'FORBIDDEN' });
    expect(whyNotDelivered({ ...order, status: 'delivered' }, confirming)).toMatchObject({ code: 'CONFLICT' });
    expect(whyNotDelivered({ ...order, status: 'placed' }, confirming)).toMatchObject({ code: 'CONFLICT' });
    expect(whyNotDelivered({ ...order, codeFails: 5, lastCodeFailAt: later(-0.1) }, confirming)).toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(whyNotDelivered({ ...order, readyAt: later(1) }, confirming)).toMatchObject({ code: 'UNPROCESSABLE' });
  });
});

describe('pay on delivery, collected at the door (delivery/)', () => {
  const cod = { paymentMethod: 'on-delivery' as const, paymentState: 'pending' };
  const prepaid = { paymentMethod: 'prepaid' as const, paymentState: 'paid' };

  it('is collected with the confirmation, cash or scan, and only once', () => {
    expect(whyNotCollected(cod, 'cash')).toBeNull();
    expect(whyNotCollected(cod, 'scan')).toBeNull();
    expect(whyNotCollected(cod, undefined)).toMatchObject({
      code: 'UNPROCESSABLE',
      message: expect.stringContaining('货到付款'),
    });
    expect(whyNotCollected({ ...cod, paymentState: 'paid' }, 'cash')).toMatchObject({ code: 'CONFLICT' });
  });

  it('is refused for a prepaid order, which confirms without it', () => {
    expect(whyNotCollected(prepaid, 'cash')).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('在线支付'),
    });
    expect(whyNotCollected({ ...prepaid, paymentState: 'pending' }, 'scan')).toMatchObject({ code: 'CONFLICT' });
    expect(whyNotCollected(prepaid, undefined)).toBeNull();
  });

  it('explains a refused confirmation before the pickup code is judged (a wrong code is not counted)', () => {
    const order = { communityId: 'zq-jianshe', status: 'out-for-delivery' as const, pickupCode: '123456', ...cod };
    const base = { communities: ['zq-jianshe'], code: '654321', deliveredAt: NOW.toISOString(), now: NOW };
    expect(whyNotDelivered(order, base)).toMatchObject({ code: 'UNPROCESSABLE' });
    expect(whyNotDelivered(order, { ...base, collected: 'cash' })).toBe('wrong-code');
    expect(whyNotDelivered(order, { ...base, code: '123456', collected: 'scan' })).toBe('code-matches');
    expect(whyNotDelivered(order, { ...base, communities: ['zq-other'], collected: 'cash' })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
