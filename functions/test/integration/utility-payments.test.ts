import { BulkPayResponse, CommunityArrears, StartPaymentResponse } from '@citycare/contract';
import { residentHandlers as resident, workerHandlers as community } from './utility-api';
import { call, loginAs } from './helpers';
import { IN_WINDOW, makeAccount, newHousehold, rowsOf, scanPaged, setNow } from './utility-fixtures';

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

describe('paying bills by phone', () => {
  it('records a pending payment (idempotent retry), then settles bills, arrears and the payment together', async () => {
    const { hh, no } = await linked();
    const body = { accountNo: no, billIds: [`${no}-2020-01`] };
    const headers = { 'idempotency-key': `pay-${no}` };
    const first = await call(resident.startUtilityPayment, { token: hh.token, body, headers });
    const retry = await call(resident.startUtilityPayment, { token: hh.token, body, headers });
    expect([first.status, retry.status]).toEqual([200, 200]);
    const started = StartPaymentResponse.parse(first.body);
    expect(StartPaymentResponse.parse(retry.body).payment.paymentId).toBe(started.payment.paymentId);
    // 5230 fen due 2020-02-15, paid 10 days late at 0.1 %/day: 52 fen late fee.
    expect(started.payment).toMatchObject({ amountFen: 5282, status: 'pending' });
    expect(started.clientParams).toMatchObject({ provider: 'local', amountFen: '5282' });
    expect(await payments([no])).toHaveLength(1);

    const confirm = () =>
      call(resident.confirmUtilityPayment, { token: hh.token, params: { paymentId: started.payment.paymentId } });
    expect((await confirm()).body).toMatchObject({ payment: { status: 'paid' } });
    expect((await confirm()).status).toBe(200);
    expect(await accountRow(no)).toMatchObject({ arrearsFen: 4975 });
    expect((await bills(no)).map((b) => [b.month, b.paid, b.lateFeePaidFen ?? null])).toEqual([
      ['2020-01', true, 52],
      ['2020-02', false, null],
    ]);
    expect(await payments([no])).toEqual([expect.objectContaining({ status: 'paid', amountFen: 5282 })]);
  });

  it('refuses paid, unknown and other households’ bills, and other payers’ confirmations', async () => {
    const { hh, no } = await linked();
    const other = await newHousehold();
    const start = (token: string, billIds: string[]) =>
      call(resident.startUtilityPayment, { token, body: { accountNo: no, billIds } });
    const ok = StartPaymentResponse.parse((await start(hh.token, [`${no}-2020-01`])).body);
    const results = await Promise.all([
      start(hh.token, [`${no}-1999-01`]),
      start(other.token, [`${no}-2020-01`]),
      call(resident.confirmUtilityPayment, { token: other.token, params: { paymentId: ok.payment.paymentId } }),
      call(resident.startUtilityPayment, { token: hh.token, body: { accountNo: no, billIds: [] } }),
    ]);
    expect(results.map((r) => r.status)).toEqual([404, 404, 404, 400]);
    await call(resident.confirmUtilityPayment, { token: hh.token, params: { paymentId: ok.payment.paymentId } });
    expect((await start(hh.token, [`${no}-2020-01`])).status).toBe(409);
  });

  it('settles only one of two payments racing for the same bill; the other is cancelled, nothing charged twice', async () => {
    const { hh, no } = await linked();
    const start = async () =>
      StartPaymentResponse.parse(
        (
          await call(resident.startUtilityPayment, {
            token: hh.token,
            body: { accountNo: no, billIds: [`${no}-2020-02`] },
          })
        ).body,
      ).payment.paymentId;
    const [a, b] = [await start(), await start()];
    const answers = await Promise.all(
      [a, b].map((paymentId) => call(resident.confirmUtilityPayment, { token: hh.token, params: { paymentId } })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await payments([no])).map((p) => p.status).sort()).toEqual(['cancelled', 'paid']);
    expect(await accountRow(no)).toMatchObject({ arrearsFen: 5230 });
  });
});

describe('community workers paying in bulk', () => {
  it('lists the community’s arrears and pays for listed households, each on its own, retry-safe', async () => {
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

    const pay = (key: string) =>
      call(community.bulkPay, {
        token: worker.token,
        params: { community: 'zq-jianshe' },
        headers: { 'idempotency-key': key },
        body: { accountNos: [a, b, elsewhere] },
      });
    const first = BulkPayResponse.parse((await pay(`bulk-${a}`)).body);
    expect(first.results.map((r) => [r.accountNo, r.outcome, r.amountFen])).toEqual([
      [a, 'paid', 10257],
      [b, 'paid', 10257],
      [elsewhere, 'not-found', 0],
    ]);
    const countBefore = (await payments([a, b, elsewhere])).length;
    const retry = BulkPayResponse.parse((await pay(`bulk-${a}`)).body);
    expect(retry.results.map((r) => r.outcome)).toEqual(['paid', 'paid', 'not-found']);
    expect((await payments([a, b, elsewhere])).length).toBe(countBefore);
    expect([
      (await accountRow(a))?.arrearsFen,
      (await accountRow(b))?.arrearsFen,
      (await accountRow(elsewhere))?.arrearsFen,
    ]).toEqual([0, 0, 10205]);
    const fresh = BulkPayResponse.parse((await pay(`bulk2-${a}`)).body);
    expect(fresh.results.map((r) => r.outcome)).toEqual(['nothing-due', 'nothing-due', 'not-found']);
  });

  it('needs an Idempotency-Key (400) and the worker’s own community (403); residents get 403', async () => {
    const worker = await loginAs('worker');
    const resident2 = await newHousehold();
    const a = await makeAccount({ community: 'zq-yingbin' });
    const body = { accountNos: [a] };
    const results = await Promise.all([
      call(community.bulkPay, { token: worker.token, params: { community: 'zq-jianshe' }, body }),
      call(community.bulkPay, {
        token: worker.token,
        params: { community: 'zq-yingbin' },
        headers: { 'idempotency-key': `bulk-${a}` },
        body,
      }),
      call(community.communityArrears, { method: 'GET', token: worker.token, params: { community: 'zq-yingbin' } }),
      call(community.communityArrears, { method: 'GET', token: resident2.token, params: { community: 'zq-jianshe' } }),
      call(community.bulkPay, {
        token: worker.token,
        params: { community: 'zq-jianshe' },
        headers: { 'idempotency-key': 'too-many-keys' },
        body: { accountNos: Array.from({ length: 21 }, (_, i) => `A0000000${i + 10}`) },
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual([400, 403, 403, 403, 400]);
    expect(await accountRow(a)).toMatchObject({ arrearsFen: 10205 });
    expect(await payments([a])).toEqual([]);
  });
});

void IN_WINDOW;
