import type { StoreSummary } from '@citycare/contract';
import { newSlotItem, refuseStore } from '../../src/grocery/catalogue/rules';
import { checkoutTerms, priceLines, type CatalogueRow } from '../../src/grocery/checkout/rules';
import {
  groupOrder,
  groupOrderId,
  liveShares,
  openTerms,
  refuseJoin,
  refusePayShare,
  type GroupItem,
  type ShareItem,
} from '../../src/grocery/groups/rules';
import { refusePay, whyNoStep } from '../../src/grocery/orders/rules';
import { sharePaymentState } from '../../src/grocery/groups/views';
import { SHARE_PAY_MINUTES, sharePayment } from '../../src/grocery/paying/share-hooks';
import { paymentStateOf } from '../../src/grocery/views';
import { allowed, refuse } from '../../src/grocery/refusals';
import {
  explainLostRace,
  heldByShare,
  heldCounters,
  refuseRelease,
  releasedGroupPaymentState,
  releasedPaymentState,
} from '../../src/grocery/release/rules';
import { notNowMessage } from '../../src/grocery/rules';

/** The rules each grocery use case adds to the shared ones (grocery-rules.test.ts). */

const NOW = new Date('2020-02-10T02:00:00.000Z'); // 10:00 in Yingkou
const later = (hours: number) => new Date(NOW.getTime() + hours * 3600_000).toISOString();
const store: StoreSummary = { storeId: 'st-xingfu', name: '幸福便民超市', district: '站前区', serves: ['zq-jianshe'] };

describe('refusals', () => {
  it('throw a rule’s refusal as the caller’s error, and pass what a rule allowed', () => {
    expect(() => refuse({ code: 'CONFLICT', message: '不行' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => refuse(null)).not.toThrow();
    expect(allowed({ lines: [] })).toEqual({ lines: [] });
    expect(() => allowed({ code: 'NOT_FOUND', message: '没有' })).toThrow('没有');
  });
});

describe('the catalogue (catalogue/)', () => {
  it('takes orders and groups only for a store that serves the community', () => {
    expect(refuseStore(undefined, 'zq-jianshe')).toMatchObject({ code: 'NOT_FOUND' });
    expect(refuseStore(store, 'zq-other')).toEqual({ code: 'UNPROCESSABLE', message: '幸福便民超市 不给这个社区配送' });
    expect(refuseStore(store, 'zq-jianshe')).toBeNull();
  });

  it('makes a new slot with the red/yellow share held back and nothing booked', () => {
    const slot = newSlotItem(
      'st-xingfu',
      { startsAt: later(48), endsAt: later(50), cutoffAt: later(36), capacity: 10 },
      0.2,
    );
    expect(slot).toMatchObject({ pk: 'STORE#st-xingfu', capacity: 10, reserved: 2, generalCap: 8, booked: 0 });
    expect(slot.sk).toBe(`SLOT#${slot.slotId}`);
  });
});

describe('checkout (checkout/)', () => {
  const order = { fulfilment: 'delivery' as const, contactless: false, communityId: 'zq-jianshe' };
  const slot = { cutoffAt: later(2) };

  it('gives red and yellow households contactless delivery from the reserved places', () => {
    expect(checkoutTerms('green', order, store, slot, NOW)).toMatchObject({ contactless: false, priority: false });
    expect(checkoutTerms('red', order, store, slot, NOW)).toMatchObject({
      contactless: true,
      priority: true,
      store,
      slot,
    });
    expect(checkoutTerms('yellow', { ...order, fulfilment: 'pickup' }, store, slot, NOW)).toMatchObject({
      code: 'UNPROCESSABLE',
    });
  });

  it('refuses a store that does not serve the community, a missing slot and a slot past its cutoff', () => {
    expect(checkoutTerms('green', { ...order, communityId: 'zq-other' }, store, slot, NOW)).toMatchObject({
      code: 'UNPROCESSABLE',
    });
    expect(checkoutTerms('green', order, undefined, slot, NOW)).toMatchObject({ code: 'NOT_FOUND' });
    expect(checkoutTerms('green', order, store, undefined, NOW)).toMatchObject({ code: 'NOT_FOUND' });
    expect(checkoutTerms('green', order, store, { cutoffAt: NOW.toISOString() }, NOW)).toEqual({
      code: 'UNPROCESSABLE',
      message: '这个时段已过截单时间，请选择其他时段',
    });
  });

  it('prices lines from the catalogue and refuses unknown items and quantities over a household limit', () => {
    const row = (itemId: string, dailyLimit?: number): CatalogueRow => ({
      itemId,
      name: itemId === 'jidan' ? '鸡蛋' : '大白菜',
      unit: '斤',
      category: 'vegetables',
      priceFen: 120,
      stock: 100,
      ...(dailyLimit !== undefined ? { dailyLimit } : {}),
    });
    const items = new Map([
      ['baicai', row('baicai')],
      ['jidan', row('jidan', 2)],
    ]);
    const line = (itemId: string, qty: number) => ({ itemId, qty, substitution: 'none' as const });
    expect(priceLines([line('baicai', 3), line('jidan', 2)], items)).toEqual({
      lines: [
        expect.objectContaining({ itemId: 'baicai', qty: 3, lineFen: 360 }),
        expect.objectContaining({ itemId: 'jidan', qty: 2, lineFen: 240, dailyLimit: 2 }),
      ],
    });
    expect(priceLines([line('tudou', 1)], items)).toMatchObject({ code: 'NOT_FOUND' });
    expect(priceLines([line('jidan', 3)], items)).toEqual({ code: 'UNPROCESSABLE', message: '鸡蛋 每户每天限购 2斤' });
  });
});

describe('group orders (groups/)', () => {
  const body = { communityId: 'zq-jianshe', cutoffAt: later(1) };

  it('open for a serving store, closing after now and no later than the slot’s own cutoff', () => {
    expect(openTerms(store, { cutoffAt: later(2) }, body, NOW)).toEqual({ store });
    expect(openTerms(store, undefined, body, NOW)).toMatchObject({ code: 'NOT_FOUND' });
    expect(openTerms(store, { cutoffAt: later(2) }, { ...body, cutoffAt: later(-1) }, NOW)).toMatchObject({
      code: 'UNPROCESSABLE',
    });
    expect(openTerms(store, { cutoffAt: later(2) }, { ...body, cutoffAt: later(3) }, NOW)).toMatchObject({
      code: 'UNPROCESSABLE',
    });
  });

  it('take members while open and before the cutoff; a share is paid once, and not once released', () => {
    expect(refuseJoin({ status: 'open', cutoffAt: later(1) }, NOW)).toBeNull();
    expect(refuseJoin({ status: 'open', cutoffAt: later(-1) }, NOW)).toMatchObject({ code: 'UNPROCESSABLE' });
    expect(refuseJoin({ status: 'closed', cutoffAt: later(1) }, NOW)).toMatchObject({ code: 'UNPROCESSABLE' });
    expect(refusePayShare({ paid: false })).toBeNull();
    expect(refusePayShare({ paid: true })).toMatchObject({ code: 'CONFLICT' });
    expect(refusePayShare({ paid: false, released: true })).toMatchObject({ code: 'CONFLICT' });
    expect(refusePayShare({ paid: false, paymentState: 'pending' })).toBeNull();
    expect(refusePayShare({ paid: false, paymentState: 'cancelled' })).toMatchObject({ code: 'CONFLICT' });
  });

  it('keep only the shares still in the group; a group order’s id is made from the group’s', () => {
    expect(liveShares([{ id: 1 }, { id: 2, released: true }, { id: 3, released: false }])).toEqual([
      { id: 1 },
      { id: 3, released: false },
    ]);
    expect(groupOrderId('g2602031a2b3c4d5e')).toBe('o2602031a2b3c4d5e');
  });

  it('give a share until 15 minutes after joining to pay, never past the cutoff', () => {
    const at = (cutoffHours: number) =>
      sharePayment(
        {
          groupId: 'g1',
          memberId: 'm1',
          userId: 'u1',
          paymentId: 'P1',
          totalFen: 300,
          lines: [],
        } as unknown as ShareItem,
        {
          groupId: 'g1',
          storeId: 'st-xingfu',
          storeName: '幸福便民超市',
          label: '3号楼',
          cutoffAt: later(cutoffHours),
        } as GroupItem,
        NOW,
      );
    expect(at(2)).toMatchObject({
      purpose: 'grocery-share',
      reference: 'g1',
      amountFen: 300,
      expiresAt: new Date(NOW.getTime() + SHARE_PAY_MINUTES * 60_000).toISOString(),
      share: { groupId: 'g1', memberId: 'm1', storeId: 'st-xingfu', totalFen: 300 },
    });
    expect(at(0.1).expiresAt).toBe(later(0.1));
  });

  it('show a group order refunded once none of its households’ refunds is in flight', () => {
    expect(paymentStateOf({ kind: 'group', paymentState: 'refunding', refundsPending: 1 })).toBe('refunding');
    expect(paymentStateOf({ kind: 'group', paymentState: 'refunding', refundsPending: 0 })).toBe('refunded');
    expect(paymentStateOf({ kind: 'single', paymentState: 'refunding', refundsPending: 0 })).toBe('refunding');
    expect(paymentStateOf({ kind: 'group', paymentState: 'refunding' })).toBe('refunding');
    expect(sharePaymentState({ paid: false, paymentState: 'refunded' })).toBe('refunded');
    expect(sharePaymentState({ paid: true, released: true })).toBe('paid');
    expect(sharePaymentState({ paid: false, released: true })).toBe('cancelled');
    expect(sharePaymentState({ paid: false })).toBe('pending');
  });

  it('close into one order picked up at the checkpoint, its id made from the group’s', () => {
    const group: GroupItem = {
      groupId: 'g1',
      storeId: 'st-xingfu',
      storeName: '幸福便民超市',
      communityId: 'zq-jianshe',
      slotId: 's202002120100',
      label: '建设社区3号楼',
      cutoffAt: later(-1),
      status: 'open',
      memberCount: 2,
      totalFen: 600,
      createdBy: 'worker-1',
      contact: { name: '李建国', phone: '13900001111' },
      createdAt: later(-5),
    };
    const line = { itemId: 'baicai', name: '大白菜', unit: '斤', category: 'vegetables' as const, priceFen: 100 };
    const share = (memberId: string, household: string, qty: number, paid: boolean): ShareItem => ({
      groupId: 'g1',
      memberId,
      userId: `u-${memberId}`,
      paymentId: `pay-g1-${memberId}`,
      household,
      contactName: '王秀兰',
      lines: [{ ...line, qty, substitution: 'none', lineFen: 100 * qty, dailyLimit: 5 }],
      totalFen: 100 * qty,
      paid,
      createdAt: later(-2),
    });
    const slot = { startsAt: later(48), endsAt: later(50) };
    const ids = { pickupCode: '000123' };
    const order = groupOrder(group, [share('m2', '10号楼', 2, true), share('m1', '3号楼', 1, true)], slot, ids, NOW);
    expect(order).toMatchObject({
      kind: 'group',
      fulfilment: 'pickup',
      contactless: true,
      general: true,
      totalFen: 300,
      paymentState: 'paid',
      slotStartsAt: slot.startsAt,
      orderId: groupOrderId('g1'),
    });
    expect(order.lines).toEqual([expect.objectContaining({ itemId: 'baicai', qty: 3, lineFen: 300 })]);
    expect(order.lines[0]).not.toHaveProperty('dailyLimit');
    expect(order.breakdown?.map((s) => s.household)).toEqual(['3号楼', '10号楼']);
    expect(groupOrder(group, [share('m1', '3号楼', 1, false)], slot, ids, NOW).paymentState).toBe('pending');
  });
});

describe('releasing an order (release/)', () => {
  it('only before the store accepts it', () => {
    expect(refuseRelease('placed', 'cancel')).toBeNull();
    expect(refuseRelease('accepted', 'cancel')).toEqual({
      code: 'CONFLICT',
      message: notNowMessage('accepted', 'cancel'),
    });
    expect(notNowMessage('accepted', 'reject')).toMatch(/^订单.+，不能拒单$/);
  });

  it('gives back the counters of the household and, when counted, of the user', () => {
    const lines = [
      { itemId: 'jidan', qty: 2, dailyLimit: 2 },
      { itemId: 'baicai', qty: 3 },
    ];
    expect(heldCounters(lines, '2020-02-10', 'h1', 'u1', true)).toEqual([
      { day: '2020-02-10', household: 'h1', itemId: 'jidan', qty: 2 },
      { day: '2020-02-10', household: 'USER#u1', itemId: 'jidan', qty: 2 },
    ]);
    expect(heldCounters(lines, '2020-02-10', 'h1', 'u1', undefined)).toHaveLength(1);
    expect(heldByShare({ lines, userId: 'u1' })).toEqual([]);
  });

  it('ends in refunded when paid and cancelled when pending; a group in refunded when any household paid', () => {
    expect(releasedPaymentState('paid')).toBe('refunded');
    expect(releasedPaymentState('pending')).toBe('cancelled');
    expect(releasedGroupPaymentState([{ paid: false }, { paid: true }])).toBe('refunded');
    expect(releasedGroupPaymentState([{ paid: false }])).toBe('cancelled');
  });

  it('says what changed when it lost a race', () => {
    const order = { status: 'placed' as const, paymentState: 'pending' as const, kind: 'single' as const };
    expect(explainLostRace(order, { status: 'accepted', paymentState: 'pending' }, 'cancel')).toMatchObject({
      message: notNowMessage('accepted', 'cancel'),
    });
    expect(explainLostRace(order, { status: 'placed', paymentState: 'paid' }, 'cancel')).toMatchObject({
      code: 'CONFLICT',
    });
    expect(explainLostRace(order, { status: 'placed', paymentState: 'pending' }, 'cancel')).toBeNull();
    expect(explainLostRace({ ...order, kind: 'group' }, undefined, 'reject')).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('an order’s steps and payment (orders/)', () => {
  const order = { status: 'placed' as const, storeId: 'st-xingfu', communityId: 'zq-jianshe' };

  it('explain a step that did not apply: gone, not the caller’s, or not now', () => {
    expect(whyNoStep(undefined, 'accept', ['st-xingfu'])).toMatchObject({ code: 'NOT_FOUND' });
    expect(whyNoStep(order, 'accept', ['st-other'])).toMatchObject({ code: 'FORBIDDEN' });
    expect(whyNoStep(order, 'dispatch', ['zq-jianshe'])).toEqual({
      code: 'CONFLICT',
      message: notNowMessage('placed', 'dispatch'),
    });
  });

  it('take a payment once, and never for a cancelled or rejected order', () => {
    expect(refusePay({ status: 'placed', paymentState: 'pending' })).toBeNull();
    expect(refusePay({ status: 'accepted', paymentState: 'paid' })).toMatchObject({ code: 'CONFLICT' });
    expect(refusePay({ status: 'rejected', paymentState: 'pending' })).toMatchObject({ code: 'CONFLICT' });
  });
});
