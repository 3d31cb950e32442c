import { breakdown, consolidate } from '../../src/grocery/groups/rules';
import { naturalCompare, priorityFirst, totalsPerItem } from '../../src/grocery/rules';
import { pickList, type PickOrder } from '../../src/grocery/orders/rules';
import { nothingWasDone as isRetryableError } from '../../src/lib/faults';
import { explainCancellation, type Tag } from '../../src/grocery/refusals';
import { orderView, type OrderItem } from '../../src/grocery/views';

const line = (itemId: string, qty: number, priceFen = 100) => ({
  itemId,
  name: itemId === 'baicai' ? '大白菜' : itemId,
  unit: '斤',
  category: 'vegetables' as const,
  priceFen,
  qty,
  substitution: 'none' as const,
  lineFen: priceFen * qty,
});

const order = (
  orderId: string,
  communityId: string,
  building: string,
  unit: string,
  room: string,
  lines = [line('baicai', 1)],
): PickOrder => ({
  orderId,
  communityId,
  address: { building, unit, room },
  contactName: '王*兰',
  contactless: true,
  priority: false,
  status: 'accepted',
  lines,
});

describe('pick lists', () => {
  it('totals each item over the slot, largest first', () => {
    expect(totalsPerItem([line('baicai', 2), line('jidan', 5), line('baicai', 4)])).toEqual([
      { itemId: 'baicai', name: '大白菜', unit: '斤', qty: 6 },
      { itemId: 'jidan', name: 'jidan', unit: '斤', qty: 5 },
    ]);
  });

  it('groups the printable list by community, building and unit, in natural order, without cancelled orders', () => {
    const list = pickList([
      order('o1', 'zq-jianshe', '10', '1', '101'),
      order('o2', 'zq-jianshe', '2', '1', '502'),
      order('o3', 'zq-jianshe', '2', '1', '101'),
      order('o4', 'zq-yingbin', '1', '3', '301'),
      { ...order('o5', 'zq-jianshe', '2', '1', '201'), status: 'cancelled' },
    ]);
    expect(list.orderCount).toBe(4);
    expect(list.totals).toEqual([{ itemId: 'baicai', name: '大白菜', unit: '斤', qty: 4 }]);
    expect(list.communities.map((c) => c.communityId)).toEqual(['zq-jianshe', 'zq-yingbin']);
    const jianshe = list.communities[0]!;
    expect(jianshe.buildings.map((b) => b.building)).toEqual(['2', '10']);
    expect(jianshe.buildings[0]!.units[0]!.orders.map((o) => o.room)).toEqual(['101', '502']);
  });

  it('lists 隔离户优先 orders first: their ids on top, and first within their unit', () => {
    const list = pickList([
      order('o1', 'zq-jianshe', '2', '1', '101'),
      { ...order('o2', 'zq-jianshe', '2', '1', '502'), priority: true },
      { ...order('o3', 'zq-yingbin', '1', '3', '301'), priority: true },
      { ...order('o4', 'zq-yingbin', '1', '3', '302'), priority: true, status: 'cancelled' },
    ]);
    expect(list.priorityOrderIds).toEqual(['o2', 'o3']);
    const unit = list.communities[0]!.buildings[0]!.units[0]!;
    expect(unit.orders.map((o) => [o.orderId, o.priority])).toEqual([
      ['o2', true],
      ['o1', false],
    ]);
  });

  it('does not pick dropped lines', () => {
    const dropped = { ...line('jidan', 2), dropped: true, lineFen: 0 };
    const list = pickList([order('o1', 'zq-jianshe', '2', '1', '101', [line('baicai', 1), dropped])]);
    expect(list.totals.map((t) => t.itemId)).toEqual(['baicai']);
    expect(list.communities[0]!.buildings[0]!.units[0]!.orders[0]!.lines.map((l) => l.name)).toEqual(['大白菜']);
  });

  it('puts priority orders first within each slot, keeping the slots and the rest in order', () => {
    const o = (id: string, slotId: string, priority: boolean) => ({ id, slotId, priority });
    const listed = [
      o('a', 's1', false),
      o('b', 's1', true),
      o('c', 's1', false),
      o('d', 's2', false),
      o('e', 's2', true),
    ];
    expect(priorityFirst(listed, (x) => x.slotId).map((x) => x.id)).toEqual(['b', 'a', 'c', 'e', 'd']);
    expect(priorityFirst(listed).map((x) => x.id)).toEqual(['b', 'e', 'a', 'c', 'd']);
  });

  it('sorts numbers naturally', () => {
    expect(['10', '2', '1'].sort(naturalCompare)).toEqual(['1', '2', '10']);
  });
});

describe('group orders', () => {
  const shares = [
    {
      memberId: 'm1',
      household: '3号楼 1单元 201',
      contactName: '王秀兰',
      lines: [line('baicai', 2), line('jidan', 1, 450)],
      totalFen: 650,
      paid: true,
    },
    {
      memberId: 'm2',
      household: '1号楼 2单元 101',
      contactName: '刘德福',
      lines: [line('baicai', 3)],
      totalFen: 300,
      paid: false,
    },
  ];

  it('consolidates every household into one line per item and price', () => {
    expect(consolidate(shares)).toEqual([line('baicai', 5), line('jidan', 1, 450)]);
  });

  it('orders the breakdown by household for handing out', () => {
    expect(breakdown(shares).map((s) => s.memberId)).toEqual(['m2', 'm1']);
  });
});

describe('transaction refusals', () => {
  const now = new Date('2020-02-10T02:00:00Z');
  const tags: Tag[] = [
    { kind: 'stock', name: '大白菜', unit: '斤', priceFen: 120 },
    { kind: 'limit', per: 'household', name: '口罩', unit: '包', dailyLimit: 2, qty: 1 },
    { kind: 'slot', priority: false },
    { kind: 'order' },
    { kind: 'payment' },
    { kind: 'idempotency' },
  ];
  const failAt = (i: number, old?: Record<string, unknown>) =>
    tags.map((_, j) => (j === i ? { code: 'ConditionalCheckFailed', old } : { code: 'None' }));

  it('names the item that ran out, with what is left', () => {
    expect(explainCancellation(failAt(0, { stock: 3, priceFen: 120 }), tags, now)).toEqual({
      code: 'CONFLICT',
      message: '大白菜 库存不足，只剩 3斤',
    });
    expect(explainCancellation(failAt(0, { stock: 0, priceFen: 120 }), tags, now)).toEqual({
      code: 'CONFLICT',
      message: '大白菜 已经卖完了',
    });
    expect(explainCancellation(failAt(0, { stock: 9, priceFen: 150 }), tags, now)).toMatchObject({ code: 'CONFLICT' });
    expect(explainCancellation(failAt(0), tags, now)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses over the household limit with 422', () => {
    expect(explainCancellation(failAt(1, { n: 2 }), tags, now)).toEqual({
      code: 'UNPROCESSABLE',
      message: '口罩 每户每天限购 2包，您家今天已买 2包',
    });
  });

  it('refuses over the same limit counted per user with 422, saying so', () => {
    const perUser: Tag[] = [{ kind: 'limit', per: 'user', name: '口罩', unit: '包', dailyLimit: 2, qty: 1 }];
    expect(explainCancellation([{ code: 'ConditionalCheckFailed', old: { n: 2 } }], perUser, now)).toEqual({
      code: 'UNPROCESSABLE',
      message: '口罩 每户每天限购 2包，每人每天也只能买这么多，您今天已买 2包',
    });
  });

  it('tells a full slot (409) from a slot past its cutoff (422)', () => {
    expect(explainCancellation(failAt(2, { cutoffAt: '2020-02-10T12:00:00Z' }), tags, now)).toMatchObject({
      code: 'CONFLICT',
    });
    expect(explainCancellation(failAt(2, { cutoffAt: '2020-02-10T01:00:00Z' }), tags, now)).toMatchObject({
      code: 'UNPROCESSABLE',
    });
  });

  it('replays when the idempotency record exists, whatever else failed', () => {
    const reasons = failAt(5);
    reasons[0] = { code: 'ConditionalCheckFailed', old: { stock: 0, priceFen: 120 } };
    expect(explainCancellation(reasons, tags, now)).toEqual({ replay: true });
  });

  it('answers a retryable TRY_AGAIN on a transaction conflict', () => {
    const reasons = tags.map(() => ({ code: 'None' }));
    reasons[2] = { code: 'TransactionConflict' };
    expect(explainCancellation(reasons, tags, now)).toMatchObject({ code: 'TRY_AGAIN' });
    expect(isRetryableError({ name: 'TransactionConflictException' })).toBe(true);
    expect(isRetryableError({ name: 'ValidationException' })).toBe(false);
  });
});

describe('order views', () => {
  const item: OrderItem = {
    orderId: 'o1',
    kind: 'single',
    userId: 'u1',
    household: 'zq-jianshe/3/2/501',
    day: '2020-02-10',
    storeId: 'st-xingfu',
    storeName: '幸福便民超市',
    communityId: 'zq-jianshe',
    slotId: 's202002110100',
    slotStartsAt: '2020-02-11T01:00:00.000Z',
    slotEndsAt: '2020-02-11T03:00:00.000Z',
    general: true,
    fulfilment: 'delivery',
    contactless: true,
    priority: false,
    address: { building: '3', unit: '2', room: '501' },
    contact: { name: '王秀兰', phone: '13812345678' },
    lines: [{ ...line('kouzhao', 1, 1500), dailyLimit: 2 }],
    totalFen: 1500,
    paymentMethod: 'prepaid',
    paymentState: 'pending',
    paymentId: 'pay-o1',
    status: 'placed',
    timeline: [{ status: 'placed', at: '2020-02-10T02:00:00.000Z' }],
    pickupCode: '123456',
    createdAt: '2020-02-10T02:00:00.000Z',
  };

  it('shows the resident their pickup code and contact', () => {
    const v = orderView(item, 'owner');
    expect(v.pickupCode).toBe('123456');
    expect(v.contact).toEqual({ name: '王秀兰', phone: '13812345678' });
    expect(v.lines[0]).not.toHaveProperty('dailyLimit');
  });

  it('masks the contact and hides the pickup code from staff, keeping the address delivery needs', () => {
    const v = orderView(item, 'staff');
    expect(v.pickupCode).toBeUndefined();
    expect(v.contact).toEqual({ name: '王*兰', phone: '138****5678' });
    expect(v.address).toEqual({ building: '3', unit: '2', room: '501' });
  });
});
