import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { GroupResponse, JoinGroupResponse } from '@citycare/contract';
import '../../src/payments/wiring';
import { db } from '../../src/lib/dynamo';
import { dropShareItems } from '../../src/grocery/paying/share-hooks';
import { defaultDeps } from '../../src/payments/wechatpay/deps';
import { cancelItem } from '../../src/payments/wechatpay/items';
import { sweepPayments } from '../../src/payments/wechatpay/sweep';
import { groups } from './grocery-api';
import { call, signedIn } from './helpers';
import {
  address,
  contact,
  freshResident,
  groupBody,
  itemRow,
  newItem,
  newSlot,
  paymentRow,
  shareRow,
} from './grocery-fixtures';
import { cashier, notifyPaid, replayNotification, until } from './pay-sim';

/**
 * A household's share of a group order (卡点团购) through WeChat Pay (the simulator the global
 * setup runs): paid only on the verified notification, never on the household's word or another
 * household's call; a replayed or wrong-amount notification changes nothing; unpaid at its expiry
 * it is dropped by the payments schedule; money arriving after it was dropped goes back by itself.
 */
jest.setTimeout(60_000);

const [store, worker] = signedIn('store', 'worker');

/** A group closing in `cutoffMs`, and a fresh household's share of it, not paid yet. */
async function joined(cutoffMs = 3600_000) {
  const [item, slotId] = await Promise.all([newItem(store.token, { stock: 40 }), newSlot(store.token)]);
  const opened = await call(groups.open, {
    token: worker.token,
    body: groupBody(slotId, '北岔村团购', new Date(Date.now() + cutoffMs).toISOString()),
  });
  const { groupId } = GroupResponse.parse(opened.body).group;
  const me = await freshResident();
  const res = await call(groups.join, {
    token: me.token,
    params: { groupId },
    headers: { 'idempotency-key': randomUUID() },
    body: { address: address(String(Date.now() % 100_000)), contact, lines: [{ itemId: item, qty: 3 }] },
  });
  expect(res.status).toBe(201);
  const answer = JoinGroupResponse.parse(res.body);
  const paymentId = answer.share.payment?.paymentId ?? '';
  return { item, groupId, me, share: answer.share, paymentId, clientParams: answer.clientParams };
}

const groupRow = async (token: string, groupId: string) =>
  GroupResponse.parse((await call(groups.detail, { method: 'GET', token, params: { groupId } })).body).group;

it('refuses to hand another household’s share to the cashier, and the caller’s own word pays nothing', async () => {
  const s = await joined();
  const other = await freshResident();
  const before = await shareRow(s.groupId, s.share.memberId);
  const theirs = await call(groups.payMyShare, {
    token: other.token,
    params: { groupId: s.groupId, memberId: s.share.memberId },
  });
  expect(theirs.status).toBe(403);
  expect(theirs.body).not.toHaveProperty('clientParams');
  // the worker who runs the group may not pay a household's share either
  expect(
    (await call(groups.payMyShare, { token: worker.token, params: { groupId: s.groupId, memberId: s.share.memberId } }))
      .status,
  ).toBe(403);
  const mine = await call(groups.payMyShare, {
    token: s.me.token,
    params: { groupId: s.groupId, memberId: s.share.memberId },
  });
  expect(mine.status).toBe(200);
  expect(JoinGroupResponse.parse(mine.body).share).toMatchObject({ paid: false, payment: { state: 'pending' } });
  expect(await shareRow(s.groupId, s.share.memberId)).toEqual(before);
  expect(await paymentRow(s.paymentId)).toMatchObject({ status: 'pending', amountFen: 3 * 120 });
  expect(
    (await call(groups.payMyShare, { token: s.me.token, params: { groupId: s.groupId, memberId: 'm-nobody' } })).status,
  ).toBe(404);
});

it('is paid once on the notification; a replayed notification changes nothing', async () => {
  const s = await joined();
  expect((await cashier(s.clientParams)).status).toBe(200);
  await until(async () => (await shareRow(s.groupId, s.share.memberId))?.paid === true);
  const paid = await shareRow(s.groupId, s.share.memberId);
  expect(paid).toMatchObject({ paid: true, paymentState: 'paid' });
  const payment = await paymentRow(s.paymentId);
  expect(payment).toMatchObject({ status: 'paid' });

  expect((await replayNotification(s.paymentId)).status).toBe(200);
  expect(await shareRow(s.groupId, s.share.memberId)).toEqual(paid);
  expect(await paymentRow(s.paymentId)).toEqual(payment);
  expect((await groupRow(s.me.token, s.groupId)).shares[0]).toMatchObject({ paid: true, payment: { state: 'paid' } });
  expect(
    (await call(groups.payMyShare, { token: s.me.token, params: { groupId: s.groupId, memberId: s.share.memberId } }))
      .status,
  ).toBe(409);
});

it('refuses a genuinely signed notification for another amount: the share stays unpaid', async () => {
  const s = await joined();
  const out = await notifyPaid(s.paymentId, 3 * 120 - 1);
  expect(out.outcome).toMatchObject({ ok: false, reason: 'WRONG_AMOUNT' });
  expect(out.answer.statusCode).toBe(400);
  expect(await shareRow(s.groupId, s.share.memberId)).toMatchObject({ paid: false, paymentState: 'pending' });
  expect(await paymentRow(s.paymentId)).toMatchObject({ status: 'pending' });
});

it('a share unpaid by its expiry is dropped by the payments schedule: WeChat Pay order closed, stock and total back', async () => {
  // The group closes in 90 s, so the share must be paid by then (not in the usual 15 minutes).
  const s = await joined(90_000);
  expect(Date.parse(String((await paymentRow(s.paymentId))?.expiresAt))).toBeLessThanOrEqual(Date.now() + 90_000);
  expect((await itemRow(s.item))?.stock).toBe(37);
  const deps = await defaultDeps();
  const summary = await sweepPayments({ ...deps, now: () => new Date(Date.now() + 100_000) });
  expect(summary.closed).toBeGreaterThanOrEqual(1);
  expect(await paymentRow(s.paymentId)).toMatchObject({ status: 'cancelled' });
  expect(await shareRow(s.groupId, s.share.memberId)).toMatchObject({ released: true, paymentState: 'cancelled' });
  expect((await itemRow(s.item))?.stock).toBe(40);
  expect(await groupRow(worker.token, s.groupId)).toMatchObject({ memberCount: 0, totalFen: 0 });
  expect(
    (await call(groups.payMyShare, { token: s.me.token, params: { groupId: s.groupId, memberId: s.share.memberId } }))
      .status,
  ).toBe(409);
});

it('money that arrives for a share already dropped is refunded by itself; the share stays dropped', async () => {
  const s = await joined();
  // The share dropped while its WeChat Pay order stayed open (as if closing it had been lost).
  const now = new Date();
  const hold = (await paymentRow(s.paymentId))?.share;
  await db().send(
    new TransactWriteCommand({
      TransactItems: [cancelItem(s.paymentId, now), ...dropShareItems(hold, s.paymentId, now)],
    }),
  );
  const dropped = await shareRow(s.groupId, s.share.memberId);
  expect((await cashier(s.clientParams)).status).toBe(200);
  await until(async () => (await paymentRow(s.paymentId))?.status === 'refunded');
  const payment = await paymentRow(s.paymentId);
  expect(payment).toMatchObject({ status: 'refunded', lateAmountFen: 3 * 120, refundFen: 3 * 120 });
  expect(payment?.lateTransactionId).toBeTruthy();
  expect(await shareRow(s.groupId, s.share.memberId)).toEqual(dropped);
});
