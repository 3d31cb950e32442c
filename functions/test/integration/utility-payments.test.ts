import { BulkPayResponse, BulkQuote, CommunityArrears, StartPaymentResponse } from '@citycare/contract';
import { residentHandlers as resident, workerHandlers as community } from './utility-api';
import { call, loginAs } from './helpers';
import { makeAccount, newHousehold, rowsOf, scanPaged, setNow } from './utility-fixtures';

/**
 * Placing WeChat Pay payments for bills (the simulator the global setup runs answers the JSAPI
 * orders): what is recorded and held, retries, and every refusal. What settles them — WeChat
 * Pay's verified notification, never the payer's word — is utility-wechatpay.test.ts.
 */
const payments = async (ids: string[]) =>
  (await scanPaged(process.env.TABLE_PAYMENTS ?? '')).filter((p) => ids.some((id) => String(p.reference).includes(id)));
const accountRow = async (no: string) => (await rowsOf(no)).find((r) => r.sk === 'ACCOUNT');
const bills = async (no: string) => (await rowsOf(no)).filter((r) => String(r.sk).startsWith('BILL#'));
beforeEach(() => setNow(new Date('2020-02-25T02:00:00Z')));

async function linked(community?: string) {
  const hh = await newHousehold();
  const no = await makeAccount({ community });
  await call(resident.linkAccount, { token: hh.token, body: { accountNo: no, holderName: '王秀兰' } });
  return { hh, no };
}
const start = async (token: string, accountNo: string, billIds: string[], headers?: Record<string, string>) =>
  call(resident.startUtilityPayment, { token, body: { accountNo, billIds }, headers });

describe('paying bills by phone', () => {
  it('places a WeChat Pay order and holds the bills; a retry finds it; the payer’s word settles nothing', async () => {
    const { hh, no } = await linked();
    const headers = { 'idempotency-key': `pay-${no}` };
    const first = await start(hh.token, no, [`${no}-2020-01`], headers);
    const retry = await start(hh.token, no, [`${no}-2020-01`], headers);
    expect([first.status, retry.status]).toEqual([200, 200]);
    const started = StartPaymentResponse.parse(first.body);
    // 5230 fen due 2020-02-15, paid 10 days late at 0.1 %/day: 52 fen late fee.
    expect(started.payment).toMatchObject({ amountFen: 5282, status: 'pending' });
    expect(started.payment.paymentId).toHaveLength(32);
    expect(started.clientParams).toMatchObject({
      provider: 'wechat-pay',
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=wx/),
      paySign: expect.any(String),
    });
    expect(StartPaymentResponse.parse(retry.body)).toEqual({ ...started, clientParams: expect.any(Object) });
    expect(StartPaymentResponse.parse(retry.body).clientParams?.package).toBe(started.clientParams?.package);
    expect(await payments([no])).toEqual([
      expect.objectContaining({ provider: 'wechat-pay', status: 'pending', amountFen: 5282, purpose: 'utility-bill' }),
    ]);
    expect((await bills(no)).map((b) => [b.month, b.paid, b.payingId ?? null])).toEqual([
      ['2020-01', false, started.payment.paymentId],
      ['2020-02', false, null],
    ]);
    const detail = await call<{ bills: { month: string; paying?: boolean }[] }>(resident.account, {
      method: 'GET',
      token: hh.token,
      params: { accountNo: no },
    });
    expect(detail.body.bills.map((b) => [b.month, b.paying ?? false]).sort()).toEqual([
      ['2020-01', true],
      ['2020-02', false],
    ]);

    // The old way: the payer says they paid. Nothing is settled on their word.
    const confirm = await call(resident.confirmUtilityPayment, {
      token: hh.token,
      params: { paymentId: started.payment.paymentId },
    });
    expect([confirm.status, confirm.body]).toEqual([200, { payment: started.payment }]);
    expect(await accountRow(no)).toMatchObject({ arrearsFen: 10205 });
    expect((await bills(no)).every((b) => b.paid === false)).toBe(true);
    expect(await payments([no])).toEqual([expect.objectContaining({ status: 'pending' })]);
  });

  it('offers the payer’s waiting payment again for the same bills; other bills replace it (its order closed)', async () => {
    const { hh, no } = await linked();
    const a = StartPaymentResponse.parse((await start(hh.token, no, [`${no}-2020-01`])).body);
    const again = StartPaymentResponse.parse((await start(hh.token, no, [`${no}-2020-01`])).body);
    expect(again.payment.paymentId).toBe(a.payment.paymentId);
    expect(again.clientParams?.package).toBe(a.clientParams?.package);

    const both = StartPaymentResponse.parse((await start(hh.token, no, [`${no}-2020-01`, `${no}-2020-02`])).body);
    expect(both.payment).toMatchObject({ amountFen: 5282 + 4975, status: 'pending' });
    expect(both.payment.paymentId).not.toBe(a.payment.paymentId);
    const rows = await payments([no]);
    expect(rows.map((p) => [p.paymentId, p.status]).sort()).toEqual(
      [
        [a.payment.paymentId, 'cancelled'],
        [both.payment.paymentId, 'pending'],
      ].sort(),
    );
    expect((await rowsOf(no)).find((r) => r.paymentId === a.payment.paymentId && r.sk === 'UPAY')).toMatchObject({
      status: 'cancelled',
    });
    expect((await bills(no)).map((b) => b.payingId)).toEqual([both.payment.paymentId, both.payment.paymentId]);
  });

  it('refuses unknown and other households’ bills, other payers’ payments, a reused key, an empty choice', async () => {
    const { hh, no } = await linked();
    const other = await newHousehold();
    const ok = StartPaymentResponse.parse(
      (await start(hh.token, no, [`${no}-2020-01`], { 'idempotency-key': `k-${no}` })).body,
    );
    const results = await Promise.all([
      start(hh.token, no, [`${no}-1999-01`]),
      start(other.token, no, [`${no}-2020-01`]),
      call(resident.confirmUtilityPayment, { token: other.token, params: { paymentId: ok.payment.paymentId } }),
      start(hh.token, no, [`${no}-2020-02`], { 'idempotency-key': `k-${no}` }),
      start(hh.token, no, []),
    ]);
    expect(results.map((r) => r.status)).toEqual([404, 404, 404, 409, 400]);
    expect(await payments([no])).toHaveLength(1);
  });
});

describe('community workers paying in bulk', () => {
  const quote = (token: string, accountNos: string[], where = 'zq-jianshe') =>
    call(community.bulkQuote, { token, params: { community: where }, body: { accountNos } });
  const pay = (token: string, key: string, body: { accountNos: string[]; amountFen: number }, where = 'zq-jianshe') =>
    call(community.bulkPay, { token, params: { community: where }, headers: { 'idempotency-key': key }, body });

  it('lists the community’s arrears, quotes the chosen households and places one order for them, retry-safe', async () => {
    const worker = await loginAs('worker');
    const a = await makeAccount({ community: 'zq-jianshe' });
    const b = await makeAccount({ community: 'zq-jianshe', company: 'ut-power' });
    const elsewhere = await makeAccount({ community: 'zq-yingbin' });
    const list = CommunityArrears.parse(
      (
        await call(community.communityArrears, {
          method: 'GET',
          token: worker.token,
          params: { community: 'zq-jianshe' },
        })
      ).body,
    );
    expect(list.accounts.filter((x) => [a, b].includes(x.accountNo)).map((x) => x.holderMasked)).toEqual([
      '王*兰',
      '王*兰',
    ]);
    expect(JSON.stringify(list)).not.toContain(elsewhere);

    const q = BulkQuote.parse((await quote(worker.token, [a, b])).body);
    // Each: 5230 + 52 late fee, and 4975 not yet due.
    expect(q.accounts.map((x) => [x.accountNo, x.bills, x.principalFen, x.lateFeeFen, x.amountFen])).toEqual([
      [a, 2, 10205, 52, 10257],
      [b, 2, 10205, 52, 10257],
    ]);
    expect(q.amountFen).toBe(20514);

    const first = BulkPayResponse.parse(
      (await pay(worker.token, `bulk-${a}`, { accountNos: [a, b], amountFen: 20514 })).body,
    );
    expect(first.payment).toMatchObject({ community: 'zq-jianshe', amountFen: 20514, status: 'pending' });
    expect(first.clientParams).toMatchObject({ provider: 'wechat-pay', signType: 'RSA' });
    const retry = BulkPayResponse.parse(
      (await pay(worker.token, `bulk-${a}`, { accountNos: [a, b], amountFen: 20514 })).body,
    );
    expect(retry.payment).toEqual(first.payment);
    expect(await payments([a, b])).toEqual([
      expect.objectContaining({ paymentId: first.payment.paymentId, purpose: 'utility-bulk', amountFen: 20514 }),
    ]);
    expect([...(await bills(a)), ...(await bills(b))].map((x) => x.payingId)).toEqual(
      Array(4).fill(first.payment.paymentId),
    );
    expect([(await accountRow(a))?.arrearsFen, (await accountRow(b))?.arrearsFen]).toEqual([10205, 10205]);
  });

  it('refuses another community’s account, a bill already paid, a changed amount; places nothing', async () => {
    const worker = await loginAs('worker');
    const a = await makeAccount({
      community: 'zq-jianshe',
      bills: [{ month: '2020-01', amountFen: 3000, dueDate: '2020-03-01' }],
    });
    const paid = await makeAccount({
      community: 'zq-jianshe',
      bills: [{ month: '2020-01', amountFen: 3000, dueDate: '2020-03-01', paid: true }],
    });
    const elsewhere = await makeAccount({ community: 'zq-yingbin' });
    const refusals = await Promise.all([
      quote(worker.token, [a, elsewhere]),
      pay(worker.token, `x1-${a}`, { accountNos: [a, elsewhere], amountFen: 3000 + 10205 }),
      quote(worker.token, [a, paid]),
      pay(worker.token, `x2-${a}`, { accountNos: [a, paid], amountFen: 3000 }),
      pay(worker.token, `x3-${a}`, { accountNos: [a], amountFen: 2999 }),
    ]);
    expect(refusals.map((r) => [r.status, r.body.error?.message])).toEqual([
      [404, `本社区没有户号 ${elsewhere}`],
      [404, `本社区没有户号 ${elsewhere}`],
      [409, `户号 ${paid} 已经没有待缴账单，请刷新名单`],
      [409, `户号 ${paid} 已经没有待缴账单，请刷新名单`],
      [409, '应缴金额已变为 ¥30.00，请重新核对后再代缴'],
    ]);
    expect(await payments([a, paid, elsewhere])).toEqual([]);
    expect((await bills(a)).map((b) => b.payingId ?? null)).toEqual([null]);
  });

  it('waits while a resident is paying the same bill; needs a key (400), the worker’s own community (403)', async () => {
    const worker = await loginAs('worker');
    const { hh, no } = await linked('zq-jianshe');
    const mine = StartPaymentResponse.parse((await start(hh.token, no, [`${no}-2020-01`])).body);
    const busy = await pay(worker.token, `w-${no}`, { accountNos: [no], amountFen: 10257 });
    expect([busy.status, busy.body.error?.message]).toEqual([
      409,
      expect.stringMatching(/^所选账单已有一笔缴费正在支付（可能是社区工作人员代缴），请于 \d\d:\d\d 以后再试$/),
    ]);
    expect((await bills(no)).map((b) => b.payingId ?? null)).toEqual([mine.payment.paymentId, null]);

    const elsewhere = await makeAccount({ community: 'zq-yingbin' });
    const results = await Promise.all([
      call(community.bulkPay, {
        token: worker.token,
        params: { community: 'zq-jianshe' },
        body: { accountNos: [no], amountFen: 1 },
      }),
      pay(worker.token, `y-${elsewhere}`, { accountNos: [elsewhere], amountFen: 10257 }, 'zq-yingbin'),
      quote(worker.token, [elsewhere], 'zq-yingbin'),
      call(community.communityArrears, { method: 'GET', token: worker.token, params: { community: 'zq-yingbin' } }),
      call(community.communityArrears, { method: 'GET', token: hh.token, params: { community: 'zq-jianshe' } }),
      quote(hh.token, [no]),
      pay(worker.token, 'too-many-keys', {
        accountNos: Array.from({ length: 21 }, (_, i) => `A0000000${i + 10}`),
        amountFen: 1,
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual([400, 403, 403, 403, 403, 403, 400]);
    expect(await accountRow(elsewhere)).toMatchObject({ arrearsFen: 10205 });
    expect(await payments([elsewhere])).toEqual([]);
  });
});
