import { SafeId } from '@citycare/contract';
import { newPaymentId, OUT_TRADE_NO, PAYMENT_ID_LENGTH, paymentIdFor, paymentIdTime } from '../../src/payments/ids';

/** Payment ids are WeChat Pay's out_trade_no: at most 32 characters, unguessable, sorted by time. */
describe('payment ids', () => {
  const at = new Date('2020-02-10T03:04:05.678Z');

  it('are 32 characters WeChat Pay and the API paths both take', () => {
    for (let i = 0; i < 200; i++) {
      const id = newPaymentId(at);
      expect(id).toHaveLength(PAYMENT_ID_LENGTH);
      expect(id).toMatch(OUT_TRADE_NO);
      expect(SafeId.safeParse(id).success).toBe(true);
    }
    const derived = paymentIdFor('u123', 'idem-key', '0101234567');
    expect(derived).toHaveLength(PAYMENT_ID_LENGTH);
    expect(derived).toMatch(OUT_TRADE_NO);
    expect(SafeId.safeParse(derived).success).toBe(true);
  });

  it('carry their creation time and sort by it', () => {
    const id = newPaymentId(at);
    expect(id.slice(0, 13)).toBe('P200210030405');
    expect(paymentIdTime(id)).toEqual(new Date('2020-02-10T03:04:05Z'));
    const times = ['2020-02-10T23:59:59Z', '2020-02-11T00:00:00Z', '2021-01-01T00:00:00Z', '2030-12-31T12:00:00Z'];
    const ids = times.map((t) => newPaymentId(new Date(t)));
    expect([...ids].sort()).toEqual(ids);
    expect(paymentIdTime(paymentIdFor('a'))).toBeUndefined();
  });

  it('cannot be guessed: no two alike in 20,000, and every base62 character turns up in every position', () => {
    const ids = Array.from({ length: 20_000 }, () => newPaymentId(at));
    expect(new Set(ids).size).toBe(ids.length);
    for (let position = 13; position < PAYMENT_ID_LENGTH; position++) {
      const seen = new Set(ids.map((id) => id[position]));
      expect({ position, distinct: seen.size }).toEqual({ position, distinct: 62 });
    }
  });

  it('derive the same id from the same parts, and different ones otherwise', () => {
    expect(paymentIdFor('w1', 'k1', 'a1')).toBe(paymentIdFor('w1', 'k1', 'a1'));
    expect(paymentIdFor('w1', 'k1', 'a1')).not.toBe(paymentIdFor('w1', 'k1a', '1'));
    expect(paymentIdFor('w1#k1')).not.toBe(paymentIdFor('w1', 'k1'));
    expect(() => paymentIdFor()).toThrow();
    expect(() => paymentIdFor('a', '')).toThrow();
  });
});
