import { randomUUID } from 'node:crypto';
import { CloseGroupResponse, GroupResponse, GroupsResponse, JoinGroupResponse } from '@citycare/contract';
import { groups, staff } from './grocery-api';
import { call, signedIn } from './helpers';
import {
  COMMUNITY,
  freshResident,
  groupBody,
  itemRow,
  newItem,
  newSlot,
  paymentRow,
  shareRow,
  slotRow,
  snapshot,
  STORE,
} from './grocery-fixtures';
import { cashier, until } from './pay-sim';

// Several requests per test against DynamoDB Local, with other test files running beside.
jest.setTimeout(60_000);

const [store, liJianguo] = signedIn('store', 'worker');

const openBody = (slotId: string, cutoffAt?: string) => groupBody(slotId, '建设社区3号楼', cutoffAt);

const join = (
  token: string,
  groupId: string,
  lines: { itemId: string; qty: number }[],
  room: string,
  key = randomUUID(),
) =>
  call(groups.join, {
    token,
    params: { groupId },
    headers: { 'idempotency-key': key },
    body: { address: { building: '3', unit: '1', room }, contact: { name: '王秀兰', phone: '13812345678' }, lines },
  });

describe('group orders (卡点购物车)', () => {
  it('a worker opens, households join and pay through WeChat Pay, and at the cutoff the paid shares become one order', async () => {
    const [a, b, slotId] = await Promise.all([
      newItem(store.token, { stock: 50 }),
      newItem(store.token, { name: '鸡蛋', category: 'meat-eggs', priceFen: 450 }),
      newSlot(store.token),
    ]);
    const opened = await call(groups.open, { token: liJianguo.token, body: openBody(slotId) });
    expect(opened.status).toBe(201);
    const { groupId } = GroupResponse.parse(opened.body).group;

    const [wang, liu] = await Promise.all([freshResident(), freshResident()]);
    const key = randomUUID();
    const wangLines = [
      { itemId: a, qty: 2 },
      { itemId: b, qty: 1 },
    ];
    const first = await join(wang.token, groupId, wangLines, '201', key);
    expect(first.status).toBe(201);
    const retry = await join(wang.token, groupId, wangLines, '201', key);
    const joined = JoinGroupResponse.parse(first.body);
    expect(JoinGroupResponse.parse(retry.body).share).toEqual(joined.share);
    const share = joined.share;
    expect(share).toMatchObject({ totalFen: 2 * 120 + 450, paid: false, payment: { state: 'pending' } });
    expect(share.payment?.paymentId).toMatch(/^P\d{12}[0-9A-Za-z]{19}$/);
    expect(joined.clientParams).toMatchObject({ provider: 'wechat-pay', signType: 'RSA' });
    expect((await join(liu.token, groupId, [{ itemId: a, qty: 3 }], '502')).status).toBe(201);
    expect((await itemRow(a))?.stock).toBe(45);

    // /pay hands out the cashier again and settles nothing; only the notification does
    const payAgain = await call(groups.payMyShare, {
      token: wang.token,
      params: { groupId, memberId: share.memberId },
    });
    expect(payAgain.status).toBe(200);
    const again = JoinGroupResponse.parse(payAgain.body);
    expect(again.share).toMatchObject({ paid: false, payment: { state: 'pending' } });
    expect(again.clientParams?.package).toMatch(/^prepay_id=/);
    expect((await cashier(again.clientParams)).status).toBe(200);
    await until(async () => (await shareRow(groupId, share.memberId))?.paid === true);
    expect(await shareRow(groupId, share.memberId)).toMatchObject({ paid: true, paymentState: 'paid' });
    expect(await paymentRow(share.payment?.paymentId ?? '')).toMatchObject({
      status: 'paid',
      purpose: 'grocery-share',
    });
    expect(
      (await call(groups.payMyShare, { token: liu.token, params: { groupId, memberId: share.memberId } })).status,
    ).toBe(403);
    expect(
      (await call(groups.payMyShare, { token: wang.token, params: { groupId, memberId: share.memberId } })).status,
    ).toBe(409);

    // a resident sees their own share only; the worker sees every household and the totals
    const mine = GroupResponse.parse(
      (await call(groups.detail, { method: 'GET', token: liu.token, params: { groupId } })).body,
    );
    expect(mine.group.shares).toHaveLength(1);
    const all = GroupResponse.parse(
      (await call(groups.detail, { method: 'GET', token: liJianguo.token, params: { groupId } })).body,
    );
    expect(all.group.shares.map((s) => s.contactName)).toEqual(['王*兰', '王*兰']);
    expect(all.group.totals.map((t) => t.qty)).toEqual([5, 1]);
    const listed = GroupsResponse.parse(
      (await call(groups.list, { method: 'GET', token: liu.token, params: { communityId: COMMUNITY } })).body,
    );
    expect(listed.groups.some((g) => g.groupId === groupId && g.memberCount === 2)).toBe(true);

    // 截单: 刘's unpaid share is dropped (its WeChat Pay order closed, its stock back)
    const closed = await call(groups.close, { token: liJianguo.token, params: { groupId } });
    expect(closed.status).toBe(200);
    const { group, order } = CloseGroupResponse.parse(closed.body);
    expect(group).toMatchObject({ status: 'closed', memberCount: 1, totalFen: 2 * 120 + 450 });
    expect(order).toMatchObject({
      kind: 'group',
      groupId,
      status: 'placed',
      totalFen: 2 * 120 + 450,
      payment: { state: 'paid' },
    });
    expect(order?.lines.map((l) => [l.itemId, l.qty])).toEqual([
      [a, 2],
      [b, 1],
    ]);
    expect(order?.breakdown?.map((s) => [s.household, s.paid])).toEqual([['3号楼 1单元 201', true]]);
    expect((await itemRow(a))?.stock).toBe(48);
    const liuShare = GroupResponse.parse(
      (await call(groups.detail, { method: 'GET', token: liu.token, params: { groupId } })).body,
    ).group.shares[0];
    expect(liuShare).toMatchObject({ paid: false, released: true, payment: { state: 'cancelled' } });
    expect(await paymentRow(liuShare?.payment?.paymentId ?? '')).toMatchObject({ status: 'cancelled' });
    expect(
      (await call(groups.payMyShare, { token: liu.token, params: { groupId, memberId: liuShare?.memberId ?? '' } }))
        .status,
    ).toBe(409);
    expect(order?.pickupCode).toMatch(/^\d{6}$/);
    expect(await slotRow(slotId)).toMatchObject({ booked: 1 });
    // the store sees it on the slot's pick list as one order
    const list = await call<{ orderCount: number }>(staff.slotPickList, {
      method: 'GET',
      token: store.token,
      params: { storeId: STORE, slotId },
    });
    expect(list.body.orderCount).toBe(1);

    const late = await freshResident();
    const before = await snapshot([late.userId, groupId]);
    expect((await join(late.token, groupId, [{ itemId: a, qty: 1 }], '601')).status).toBe(422);
    expect(await snapshot([late.userId, groupId])).toBe(before);
    expect((await call(groups.close, { token: liJianguo.token, params: { groupId } })).status).toBe(409);
  });

  it('refuses residents and other communities’ workers, a cutoff after the slot’s, and bad bodies', async () => {
    const slotId = await newSlot(store.token);
    const resident = await freshResident();
    expect((await call(groups.open, { token: resident.token, body: openBody(slotId) })).status).toBe(403);
    expect(
      (await call(groups.open, { token: liJianguo.token, body: { ...openBody(slotId), communityId: 'zq-yingbin' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(groups.open, {
          token: liJianguo.token,
          body: openBody(slotId, new Date(Date.now() + 30 * 86400_000).toISOString()),
        })
      ).status,
    ).toBe(422);
    expect((await call(groups.open, { token: liJianguo.token, body: { ...openBody(slotId), label: '' } })).status).toBe(
      400,
    );
    const opened = await call(groups.open, { token: liJianguo.token, body: openBody(slotId) });
    const { groupId } = GroupResponse.parse(opened.body).group;
    expect((await call(groups.close, { token: resident.token, params: { groupId } })).status).toBe(403);
    expect((await join(resident.token, groupId, [], '101')).status).toBe(400);
    expect(
      (await call(groups.detail, { method: 'GET', token: resident.token, params: { groupId: 'g-none' } })).status,
    ).toBe(404);
    // nobody joined: closing cancels it, and no order is made
    const closed = CloseGroupResponse.parse(
      (await call(groups.close, { token: liJianguo.token, params: { groupId } })).body,
    );
    expect(closed.group.status).toBe('cancelled');
    expect(closed.order).toBeUndefined();
  });
});
