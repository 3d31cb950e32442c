import { ComplaintResponse, ComplaintsResponse, ErrorBody, HandledComplaintResponse } from '@citycare/contract';
import { regulator as regulatorApi, shop } from './grocery-api';
import { call, signedIn } from './helpers';
import { ordered, snapshot, STORE } from './grocery-fixtures';

/** The market regulator lists residents' complaints and marks each handled, once, with a note. */
const [store, worker, zhouMin] = signedIn('store', 'worker', 'regulator');

async function aComplaint() {
  const { me, orderId } = await ordered(store.token);
  const res = await call(shop.complain, {
    token: me.token,
    params: { orderId },
    body: { kind: 'quality', text: '送来的白菜有一半烂了' },
  });
  expect(res.status).toBe(201);
  return { me, orderId, complaintId: ComplaintResponse.parse(res.body).complaint.complaintId };
}

const handle = (token: string, complaintId: string, body: unknown) =>
  call(regulatorApi.handle, { token, params: { complaintId }, body });

describe('the market regulator’s complaints', () => {
  it('lists a complaint with its store, the order’s status and a masked contact', async () => {
    const { orderId, complaintId } = await aComplaint();
    const res = await call(regulatorApi.complaints, { method: 'GET', token: zhouMin.token });
    expect(res.status).toBe(200);
    const found = ComplaintsResponse.parse(res.body).complaints.find((c) => c.complaintId === complaintId);
    expect(found).toMatchObject({
      orderId,
      storeId: STORE,
      storeName: '幸福便民超市',
      kind: 'quality',
      text: '送来的白菜有一半烂了',
      orderStatus: 'placed',
      contact: { name: '王*兰', phone: '138****5678' },
    });
    expect(found?.handled).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/王秀兰|13812345678|"userId"/);
  });

  it('marks a complaint handled with a note, once', async () => {
    const { complaintId } = await aComplaint();
    const res = await handle(zhouMin.token, complaintId, { note: '已约谈商户，退还货款' });
    expect(res.status).toBe(200);
    const { complaint } = HandledComplaintResponse.parse(res.body);
    expect(complaint.handled).toMatchObject({ note: '已约谈商户，退还货款', by: '周敏' });
    const listed = ComplaintsResponse.parse(
      (await call(regulatorApi.complaints, { method: 'GET', token: zhouMin.token })).body,
    ).complaints.find((c) => c.complaintId === complaintId);
    expect(listed?.handled?.note).toBe('已约谈商户，退还货款');
    const again = await handle(zhouMin.token, complaintId, { note: '再处理一次' });
    expect(again.status).toBe(409);
    expect(ErrorBody.parse(again.body).error.message).toBe('这条投诉已经处理过了');
  });

  it('refuses everyone but the regulator (403), a bad note (400), an unknown complaint (404), writing nothing', async () => {
    const { me, complaintId } = await aComplaint();
    const before = await snapshot([complaintId]);
    for (const who of [me, store, worker]) {
      expect((await handle(who.token, complaintId, { note: '已处理' })).status).toBe(403);
      expect((await call(regulatorApi.complaints, { method: 'GET', token: who.token })).status).toBe(403);
    }
    expect((await handle(zhouMin.token, complaintId, { note: '好' })).status).toBe(400);
    expect((await handle(zhouMin.token, complaintId, { note: '已处理', extra: 1 })).status).toBe(400);
    expect((await handle(zhouMin.token, complaintId, {})).status).toBe(400);
    expect(await snapshot([complaintId])).toBe(before);
    expect((await handle(zhouMin.token, 'c-none', { note: '已处理' })).status).toBe(404);
  });
});
