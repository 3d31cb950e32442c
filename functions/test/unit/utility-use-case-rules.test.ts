import type { AccountItem, BillItem, PartItem } from '../../src/utility/items';
import { linesFor, newRecord, unpaidBills } from '../../src/utility/payments/rules';
import { applicationChanges, protectedUntilKept } from '../../src/utility/relief/rules';
import { queueOrder } from '../../src/utility/repairs/rules';
import { RELIEF as cfg } from './utility-fixtures';
import { disconnectRefusal, holdText } from '../../src/utility/staff/rules';

/** The rules each utility use case adds to the shared relief rules (utility-rules.test.ts). */

const inside = new Date('2020-02-10T02:00:00Z');

const account = (accountNo: string, company: string, extra: Partial<AccountItem> = {}) =>
  ({
    accountNo,
    company,
    companyName: `${company} 公司`,
    holderName: '王秀兰',
    arrearsFen: 5830,
    household: 'u1',
    ...extra,
  }) as AccountItem;

const part = (company: string, status: PartItem['status'], accountNos: string[], extra: Partial<PartItem> = {}) =>
  ({
    company,
    status,
    hardship: '停工',
    accounts: accountNos.map((accountNo) => ({ accountNo, holderMasked: '王*兰', arrearsFen: 5830 })),
    ...extra,
  }) as PartItem;

describe('a relief application (relief/)', () => {
  it('approves covered companies by rule and protects their accounts; others wait for staff', () => {
    const changes = applicationChanges(cfg, '停工', [], [account('w1', 'ut-water'), account('p1', 'ut-power')], inside);
    expect(changes.map((c) => [c.kind, c.company, c.kind === 'new' ? c.status : ''])).toEqual([
      ['new', 'ut-water', 'approved'],
      ['new', 'ut-power', 'pending'],
    ]);
    const water = changes[0];
    expect(water?.kind === 'new' && [water.until, water.protect.map((a) => a.accountNo)]).toEqual([
      '2020-07-30T16:00:00.000Z',
      ['w1'],
    ]);
    expect(changes[0]?.accounts).toEqual([{ accountNo: 'w1', holderMasked: '王*兰', arrearsFen: 5830 }]);
  });
  it('applying again changes nothing new, covers accounts linked since, and amends a pending part', () => {
    const until = '2020-07-30T16:00:00.000Z';
    const parts = [
      part('ut-water', 'approved', ['w1'], { protectedUntil: until }),
      part('ut-power', 'pending', ['p1']),
    ];
    const same = [account('w1', 'ut-water'), account('p1', 'ut-power')];
    expect(applicationChanges(cfg, '停工', parts, same, inside)).toEqual([]);
    const more = [...same, account('w2', 'ut-water')];
    const [cover] = applicationChanges(cfg, '停工', parts, more, inside);
    expect(cover?.kind === 'cover' && [cover.until, cover.protect.map((a) => a.accountNo)]).toEqual([until, ['w2']]);
    expect(applicationChanges(cfg, '失业', parts, same, inside).map((c) => c.kind)).toEqual(['amend']);
  });
  it('applies anew for a company that rejected the household', () => {
    const changes = applicationChanges(
      cfg,
      '停工',
      [part('ut-power', 'rejected', ['p1'])],
      [account('p1', 'ut-power')],
      inside,
    );
    expect(changes.map((c) => c.kind)).toEqual(['new']);
  });
  it('never shortens protection an account already has', () => {
    expect(protectedUntilKept('2020-09-01T00:00:00.000Z', '2020-07-30T16:00:00.000Z')).toBe('2020-09-01T00:00:00.000Z');
    expect(protectedUntilKept(undefined, '2020-07-30T16:00:00.000Z')).toBe('2020-07-30T16:00:00.000Z');
  });
});

describe('a disconnection refused by its condition (staff/)', () => {
  const now = new Date('2020-07-01T00:00:00Z');
  it('is not found for another company’s account or none, and protected while protection lasts', () => {
    expect(disconnectRefusal(undefined, 'ut-water', now, cfg)).toBe('not-found');
    expect(disconnectRefusal({ company: 'ut-gas' }, 'ut-water', now, cfg)).toBe('not-found');
    expect(
      disconnectRefusal({ company: 'ut-water', protectedUntil: '2020-07-30T16:00:00.000Z' }, 'ut-water', now, cfg),
    ).toBe('protected');
  });
  it('is the relief window for every household inside it, applied or not', () => {
    expect(disconnectRefusal({ company: 'ut-water' }, 'ut-water', inside, cfg)).toBe('window');
    expect(
      disconnectRefusal({ company: 'ut-water', protectedUntil: '2020-07-30T16:00:00.000Z' }, 'ut-water', inside, cfg),
    ).toBe('window');
    expect(disconnectRefusal({ company: 'ut-gas' }, 'ut-water', inside, cfg)).toBe('not-found');
  });
  it('is already off otherwise (protection over, or none)', () => {
    expect(
      disconnectRefusal({ company: 'ut-water', protectedUntil: '2020-06-30T00:00:00.000Z' }, 'ut-water', now, cfg),
    ).toBe('already-off');
    expect(disconnectRefusal({ company: 'ut-water' }, 'ut-water', now, cfg)).toBe('already-off');
  });
  it('tells staff why, with the last day the hold lasts', () => {
    expect(holdText({ why: 'window', until: '2020-06-30T16:00:00.000Z' })).toBe(
      '关阀已暂停：救济期内（至 6月30日）不得因欠费关阀',
    );
    expect(holdText({ why: 'relief', until: '2020-07-30T16:00:00.000Z' })).toBe(
      '关阀已暂停：该户已获救济，保护至 7月30日',
    );
  });
});

describe('a payment (payments/)', () => {
  const bill = (month: string, paid = false) =>
    ({ billId: `a-${month}`, month, amountFen: 10000, dueDate: `${month}-15`, paid }) as BillItem;
  it('pays each bill with its late fee', () => {
    const lines = linesFor(cfg, account('a', 'ut-power'), [bill('2020-01')], new Date('2020-01-25T02:00:00Z'));
    const record = newRecord(
      { paymentId: 'P1', payerId: 'u1', purpose: 'utility-bill', lines, request: 'r' },
      new Date('2020-01-25T02:00:00Z'),
    );
    expect(record.bills).toEqual([
      { billId: 'a-2020-01', accountNo: 'a', month: '2020-01', amountFen: 10000, lateFeeFen: 100 },
    ]);
    expect([record.amountFen, record.status]).toEqual([10100, 'pending']);
  });
  it('refuses bills the account does not have (404) or has paid (409)', () => {
    const bills = [bill('2020-01', true), bill('2020-02')];
    expect(unpaidBills(bills).map((b) => b.month)).toEqual(['2020-02']);
    expect(() => unpaidBills(bills, ['a-2019-12'])).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => unpaidBills(bills, ['a-2020-01'])).toThrow(expect.objectContaining({ status: 409 }));
  });
});

describe('the repair queue (repairs/)', () => {
  it('puts urgent open requests first, then open ones, then fixed ones; oldest first within each', () => {
    const r = (id: string, status: string, urgency: string, createdAt: string) => ({ id, status, urgency, createdAt });
    const queue = [
      r('fixed', 'fixed', 'urgent', '2020-02-01'),
      r('late', 'received', 'normal', '2020-02-03'),
      r('early', 'submitted', 'normal', '2020-02-02'),
      r('urgent', 'submitted', 'urgent', '2020-02-04'),
    ].sort(queueOrder);
    expect(queue.map((x) => x.id)).toEqual(['urgent', 'early', 'late', 'fixed']);
  });
});
