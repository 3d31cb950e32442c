import { paymentIdFor } from '../../src/payments/ids';
import { bulkLine, bulkPaymentView, householdsDue } from '../../src/utility/community/rules';
import type { AccountItem, BillItem, PayLine, PaymentRecord } from '../../src/utility/items';
import {
  descriptionOf,
  fitsOneTransaction,
  holdAction,
  holdersOf,
  linesOf,
  newRecord,
  referenceOf,
  type Draft,
} from '../../src/utility/payments/rules';
import type { ReliefConfig } from '../../src/utility/rules';

/** What a WeChat Pay payment of bills pays, which payment may hold a bill, and a worker's bulk payment. */

const cfg: ReliefConfig = {
  startDate: '2020-01-24',
  endDate: '2020-06-30',
  graceDays: 30,
  coveredCompanies: ['ut-water'],
  lateFee: { basisPointsPerDay: 10, capPercent: 30 },
};
const now = new Date('2020-02-25T02:00:00Z');
const line = (accountNo: string, month: string, amountFen = 5230, lateFeeFen = 52): PayLine => ({
  billId: `${accountNo}-${month}`,
  accountNo,
  month,
  amountFen,
  lateFeeFen,
});
const draft = (extra: Partial<Draft> = {}): Draft => ({
  paymentId: 'P2002250200000000000000000000001',
  payerId: 'u1',
  purpose: 'utility-bill',
  lines: [line('0101234567', '2020-01')],
  request: 'r1',
  ...extra,
});
const account = (accountNo: string, community: string) =>
  ({ accountNo, community, companyName: '营口市自来水公司', holderName: '王秀兰', address: '建设小区' }) as AccountItem;
const bill = (accountNo: string, month: string, paid = false, payingId?: string) =>
  ({
    billId: `${accountNo}-${month}`,
    accountNo,
    month,
    amountFen: 5230,
    dueDate: '2020-02-15',
    paid,
    payingId,
  }) as BillItem;

describe('a payment’s reference (what the payments hooks settle from)', () => {
  it('round-trips its bills, account numbers with dashes too', () => {
    const lines = [line('0101234567', '2020-01'), line('A-12-345678', '2020-02', 4975, 0)];
    expect(referenceOf(lines)).toBe('0101234567:2020-01:5230:52,A-12-345678:2020-02:4975:0');
    expect(linesOf(referenceOf(lines))).toEqual(lines);
  });
  it.each(['', 'o-123', '0101234567:2020-01:5230', '0101234567:2020-01:-5:0', 'a b:2020-01:1:0'])(
    'refuses %j',
    (reference) => expect(() => linesOf(reference)).toThrow('not a utility payment reference'),
  );
});

describe('a pending payment holding some of the chosen bills', () => {
  const hold = (extra: Partial<PaymentRecord> = {}) =>
    ({ ...newRecord(draft({ paymentId: 'Pold' }), new Date(now.getTime() - 60_000)), ...extra }) as PaymentRecord;
  it('is offered again to its payer for the same bills and sums while there is time to pay', () => {
    expect(holdAction(hold(), draft(), now)).toBe('reuse');
    expect(holdAction(hold({ expiresAt: new Date(now.getTime() + 60_000).toISOString() }), draft(), now)).toBe(
      'replace',
    );
  });
  it('is replaced when its payer now pays other bills or sums, or when it has lapsed', () => {
    expect(holdAction(hold(), draft({ lines: [line('0101234567', '2020-01', 5230, 53)] }), now)).toBe('replace');
    expect(holdAction(hold({ payerId: 'worker' }), draft(), new Date(now.getTime() + 15 * 60_000))).toBe('replace');
  });
  it('makes anyone else wait (a resident and their community worker paying the same bill)', () => {
    expect(holdAction(hold({ payerId: 'worker', purpose: 'utility-bulk' }), draft(), now)).toBe('wait');
  });
  it('are listed once each, never the payment itself', () => {
    const bills = [
      bill('a', '2020-01', false, 'P1'),
      bill('a', '2020-02', false, 'P1'),
      bill('b', '2020-01', false, 'P2'),
    ];
    expect(holdersOf(bills, 'P2')).toEqual(['P1']);
    expect(holdersOf([bill('a', '2020-03')], 'P2')).toEqual([]);
  });
});

describe('a payment’s size and words', () => {
  it('fits the settling transaction (payment, record, bills, accounts) in 100 items', () => {
    const many = (accounts: number, bills: number) =>
      Array.from({ length: accounts * bills }, (_, i) =>
        line(`A${1000000 + Math.floor(i / bills)}`, `2019-${String((i % bills) + 1).padStart(2, '0')}`),
      );
    expect(fitsOneTransaction(many(20, 3))).toBe(true); // 2 + 60 + 20
    expect(fitsOneTransaction(many(20, 4))).toBe(false); // 2 + 80 + 20
  });
  it('says what is paid in WeChat’s cashier, within 127 characters', () => {
    expect(descriptionOf(newRecord(draft(), now))).toBe('生活缴费 户号0101234567');
    const bulk = newRecord(
      draft({ purpose: 'utility-bulk', lines: [line('a1', '2020-01'), line('b1', '2020-01')] }),
      now,
    );
    expect(descriptionOf(bulk)).toBe('社区代缴生活缴费 2户');
  });
  it('lapses 15 minutes after it is placed (WeChat Pay’s time_expire)', () => {
    expect(newRecord(draft(), now).expiresAt).toBe('2020-02-25T02:15:00.000Z');
  });
});

describe('a community worker’s bulk payment', () => {
  const found = [
    { account: account('a1', 'zq-jianshe'), bills: [bill('a1', '2020-01'), bill('a1', '2019-12', true)] },
    { account: account('b1', 'zq-jianshe'), bills: [bill('b1', '2020-01', true)] },
    { account: account('c1', 'zq-yingbin'), bills: [bill('c1', '2020-01')] },
  ];
  it('pays the unpaid bills of households of the worker’s community, late fees included', () => {
    const [h] = householdsDue(cfg, 'zq-jianshe', ['a1'], found, now);
    expect(h?.lines).toEqual([line('a1', '2020-01', 5230, 52)]);
    expect(bulkLine(h as NonNullable<typeof h>)).toMatchObject({
      holderMasked: '王*兰',
      bills: 1,
      principalFen: 5230,
      lateFeeFen: 52,
      amountFen: 5282,
    });
  });
  it('refuses another community’s account or an unknown one (404), and one with nothing left to pay (409)', () => {
    expect(() => householdsDue(cfg, 'zq-jianshe', ['a1', 'c1'], found, now)).toThrow(
      expect.objectContaining({ status: 404, message: '本社区没有户号 c1' }),
    );
    expect(() => householdsDue(cfg, 'zq-jianshe', ['x9'], found, now)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => householdsDue(cfg, 'zq-jianshe', ['b1'], found, now)).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });
  it('shows each household’s bills and sum; its id is the same for a retried request only', () => {
    const record = newRecord(
      draft({
        purpose: 'utility-bulk',
        community: 'zq-jianshe',
        lines: [line('a1', '2020-01'), line('a1', '2020-02', 4975, 0), line('b1', '2020-01')],
      }),
      now,
    );
    expect(bulkPaymentView(record)).toMatchObject({
      community: 'zq-jianshe',
      accounts: [
        { accountNo: 'a1', bills: 2, amountFen: 5282 + 4975 },
        { accountNo: 'b1', bills: 1, amountFen: 5282 },
      ],
      amountFen: 5282 * 2 + 4975,
    });
    const id = (key: string) => paymentIdFor('utility-bulk', 'w1', 'zq-jianshe', key);
    expect(id('k1')).toBe(id('k1'));
    expect(id('k1')).not.toBe(id('k2'));
    expect(id('k1')).toHaveLength(32);
  });
});
