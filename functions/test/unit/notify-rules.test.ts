import {
  characters,
  creditsFromReport,
  messageFor,
  sendOutcome,
  TEMPLATE_FIELDS,
  thing,
  tokenFresh,
  TOKEN_MARGIN_SECONDS,
  wechatTime,
} from '../../src/notify/rules';

/** Which stored change becomes which subscribe message (functions/src/notify/rules.ts). */
const AT = '2020-02-10T01:05:00.000Z'; // 09:05 in the city
const order = (status: string) => ({
  pk: 'ORDER#o123',
  sk: 'ORDER',
  orderId: 'o123',
  userId: 'u-resident',
  storeName: '幸福便民超市',
  status,
});

describe('messageFor', () => {
  it.each([
    ['placed', 'accepted', '商户已接单', 'orderAccepted'],
    ['prepared', 'out-for-delivery', '配送中', 'orderOnTheWay'],
    ['out-for-delivery', 'delivered', '已送达', 'orderDelivered'],
  ] as const)('tells the resident an order went from %s to %s', (from, to, label, topic) => {
    const m = messageFor(order(from), order(to), AT);
    expect(m).toEqual({
      userId: 'u-resident',
      topic,
      page: 'grocery/pages/order/index?orderId=o123',
      data: {
        character_string1: { value: 'o123' },
        phrase2: { value: label },
        thing3: { value: '幸福便民超市' },
        time4: { value: '2020年2月10日 09:05' },
      },
    });
    expect(Object.keys(m?.data ?? {})).toEqual(TEMPLATE_FIELDS[topic]);
  });

  it('says nothing when an order is placed, prepared, cancelled, or written again unchanged', () => {
    expect(messageFor(undefined, order('placed'), AT)).toBeUndefined();
    expect(messageFor(order('accepted'), order('prepared'), AT)).toBeUndefined();
    expect(messageFor(order('placed'), order('cancelled'), AT)).toBeUndefined();
    expect(messageFor(order('delivered'), order('delivered'), AT)).toBeUndefined();
    expect(messageFor(order('delivered'), undefined, AT)).toBeUndefined();
  });

  it('tells the household owner a code colour changed, never a declaration or an unchanged colour', () => {
    const profile = (colour: string) => ({
      pk: 'HH#u-owner',
      sk: 'P#r1',
      ownerId: 'u-owner',
      maskedName: '王*兰',
      colour,
    });
    expect(messageFor(profile('green'), profile('yellow'), AT)).toMatchObject({
      userId: 'u-owner',
      topic: 'healthCode',
      data: { thing1: { value: '王*兰' }, phrase2: { value: '黄码' }, time3: { value: '2020年2月10日 09:05' } },
    });
    expect(messageFor(profile('green'), { ...profile('green'), version: 2 }, AT)).toBeUndefined();
    expect(messageFor(undefined, profile('green'), AT)).toBeUndefined();
    const declaration = { pk: 'HH#u-owner', sk: 'D#r1#2020-02-10', colour: 'red' };
    expect(messageFor({ ...declaration, colour: 'green' }, declaration, AT)).toBeUndefined();
  });

  it('tells the owner an appeal was decided, either way', () => {
    const appeal = (extra: object) => ({
      pk: 'HH#u-owner',
      sk: 'AP#r1#a1',
      ownerId: 'u-owner',
      status: 'open',
      ...extra,
    });
    expect(
      messageFor(appeal({}), appeal({ status: 'closed', outcome: 'changed', decision: '复核后改为绿码' }), AT),
    ).toMatchObject({
      topic: 'appeal',
      data: { phrase1: { value: '已改判' }, thing2: { value: '复核后改为绿码' } },
    });
    expect(messageFor(appeal({}), appeal({ status: 'closed', outcome: 'kept' }), AT)?.data.phrase1?.value).toBe(
      '维持原状',
    );
    expect(messageFor(appeal({}), appeal({ reason: 'more' }), AT)).toBeUndefined();
  });

  it('tells the household a relief part was decided and a repair moved on', () => {
    const part = (status: string) => ({
      pk: 'HOUSEHOLD#u-h',
      sk: 'RELIEF#water',
      householdId: 'u-h',
      companyName: '自来水公司',
      status,
    });
    expect(messageFor(part('pending'), part('approved'), AT)).toMatchObject({
      userId: 'u-h',
      topic: 'relief',
      data: { phrase2: { value: '已批准' } },
    });
    expect(messageFor(part('pending'), part('rejected'), AT)?.data.phrase2?.value).toBe('未批准');
    expect(messageFor(part('pending'), { ...part('pending'), hardship: 'x' }, AT)).toBeUndefined();
    const repair = (status: string) => ({
      pk: 'REPAIR#r1',
      sk: 'REPAIR',
      householdId: 'u-h',
      companyName: '自来水公司',
      status,
    });
    expect(messageFor(repair('submitted'), repair('received'), AT)).toMatchObject({
      topic: 'repair',
      data: { phrase2: { value: '已受理' } },
    });
    expect(messageFor(repair('dispatched'), repair('fixed'), AT)?.data.phrase2?.value).toBe('已修复');
  });

  it('ignores items of no topic', () => {
    expect(
      messageFor({ pk: 'STORE#s', sk: 'ITEM#i', status: 'a' }, { pk: 'STORE#s', sk: 'ITEM#i', status: 'b' }, AT),
    ).toBeUndefined();
  });
});

describe('field limits', () => {
  it('keeps thing fields within 20 characters and character strings to 32 printable ASCII', () => {
    expect(thing('短')).toBe('短');
    expect([...thing('一'.repeat(30))]).toHaveLength(20);
    expect(characters('订单o-12 3')).toBe('o-123');
    expect(characters('x'.repeat(40))).toHaveLength(32);
    expect(wechatTime('2020-02-09T16:00:00.000Z')).toBe('2020年2月10日 00:00');
  });
});

describe('subscriptions', () => {
  const templates = { orderDelivered: 'TPL-ORDER', relief: 'TPL-RELIEF' };
  it('counts one credit per accepted template id this app has; rejects, bans and unknown ids count nothing', () => {
    expect(creditsFromReport({ 'TPL-ORDER': 'accept', 'TPL-RELIEF': 'reject' }, templates)).toEqual(['orderDelivered']);
    expect(creditsFromReport({ 'TPL-OTHER': 'accept', 'TPL-RELIEF': 'ban' }, templates)).toEqual([]);
    expect(creditsFromReport({ 'TPL-ORDER': 'filter' }, templates)).toEqual([]);
  });
});

describe('WeChat answers', () => {
  it('sends on 0, drops on 43101, refreshes the token on 40001/40014/42001, retries anything else', () => {
    expect(sendOutcome(0)).toBe('sent');
    expect(sendOutcome(undefined)).toBe('sent');
    expect(sendOutcome(43101)).toBe('refused');
    for (const code of [40001, 40014, 42001]) expect(sendOutcome(code)).toBe('token-invalid');
    for (const code of [-1, 45009, 47003, 40037]) expect(sendOutcome(code)).toBe('retry');
  });

  it('renews a cached token five minutes before it expires', () => {
    const expires = 1_000_000_000;
    expect(tokenFresh(expires, expires - TOKEN_MARGIN_SECONDS * 1000 - 1)).toBe(true);
    expect(tokenFresh(expires, expires - TOKEN_MARGIN_SECONDS * 1000)).toBe(false);
  });
});
