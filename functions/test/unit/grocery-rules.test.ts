import {
  CheckoutRequest,
  cityDate,
  maskName,
  maskPhone,
  MAX_LINES_PER_ORDER,
  type OrderStatus,
} from '@citycare/contract';
import {
  checkoutTransactionSize,
  deliveryTerms,
  limitExpiry,
  maxLinesFit,
  MAX_SCARCE_LINES,
  orderTotal,
  slotCondition,
} from '../../src/grocery/checkout/rules';
import { householdKey, householdLabel } from '../../src/grocery/address';
import {
  isLive,
  MAX_TRANSACTION_ITEMS,
  nextStatus,
  pickupCode,
  TRANSITIONS,
  type Action,
} from '../../src/grocery/rules';
import { mayJoinGroup } from '../../src/grocery/groups/rules';
import { overCap, refuseSlot, reservedPlaces, slotAvailability, slotIdFor } from '../../src/grocery/catalogue/rules';

const NOW = new Date('2020-02-10T02:00:00.000Z'); // 10:00 in Yingkou

describe('group orders', () => {
  it('are closed to red and yellow households (checkpoint pickup)', () => {
    expect((['green', 'unregistered', 'yellow', 'red'] as const).map(mayJoinGroup)).toEqual([true, true, false, false]);
  });
});

describe('transaction size', () => {
  it('fits the largest allowed order, with as many scarce lines as allowed, in one DynamoDB transaction', () => {
    expect(maxLinesFit()).toBe(true);
    expect(checkoutTransactionSize(MAX_LINES_PER_ORDER, MAX_SCARCE_LINES)).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
    // A scarce line takes two counters: the household's and the user's.
    expect(checkoutTransactionSize(1, 0)).toBe(5);
    expect(checkoutTransactionSize(1, 1)).toBe(7);
  });

  /** A checkout request but for its lines. */
  const checkout = {
    storeId: 'st-xingfu',
    communityId: 'zq-jianshe',
    slotId: 's202002100100',
    payment: 'prepaid',
    address: { building: '3', unit: '2', room: '501' },
    contact: { name: '王秀兰', phone: '13800000000' },
  };

  it('refuses more lines than that in the contract, with a clear message', () => {
    const lines = Array.from({ length: MAX_LINES_PER_ORDER + 1 }, (_, i) => ({ itemId: `i-${i}`, qty: 1 }));
    const parsed = CheckoutRequest.safeParse({ ...checkout, lines });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(`每单最多 ${MAX_LINES_PER_ORDER} 种商品`);
  });

  it('refuses the same item twice in one order (it would be two writes of one item)', () => {
    const parsed = CheckoutRequest.safeParse({
      ...checkout,
      lines: [
        { itemId: 'baicai', qty: 1 },
        { itemId: 'baicai', qty: 2 },
      ],
    });
    expect(parsed.success).toBe(false);
  });
});

describe('red and yellow households', () => {
  it.each(['red', 'yellow'] as const)('%s: contactless only, from the reserved places, never pickup', (colour) => {
    expect(deliveryTerms(colour, 'delivery', false)).toEqual({ contactless: true, priority: true });
    expect(deliveryTerms(colour, 'pickup', true)).toEqual({ refusal: 'priority-pickup' });
  });

  it.each(['green', 'unregistered'] as const)('%s: chooses, not from the reserved places', (colour) => {
    expect(deliveryTerms(colour, 'pickup', false)).toEqual({ contactless: false, priority: false });
    expect(deliveryTerms(colour, 'delivery', true)).toEqual({ contactless: true, priority: false });
  });
});

describe('slots', () => {
  it('reserves a share of the places, rounded down, never more than the capacity', () => {
    expect(reservedPlaces(40, 0.2)).toBe(8);
    expect(reservedPlaces(10, 0.2)).toBe(2);
    expect(reservedPlaces(4, 0.2)).toBe(0);
    expect(reservedPlaces(10, 0)).toBe(0);
    expect(reservedPlaces(10, 1.5)).toBe(10);
    expect(reservedPlaces(10, Number.NaN)).toBe(0);
  });

  const slot = { capacity: 10, reserved: 2, booked: 0, generalBooked: 0, cutoffAt: '2020-02-10T12:00:00.000Z' };

  it('keeps the reserved places for red/yellow households until the cutoff', () => {
    expect(slotAvailability(slot, NOW)).toEqual({ open: true, remaining: 8, remainingPriority: 10 });
    const generalFull = { ...slot, booked: 8, generalBooked: 8 };
    expect(slotAvailability(generalFull, NOW)).toEqual({ open: true, remaining: 0, remainingPriority: 2 });
    const priorityFirst = { ...slot, booked: 9, generalBooked: 1 };
    expect(slotAvailability(priorityFirst, NOW)).toEqual({ open: true, remaining: 1, remainingPriority: 1 });
  });

  it('offers nothing after the cutoff', () => {
    expect(slotAvailability(slot, new Date('2020-02-10T12:00:00.000Z'))).toEqual({
      open: false,
      remaining: 0,
      remainingPriority: 0,
    });
  });

  it('puts the general cap into the condition only for households that are not red/yellow', () => {
    expect(slotCondition(false)).toContain('generalBooked < generalCap');
    expect(slotCondition(true)).not.toContain('generalBooked');
    for (const p of [true, false]) expect(slotCondition(p)).toContain('cutoffAt > :now AND booked < #capacity');
  });

  it('names slots by start time so that they sort', () => {
    expect(slotIdFor('2020-02-10T01:00:00.000Z')).toBe('s202002100100');
    expect(slotIdFor('2020-02-10T01:00:00+08:00')).toBe('s202002091700');
    expect(slotIdFor('2020-02-09T23:00:00Z') < slotIdFor('2020-02-10T01:00:00Z')).toBe(true);
  });

  const start = '2020-02-11T01:00:00.000Z';
  it.each([
    [{ startsAt: start, endsAt: '2020-02-11T03:00:00.000Z', cutoffAt: '2020-02-10T12:00:00.000Z' }, null],
    [{ startsAt: start, endsAt: start, cutoffAt: '2020-02-10T12:00:00.000Z' }, 'start-before-end'],
    [
      { startsAt: start, endsAt: '2020-02-11T03:00:00.000Z', cutoffAt: '2020-02-11T02:00:00.000Z' },
      'cutoff-after-start',
    ],
    [{ startsAt: start, endsAt: '2020-02-11T03:00:00.000Z', cutoffAt: '2020-02-10T01:00:00.000Z' }, 'cutoff-passed'],
    [{ startsAt: '2020-03-11T01:00:00.000Z', endsAt: '2020-03-11T03:00:00.000Z', cutoffAt: start }, 'too-far'],
    [{ startsAt: start, endsAt: '2020-02-11T14:00:00.000Z', cutoffAt: '2020-02-10T12:00:00.000Z' }, 'too-long'],
  ])('checks a new slot %#', (input, refusal) => {
    expect(refuseSlot(input, NOW)).toBe(refusal);
  });
});

describe('prices and households', () => {
  it('refuses a price above the cap, and any price where no cap is published', () => {
    expect(overCap(500, 500)).toBe(false);
    expect(overCap(501, 500)).toBe(true);
    expect(overCap(1, undefined)).toBe(true);
  });

  it('totals lines in fen', () => {
    expect(
      orderTotal([
        { priceFen: 120, qty: 3 },
        { priceFen: 1500, qty: 2 },
      ]),
    ).toBe(3360);
    expect(orderTotal([])).toBe(0);
  });

  it('keys a household by its address in its community, ignoring case and spaces', () => {
    const a = householdKey('zq-jianshe', { building: '3', unit: '2', room: '501' });
    expect(householdKey('zq-jianshe', { building: ' 3', unit: '2 ', room: '5 01' })).toBe(a);
    expect(householdKey('zq-yingbin', { building: '3', unit: '2', room: '501' })).not.toBe(a);
    expect(householdKey('zq-jianshe', { building: 'A', unit: '1', room: '1' })).toBe(
      householdKey('zq-jianshe', { building: 'a', unit: '1', room: '1' }),
    );
    expect(householdLabel({ building: '3号楼', unit: '2', room: '501' })).toBe('3号楼 2单元 501');
  });

  it('counts limits per day in Yingkou, not UTC', () => {
    expect(cityDate(new Date('2020-02-10T15:59:59Z'))).toBe('2020-02-10');
    expect(cityDate(new Date('2020-02-10T16:00:00Z'))).toBe('2020-02-11');
    expect(limitExpiry('2020-02-10')).toBe(Date.parse('2020-02-11T16:00:00Z') / 1000);
  });
});

describe('order transitions', () => {
  const statuses: OrderStatus[] = [
    'placed',
    'accepted',
    'prepared',
    'out-for-delivery',
    'delivered',
    'cancelled',
    'rejected',
  ];
  const expected: Record<Action, Partial<Record<OrderStatus, OrderStatus>>> = {
    accept: { placed: 'accepted' },
    reject: { placed: 'rejected' },
    cancel: { placed: 'cancelled' },
    prepare: { accepted: 'prepared' },
    dispatch: { prepared: 'out-for-delivery' },
    deliver: { prepared: 'delivered', 'out-for-delivery': 'delivered' },
  };
  for (const action of Object.keys(TRANSITIONS) as Action[]) {
    it.each(statuses)(`${action} from %s`, (status) => {
      expect(nextStatus(status, action)).toBe(expected[action][status] ?? null);
    });
  }

  it('lets the store accept, reject and prepare, the worker dispatch and deliver, the resident cancel', () => {
    expect(Object.fromEntries(Object.entries(TRANSITIONS).map(([a, t]) => [a, t.by]))).toEqual({
      accept: 'store',
      reject: 'store',
      prepare: 'store',
      dispatch: 'worker',
      deliver: 'worker',
      cancel: 'owner',
    });
  });

  it('counts every order but cancelled and rejected ones on pick lists', () => {
    expect(statuses.filter(isLive)).toEqual(['placed', 'accepted', 'prepared', 'out-for-delivery', 'delivered']);
  });
});

describe('pickup codes and masking', () => {
  it('makes 6-digit codes', () => {
    expect(pickupCode(0)).toBe('000000');
    expect(pickupCode(42)).toBe('000042');
    expect(pickupCode(999_999.9)).toBe('999999');
    expect(pickupCode(1_000_001)).toBe('000001');
  });

  // One masking rule for the whole city (contract/src/common/mask.ts): grocery used to show 王**.
  it('masks names and phones', () => {
    expect(maskName('王秀兰')).toBe('王*兰');
    expect(maskName('李')).toBe('*');
    expect(maskName('  ')).toBe('*');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123')).toBe('****');
  });
});
