import { randomUUID } from 'node:crypto';
import { ErrorBody } from '@citycare/contract';
import * as notify from '../../src/notify/handlers';
import { notifyBatch } from '../../src/notify/notifier';
import { getOpenid } from '../../src/auth/storage';
import { call, signedIn } from './helpers';
import { ordered } from './grocery-fixtures';
import { advance, deliver, messagesTo, notifyRig, subscribe, templateId } from './notify-fixtures';

/**
 * WeChat subscribe messages end to end: the app reports the subscribe sheet's answers, a store and
 * a worker move an order on, DynamoDB Local's stream feeds the notifier (as Lambda would), and
 * the WeChat simulator receives — or, unsubscribed, refused or failing, does not.
 */
const [store, liJianguo] = signedIn('store', 'worker');
const rig = notifyRig();
const openidOf = async (userId: string) => (await getOpenid(userId)) ?? '';
const orderTemplates = () => ['orderAccepted', 'orderOnTheWay', 'orderDelivered'].map((t) => templateId(t as never));

async function subscribedOrder(answer = 'accept') {
  const order = await ordered(store.token);
  const res = await subscribe(order.me.token, Object.fromEntries(orderTemplates().map((id) => [id, answer])));
  expect(res.status).toBe(200);
  return { ...order, openid: await openidOf(order.me.userId) };
}

describe('the subscriptions route', () => {
  it('counts an accept per known template, ignores rejects and other apps’ ids, and says what is left', async () => {
    const { me } = await ordered(store.token);
    const res = await subscribe(me.token, {
      [templateId('orderDelivered')]: 'accept',
      [templateId('orderAccepted')]: 'reject',
      'SomeOtherAppsTemplate-1': 'accept',
    });
    expect(res).toMatchObject({ status: 200, body: { credits: { orderDelivered: 1 } } });
    expect(res.body.credits.orderAccepted).toBeUndefined();
    const templates = await call<{ templates: Record<string, string> }>(notify.listTemplates, {
      method: 'GET',
      path: '/notify/templates',
      token: me.token,
    });
    expect(templates.body.templates.orderDelivered).toBe(templateId('orderDelivered'));
  });

  it('refuses the unsigned, malformed ids and answers, and too many at once, changing nothing', async () => {
    const { me } = await ordered(store.token);
    const noSession = await call(notify.subscribe, { body: { results: { [templateId('repair')]: 'accept' } } });
    expect(noSession.status).toBe(401);
    for (const results of [
      {},
      { 'bad id!': 'accept' },
      { [templateId('repair')]: 'yes' },
      Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [`Tpl-${k}`, 'accept'])),
    ]) {
      const res = await subscribe(me.token, results as Record<string, string>);
      expect({ results, status: res.status }).toEqual({ results, status: 400 });
      expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    }
    const after = await subscribe(me.token, { [templateId('repair')]: 'reject' });
    expect(after.body.credits).toEqual({});
  });
});

describe('an order moving on', () => {
  it('sends the subscribed resident one message per step: accepted, on the way, delivered', async () => {
    const { me, orderId, pickupCode, openid } = await subscribedOrder();
    await advance(store.token, orderId, 'accept');
    await advance(store.token, orderId, 'prepare');
    await advance(liJianguo.token, orderId, 'dispatch');
    await deliver(liJianguo.token, orderId, pickupCode);
    await rig.poller.drain();
    const sent = messagesTo(rig.sim, openid);
    expect(sent.map((m) => [m.topic, m.templateId, m.data.phrase2?.value])).toEqual([
      ['orderAccepted', templateId('orderAccepted'), '商户已接单'],
      ['orderOnTheWay', templateId('orderOnTheWay'), '配送中'],
      ['orderDelivered', templateId('orderDelivered'), '已送达'],
    ]);
    expect(sent[2]).toMatchObject({
      page: `grocery/pages/order/index?orderId=${orderId}`,
      data: { character_string1: { value: orderId }, thing3: { value: '幸福便民超市' } },
    });
    expect(sent[2]?.data.time4?.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    // Each accept allowed one message: all used.
    expect((await subscribe(me.token, { [templateId('repair')]: 'reject' })).body.credits).toEqual({
      orderAccepted: 0,
      orderOnTheWay: 0,
      orderDelivered: 0,
    });
    // A replayed batch (Lambda retries whole batches) sends nothing twice.
    const before = rig.sim.messages.length;
    await rig.poller.drain();
    expect(rig.sim.messages.length).toBe(before);
  });

  it('sends nothing to a resident who did not subscribe, or who rejected', async () => {
    const silent = await ordered(store.token);
    const rejected = await subscribedOrder('reject');
    for (const { orderId } of [silent, rejected]) await advance(store.token, orderId, 'accept');
    await rig.poller.drain();
    expect(messagesTo(rig.sim, await openidOf(silent.me.userId))).toEqual([]);
    expect(messagesTo(rig.sim, rejected.openid)).toEqual([]);
  });

  it('drops a message WeChat refuses with 43101 (not subscribed there), without retrying it', async () => {
    const { orderId, openid } = await subscribedOrder();
    rig.sim.refuse(openid);
    const deadBefore = rig.poller.deadLetters.length;
    await advance(store.token, orderId, 'accept');
    await rig.poller.drain();
    expect(messagesTo(rig.sim, openid)).toEqual([]);
    expect(rig.poller.deadLetters.length).toBe(deadBefore);
  });
});

describe('the access token', () => {
  it('is fetched once and reused; on 40001 it is force-refreshed once and the message still goes', async () => {
    const first = await subscribedOrder();
    await advance(store.token, first.orderId, 'accept');
    await rig.poller.drain();
    const fetched = rig.sim.tokenRequests.length;
    expect(fetched).toBeGreaterThanOrEqual(1);
    const second = await subscribedOrder();
    await advance(store.token, second.orderId, 'accept');
    await rig.poller.drain();
    expect(rig.sim.tokenRequests.length).toBe(fetched);
    // Another server force-refreshed the app's token: ours is now invalid (40001).
    rig.sim.invalidateToken();
    const third = await subscribedOrder();
    await advance(store.token, third.orderId, 'accept');
    await rig.poller.drain();
    expect(messagesTo(rig.sim, third.openid).map((m) => m.topic)).toEqual(['orderAccepted']);
    expect(rig.sim.tokenRequests.slice(fetched)).toEqual([{ forceRefresh: true }]);
  });
});

describe('WeChat failing', () => {
  it('retries a failed send, then dead-letters it; a redrive sends it once, taking one credit in all', async () => {
    const { me, orderId, openid } = await subscribedOrder();
    // System busy on the first try and both retries.
    rig.sim.failNext(-1, -1, -1);
    await advance(store.token, orderId, 'accept');
    await rig.poller.drain();
    expect(messagesTo(rig.sim, openid)).toEqual([]);
    const letter = rig.poller.deadLetters.find((l) => l.record.dynamodb?.NewImage?.orderId?.S === orderId);
    expect(letter).toBeDefined();
    // Ops redrive the dead letter once WeChat is back: sent once, the one credit it took.
    const answer = await notifyBatch([letter?.record as never], rig.sender);
    expect(answer.batchItemFailures).toEqual([]);
    expect(messagesTo(rig.sim, openid).map((m) => m.topic)).toEqual(['orderAccepted']);
    await notifyBatch([letter?.record as never], rig.sender);
    expect(messagesTo(rig.sim, openid)).toHaveLength(1);
    const credits = (await subscribe(me.token, { [templateId('repair')]: 'reject' })).body.credits;
    expect(credits.orderAccepted).toBe(0);
  });

  it('reports the failed record and every one after it, so Lambda retries from there in order', async () => {
    const { me, orderId } = await subscribedOrder();
    const record = (seq: string, before: string, status: string) => ({
      eventID: randomUUID(),
      eventName: 'MODIFY',
      dynamodb: {
        SequenceNumber: seq,
        ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
        OldImage: { pk: { S: `ORDER#${orderId}` }, sk: { S: 'ORDER' }, status: { S: before } },
        NewImage: {
          pk: { S: `ORDER#${orderId}` },
          sk: { S: 'ORDER' },
          orderId: { S: orderId },
          userId: { S: me.userId },
          storeName: { S: '幸福便民超市' },
          status: { S: status },
        },
      },
    });
    rig.sim.failNext(-1);
    const batch = [
      record('1', 'accepted', 'prepared'),
      record('2', 'placed', 'accepted'),
      record('3', 'x', 'delivered'),
    ];
    const answer = await notifyBatch(batch as never, rig.sender);
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: '2' }, { itemIdentifier: '3' }]);
    // Lambda's retry from record 2: both go.
    expect((await notifyBatch(batch.slice(1) as never, rig.sender)).batchItemFailures).toEqual([]);
    expect(messagesTo(rig.sim, await openidOf(me.userId)).map((m) => m.topic)).toEqual([
      'orderAccepted',
      'orderDelivered',
    ]);
  });
});
