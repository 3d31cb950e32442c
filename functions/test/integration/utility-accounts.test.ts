import { AccountDetail, ErrorBody, ReliefResponse, UtilityOverview } from '@citycare/contract';
import { residentHandlers as resident, staffHandlers as staff } from './utility-api';
import { call, loginAs, newStaff, scanAll } from './helpers';
import { AFTER_WINDOW, BEFORE_WINDOW, IN_WINDOW, setNow } from './utility-clock';
import { companyGet, linkedAccount, makeAccount, newHousehold, rowsOf, table } from './utility-fixtures';

const link = (token: string, accountNo: string, holderName: string) =>
  call(resident.linkAccount, { token, body: { accountNo, holderName } });
const detail = (token: string, accountNo: string) =>
  call(resident.account, { method: 'GET', token, params: { accountNo } });
const overview = async (token: string) =>
  UtilityOverview.parse((await call(resident.overview, { method: 'GET', token })).body);
const apply = (token: string, hardship = '疫情期间停工，暂时交不起费用') =>
  call(resident.applyRelief, { token, body: { hardship } });

beforeEach(() => setNow(IN_WINDOW));

describe('linking accounts', () => {
  it('links by account number and holder name, shows the name masked, and lists it', async () => {
    const hh = await newHousehold();
    const no = await makeAccount({ holderName: '王秀兰' });
    const res = await link(hh.token, no, ' 王秀兰 ');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ account: { accountNo: no, holderMasked: '王*兰', arrearsFen: 10205 } });
    expect(JSON.stringify(res.body)).not.toContain('王秀兰');
    const mine = await overview(hh.token);
    expect(mine.accounts.map((a) => a.accountNo)).toEqual([no]);
    expect(mine.window).toMatchObject({ startDate: '2020-01-24', endDate: '2020-06-30', open: true, graceDays: 30 });
    expect((await link(hh.token, no, '王秀兰')).status).toBe(201);
  });

  it('refuses a wrong holder name or an unknown number alike with 422, and links nothing', async () => {
    const hh = await newHousehold();
    const no = await makeAccount({ holderName: '王秀兰' });
    const before = JSON.stringify(await rowsOf(no));
    const wrong = await link(hh.token, no, '王秀英');
    const unknown = await link(hh.token, 'NOSUCH123', '王秀兰');
    expect([wrong.status, unknown.status]).toEqual([422, 422]);
    expect(ErrorBody.parse(wrong.body).error.message).toBe(ErrorBody.parse(unknown.body).error.message);
    expect(JSON.stringify(await rowsOf(no))).toBe(before);
    expect((await overview(hh.token)).accounts).toEqual([]);
  });

  it('refuses a bad body with 400 and writes nothing', async () => {
    const hh = await newHousehold();
    const before = (await scanAll(table())).length;
    for (const body of [
      { accountNo: 'x', holderName: '王' },
      { accountNo: '0101234567' },
      { accountNo: '0101234567', holderName: '' },
    ]) {
      const res = await call(resident.linkAccount, { token: hh.token, body });
      expect(res.status).toBe(400);
    }
    expect((await scanAll(table())).length).toBe(before);
  });

  it('keeps another household out: 409 on link, 404 on read, unlink and plan without saying it exists', async () => {
    const owner = await newHousehold();
    const other = await newHousehold();
    const no = await makeAccount();
    await link(owner.token, no, '王秀兰');
    expect((await link(other.token, no, '王秀兰')).status).toBe(409);
    const reads = await Promise.all([
      detail(other.token, no),
      detail(other.token, 'NOSUCH123'),
      call(resident.unlinkAccount, { method: 'DELETE', token: other.token, params: { accountNo: no } }),
      call(resident.createPlan, { token: other.token, params: { accountNo: no }, body: { months: 3 } }),
    ]);
    expect(reads.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(reads[0]?.body).toEqual(reads[1]?.body);
    expect((await detail(owner.token, no)).status).toBe(200);
  });

  it('unlinks, after which the account is free for another household', async () => {
    const owner = await newHousehold();
    const next = await newHousehold();
    const no = await makeAccount();
    await link(owner.token, no, '王秀兰');
    const res = await call(resident.unlinkAccount, { method: 'DELETE', token: owner.token, params: { accountNo: no } });
    expect(res.status).toBe(200);
    expect((await overview(owner.token)).accounts).toEqual([]);
    expect((await link(next.token, no, '王秀兰')).status).toBe(201);
  });

  it('answers 401 without a session', async () => {
    expect((await call(resident.overview, { method: 'GET' })).status).toBe(401);
  });
});

describe('bills and late fees', () => {
  it('shows bills newest first with the late fee owed, waived once relief is approved', async () => {
    setNow(new Date('2020-03-25T02:00:00Z'));
    const { hh, no } = await linkedAccount({
      bills: [
        { month: '2019-12', amountFen: 10000, dueDate: '2020-01-15' },
        { month: '2020-01', amountFen: 10000, dueDate: '2020-02-15' },
      ],
    });
    const before = AccountDetail.parse((await detail(hh.token, no)).body);
    expect(before.bills.map((b) => [b.month, b.lateFeeFen, b.lateFeeWaived])).toEqual([
      ['2020-01', 390, false],
      ['2019-12', 700, false],
    ]);
    expect((await apply(hh.token)).status).toBe(200);
    const after = AccountDetail.parse((await detail(hh.token, no)).body);
    expect(after.bills.map((b) => [b.month, b.lateFeeFen, b.lateFeeWaived])).toEqual([
      ['2020-01', 0, true],
      ['2019-12', 700, false],
    ]);
  });
});

describe('relief applications', () => {
  it('inside the window approves every linked account at once and protects it until window end + grace', async () => {
    const hh = await newHousehold();
    const water = await makeAccount({ company: 'ut-water' });
    const gas = await makeAccount({ company: 'ut-gas' });
    await link(hh.token, water, '王秀兰');
    await link(hh.token, gas, '王秀兰');
    const res = await apply(hh.token);
    expect(res.status).toBe(200);
    const { relief } = ReliefResponse.parse(res.body);
    expect(relief.parts.map((p) => [p.company, p.status, p.decidedBy])).toEqual([
      ['ut-gas', 'approved', 'rule'],
      ['ut-water', 'approved', 'rule'],
    ]);
    const mine = await overview(hh.token);
    for (const a of mine.accounts) {
      expect(a).toMatchObject({ protectedNow: true, reliefApproved: true, protectedUntil: '2020-07-30T16:00:00.000Z' });
    }
    const again = await apply(hh.token);
    expect(again.status).toBe(200);
  });

  it('covers an account linked after approval when the household applies again', async () => {
    const hh = await newHousehold();
    const first = await makeAccount();
    await link(hh.token, first, '王秀兰');
    await apply(hh.token);
    const second = await makeAccount();
    await link(hh.token, second, '王秀兰');
    expect((await overview(hh.token)).accounts.find((a) => a.accountNo === second)?.protectedNow).toBe(false);
    await apply(hh.token);
    expect((await overview(hh.token)).accounts.every((a) => a.protectedNow)).toBe(true);
  });

  it('refuses to apply without linked accounts (422) and a too-short hardship (400)', async () => {
    const hh = await newHousehold();
    expect((await apply(hh.token)).status).toBe(422);
    expect((await apply(hh.token, '穷')).status).toBe(400);
  });

  it('outside the window goes to the company staff, who approve it; another company’s staff get 403', async () => {
    setNow(BEFORE_WINDOW);
    const { hh } = await linkedAccount({ company: 'ut-water' });
    const res = ReliefResponse.parse((await apply(hh.token)).body);
    expect(res.relief.parts[0]).toMatchObject({ company: 'ut-water', status: 'pending' });
    expect((await overview(hh.token)).accounts[0]?.protectedNow).toBe(false);

    const water = await loginAs('utility');
    const power = await newStaff('utility', 'ut-power');
    const queue = await call(staff.reliefReviews, companyGet(water.token));
    expect(JSON.stringify(queue.body)).toContain(hh.userId);
    const peek = await call(staff.reliefReviews, companyGet(power.token));
    const cross = await call(staff.decideRelief, {
      token: power.token,
      params: { company: 'ut-water', householdId: hh.userId },
      body: { decision: 'approve' },
    });
    const ownPath = await call(staff.decideRelief, {
      token: power.token,
      params: { company: 'ut-power', householdId: hh.userId },
      body: { decision: 'approve' },
    });
    const byResident = await call(staff.decideRelief, {
      token: hh.token,
      params: { company: 'ut-water', householdId: hh.userId },
      body: { decision: 'approve' },
    });
    expect([peek.status, cross.status, ownPath.status, byResident.status]).toEqual([403, 403, 404, 403]);
    expect((await overview(hh.token)).accounts[0]?.protectedNow).toBe(false);

    const ok = await call(staff.decideRelief, {
      token: water.token,
      params: { company: 'ut-water', householdId: hh.userId },
      body: { decision: 'approve' },
    });
    expect(ok.status).toBe(200);
    const account = (await overview(hh.token)).accounts[0];
    expect(account).toMatchObject({ protectedNow: true, protectedUntil: '2020-07-30T16:00:00.000Z' });
    const twice = await call(staff.decideRelief, {
      token: water.token,
      params: { company: 'ut-water', householdId: hh.userId },
      body: { decision: 'reject', reason: '重复处理' },
    });
    expect(twice.status).toBe(409);
  });

  it('lets staff reject with a reason (required) and the household apply again', async () => {
    setNow(AFTER_WINDOW);
    const { hh } = await linkedAccount();
    await apply(hh.token);
    const water = await loginAs('utility');
    const params = { company: 'ut-water', householdId: hh.userId };
    expect((await call(staff.decideRelief, { token: water.token, params, body: { decision: 'reject' } })).status).toBe(
      400,
    );
    const rejected = await call(staff.decideRelief, {
      token: water.token,
      params,
      body: { decision: 'reject', reason: '经核实家庭收入正常' },
    });
    expect(rejected.status).toBe(200);
    const mine = await overview(hh.token);
    expect(mine.relief?.parts[0]).toMatchObject({ status: 'rejected', reason: '经核实家庭收入正常' });
    const again = ReliefResponse.parse((await apply(hh.token)).body);
    expect(again.relief.parts[0]?.status).toBe('pending');
    const approved = await call(staff.decideRelief, { token: water.token, params, body: { decision: 'approve' } });
    expect(approved.status).toBe(200);
    // Approved after the window: the grace period runs from the decision.
    expect((await overview(hh.token)).accounts[0]?.protectedUntil).toBe('2020-08-04T02:00:00.000Z');
  });
});

describe('installment plans', () => {
  async function approvedAccount(bills?: { month: string; amountFen: number; dueDate: string }[]) {
    const { hh, no } = await linkedAccount({ bills });
    setNow(IN_WINDOW);
    await apply(hh.token);
    return { hh, no };
  }

  it('is refused inside the window and offered after it; the schedule adds up to the arrears exactly', async () => {
    const { hh, no } = await approvedAccount([
      { month: '2020-01', amountFen: 10001, dueDate: '2020-02-15' },
      { month: '2020-02', amountFen: 3332, dueDate: '2020-03-15' },
    ]);
    const early = await call(resident.createPlan, { token: hh.token, params: { accountNo: no }, body: { months: 6 } });
    expect(early.status).toBe(422);
    expect(AccountDetail.parse((await detail(hh.token, no)).body).planEligibility.eligible).toBe(false);

    setNow(AFTER_WINDOW);
    expect(AccountDetail.parse((await detail(hh.token, no)).body).planEligibility).toMatchObject({ eligible: true });
    expect(
      (await call(resident.createPlan, { token: hh.token, params: { accountNo: no }, body: { months: 5 } })).status,
    ).toBe(400);
    const res = await call(resident.createPlan, { token: hh.token, params: { accountNo: no }, body: { months: 6 } });
    expect(res.status).toBe(201);
    const plan = AccountDetail.parse((await detail(hh.token, no)).body).plan;
    expect(plan?.schedule.map((l) => l.amountFen)).toEqual([2223, 2222, 2222, 2222, 2222, 2222]);
    expect(plan?.schedule.reduce((s, l) => s + l.amountFen, 0)).toBe(13333);
    expect(plan?.schedule[0]?.dueDate).toBe('2020-08-05');
    const twice = await call(resident.createPlan, { token: hh.token, params: { accountNo: no }, body: { months: 3 } });
    expect(twice.status).toBe(409);
  });

  it('is refused without approved relief', async () => {
    setNow(AFTER_WINDOW);
    const { hh, no } = await linkedAccount();
    const res = await call(resident.createPlan, { token: hh.token, params: { accountNo: no }, body: { months: 3 } });
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(res.body).error.message).toContain('缓缴');
  });
});
