import { parse } from 'csv-parse/sync';
import { ErrorBody, ImportBillsResponse, RepairList } from '@citycare/contract';
import { residentHandlers as resident, staffHandlers as staff } from './utility-api';
import { call, loginAs, newStaff } from './helpers';
import { AFTER_WINDOW, IN_WINDOW, setNow } from './utility-clock';
import {
  auditRowsOf,
  callRaw,
  companyGet,
  linkedAccount,
  makeAccount,
  newHousehold,
  rowsOf,
  staffView,
} from './utility-fixtures';

beforeEach(() => setNow(IN_WINDOW));

async function protectedAccount(company = 'ut-water') {
  const { hh, no } = await linkedAccount({ company });
  const res = await call(resident.applyRelief, { token: hh.token, body: { hardship: '家中老人无收入' } });
  expect(res.status).toBe(200);
  return { hh, no };
}

const disconnect = (token: string, company: string, accountNo: string) =>
  call(staff.disconnectAccount, { token, params: { company, accountNo }, body: { reason: '欠费三个月' } });

describe('disconnection', () => {
  it('cuts an account without relief after the window, and audits it', async () => {
    setNow(AFTER_WINDOW);
    const water = await loginAs('utility');
    const no = await makeAccount();
    const res = await disconnect(water.token, 'ut-water', no);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ account: { supply: 'off' } });
    expect((await auditRowsOf(no)).map((r) => [r.outcome, r.actorId])).toEqual([['disconnected', water.userId]]);
    const again = await disconnect(water.token, 'ut-water', no);
    expect(again.status).toBe(409);
  });

  it('refuses inside the window a household that never applied (409 in the write itself), supply stays on', async () => {
    const water = await loginAs('utility');
    const no = await makeAccount();
    const before = JSON.stringify((await rowsOf(no)).find((r) => r.sk === 'ACCOUNT'));
    const res = await disconnect(water.token, 'ut-water', no);
    expect(res.status).toBe(409);
    expect(ErrorBody.parse(res.body).error).toMatchObject({
      code: 'ACCOUNT_PROTECTED',
      message: '关阀已暂停：救济期内（至 6月30日）不得因欠费关阀',
    });
    expect(JSON.stringify((await rowsOf(no)).find((r) => r.sk === 'ACCOUNT'))).toBe(before);
    expect(await auditRowsOf(no)).toEqual([expect.objectContaining({ outcome: 'refused', refusal: 'window' })]);
    const view = await staffView(water.token, no);
    expect(view.account).toMatchObject({ supply: 'on', protectedNow: false, reliefApproved: false });
    expect(view.hold).toEqual({
      why: 'window',
      until: '2020-06-30T16:00:00.000Z',
      message: '关阀已暂停：救济期内（至 6月30日）不得因欠费关阀',
    });
    // The window's first and last instants hold too; the next instant does not.
    setNow(new Date('2020-01-23T16:00:00.000Z'));
    expect((await disconnect(water.token, 'ut-water', no)).status).toBe(409);
    setNow(new Date('2020-06-30T15:59:59.999Z'));
    expect((await disconnect(water.token, 'ut-water', no)).status).toBe(409);
    setNow(new Date('2020-06-30T16:00:00.000Z'));
    expect((await disconnect(water.token, 'ut-water', no)).status).toBe(200);
  });

  it('refuses the seeded household 0101765432 (never applied) inside the window, nothing changed', async () => {
    const water = await loginAs('utility');
    const before = (await rowsOf('0101765432')).find((r) => r.sk === 'ACCOUNT');
    expect(before).toMatchObject({ supply: 'on' });
    expect(before?.reliefApproved).toBeUndefined();
    const res = await disconnect(water.token, 'ut-water', '0101765432');
    expect(res.status).toBe(409);
    expect((await rowsOf('0101765432')).find((r) => r.sk === 'ACCOUNT')).toEqual(before);
  });

  it('refuses an approved household after the window, until window end plus grace, and says until when', async () => {
    const water = await loginAs('utility');
    const { no } = await protectedAccount();
    setNow(AFTER_WINDOW);
    const res = await disconnect(water.token, 'ut-water', no);
    expect(res.status).toBe(409);
    expect(ErrorBody.parse(res.body).error).toMatchObject({
      code: 'ACCOUNT_PROTECTED',
      message: '关阀已暂停：该户已获救济，保护至 7月30日',
    });
    const view = await staffView(water.token, no);
    expect(view.account).toMatchObject({ supply: 'on', protectedNow: true });
    expect(view.hold).toMatchObject({ why: 'relief', until: '2020-07-30T16:00:00.000Z' });
    expect(view.attempts).toEqual([{ at: AFTER_WINDOW.toISOString(), outcome: 'refused', reason: '欠费三个月' }]);
    const audit = await auditRowsOf(no);
    expect(audit).toEqual([
      expect.objectContaining({ outcome: 'refused', refusal: 'protected', actorId: water.userId }),
    ]);
  });

  it('allows it again once the protection (window + grace) has ended', async () => {
    const water = await loginAs('utility');
    const { no } = await protectedAccount();
    setNow(new Date('2020-07-30T15:59:59.999Z'));
    expect((await disconnect(water.token, 'ut-water', no)).status).toBe(409);
    setNow(new Date('2020-07-30T16:00:00.001Z'));
    expect((await disconnect(water.token, 'ut-water', no)).status).toBe(200);
  });

  it('refuses another company’s staff (403), another company’s account (404) and residents (403), writing nothing', async () => {
    const water = await loginAs('utility');
    const power = await newStaff('utility', 'ut-power');
    const hh = await newHousehold();
    const no = await makeAccount({ company: 'ut-water' });
    const results = await Promise.all([
      disconnect(power.token, 'ut-water', no),
      disconnect(power.token, 'ut-power', no),
      disconnect(hh.token, 'ut-water', no),
      call(staff.staffAccount, { method: 'GET', token: power.token, params: { company: 'ut-power', accountNo: no } }),
    ]);
    expect(results.map((r) => r.status)).toEqual([403, 404, 403, 404]);
    expect((await rowsOf(no)).find((r) => r.sk === 'ACCOUNT')).toMatchObject({ supply: 'on' });
    // Outsiders' attempts are not written into the account's log (utility-integrity.test.ts).
    expect(await auditRowsOf(no)).toEqual([]);
    void water;
  });
});

describe('protected-accounts export', () => {
  it('lists the company’s protected accounts as JSON and as CSV with a BOM, masked names', async () => {
    const water = await loginAs('utility');
    const { no } = await protectedAccount('ut-water');
    const { no: gasNo } = await protectedAccount('ut-gas');
    const json = await call(staff.protectedAccounts, companyGet(water.token));
    expect(JSON.stringify(json.body)).toContain(no);
    expect(JSON.stringify(json.body)).not.toContain(gasNo);
    const res = await callRaw(staff.exportProtected, companyGet(water.token));
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    const text = String(res.body);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['户号', '户主', '地址', '欠费（元）', '保护截止日']);
    expect(rows).toContainEqual([no, '王*兰', '站前区建设社区 测试楼1单元101', '102.05', '2020-07-30']);
    expect(text).not.toContain('王秀兰');
    expect(text).not.toContain(gasNo);
  });

  it('drops accounts whose protection has ended, and refuses other companies’ staff', async () => {
    const water = await loginAs('utility');
    const power = await newStaff('utility', 'ut-power');
    const { no } = await protectedAccount();
    setNow(new Date('2020-08-01T00:00:00Z'));
    const later = await call(staff.protectedAccounts, companyGet(water.token));
    expect(JSON.stringify(later.body)).not.toContain(no);
    const cross = await callRaw(staff.exportProtected, companyGet(power.token));
    expect(cross.statusCode).toBe(403);
  });
});

describe('bill import', () => {
  const importCsv = (token: string, company: string, csv: string) =>
    call(staff.importBills, { token, params: { company }, body: { csv } });

  it('keeps good rows, reports bad ones by line, and a re-import adds nothing twice', async () => {
    const water = await loginAs('utility');
    const a = await makeAccount({ bills: [] });
    const b = await makeAccount({ bills: [] });
    const gas = await makeAccount({ company: 'ut-gas', bills: [] });
    const csv = [
      '户号,账期,金额（元）,缴费截止日',
      `${a},2020-03,58.30,2020-04-15`,
      `${a},2020-03,58.30,2020-04-15`,
      `${b},2020-03,abc,2020-04-15`,
      `${gas},2020-03,10,2020-04-15`,
      `NOSUCH999,2020-03,10,2020-04-15`,
      `${b},2020-03,12.5,2020-04-15`,
    ].join('\r\n');
    const first = ImportBillsResponse.parse((await importCsv(water.token, 'ut-water', csv)).body);
    expect(first.imported).toBe(2);
    expect(first.skipped).toBe(0);
    expect(first.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    const arrears = async (no: string) => (await rowsOf(no)).find((r) => r.sk === 'ACCOUNT')?.arrearsFen;
    expect([await arrears(a), await arrears(b), await arrears(gas)]).toEqual([5830, 1250, 0]);
    expect((await rowsOf(gas)).length).toBe(1);

    const second = ImportBillsResponse.parse((await importCsv(water.token, 'ut-water', csv)).body);
    expect([second.imported, second.skipped]).toEqual([0, 2]);
    expect([await arrears(a), await arrears(b)]).toEqual([5830, 1250]);
    expect((await rowsOf(a)).filter((r) => String(r.sk).startsWith('BILL#'))).toHaveLength(1);
  });

  it('refuses an empty or oversized body (400), a missing header (no rows), and other companies’ staff (403)', async () => {
    const water = await loginAs('utility');
    const power = await newStaff('utility', 'ut-power');
    const a = await makeAccount({ bills: [] });
    expect((await importCsv(water.token, 'ut-water', '')).status).toBe(400);
    expect((await importCsv(water.token, 'ut-water', 'x'.repeat(300 * 1024))).status).toBe(400);
    const noHeader = ImportBillsResponse.parse(
      (await importCsv(water.token, 'ut-water', `${a},2020-03,1,2020-04-01`)).body,
    );
    expect(noHeader).toMatchObject({ imported: 0, errors: [{ line: 1 }] });
    const cross = await importCsv(
      power.token,
      'ut-water',
      `户号,账期,金额（元）,缴费截止日\n${a},2020-03,1,2020-04-01`,
    );
    expect(cross.status).toBe(403);
    expect((await rowsOf(a)).length).toBe(1);
  });
});

describe('repairs', () => {
  it('takes a request, shows it in the company queue, and moves it forward only', async () => {
    setNow(new Date('2020-02-14T19:30:00Z'));
    const hh = await newHousehold();
    const water = await loginAs('utility');
    const power = await newStaff('utility', 'ut-power');
    const created = await call(resident.createRepair, {
      token: hh.token,
      body: {
        company: 'ut-water',
        address: '站前区建设小区3号楼',
        problem: 'leak',
        description: '楼道水管冻裂漏水',
        urgency: 'urgent',
      },
    });
    expect(created.status).toBe(201);
    const repairId = (created.body as { repair: { repairId: string } }).repair.repairId;
    const mine = RepairList.parse((await call(resident.myRepairs, { method: 'GET', token: hh.token })).body);
    expect(mine.repairs.map((r) => [r.repairId, r.status])).toEqual([[repairId, 'submitted']]);
    const queue = RepairList.parse((await call(staff.repairQueue, companyGet(water.token))).body);
    expect(queue.repairs.some((r) => r.repairId === repairId)).toBe(true);
    const powerQueue = await call(staff.repairQueue, companyGet(power.token, 'ut-power'));
    expect(JSON.stringify(powerQueue.body)).not.toContain(repairId);

    const update = (token: string, company: string, status: string) =>
      call(staff.updateRepair, { token, params: { company, repairId }, body: { status, note: '抢修队已出发' } });
    expect((await update(power.token, 'ut-water', 'received')).status).toBe(403);
    expect((await update(power.token, 'ut-power', 'received')).status).toBe(404);
    expect((await update(hh.token, 'ut-water', 'received')).status).toBe(403);
    expect((await update(water.token, 'ut-water', 'dispatched')).status).toBe(200);
    expect((await update(water.token, 'ut-water', 'received')).status).toBe(409);
    expect((await update(water.token, 'ut-water', 'submitted')).status).toBe(400);
    expect((await update(water.token, 'ut-water', 'fixed')).status).toBe(200);
    const after = RepairList.parse((await call(resident.myRepairs, { method: 'GET', token: hh.token })).body);
    expect(after.repairs[0]).toMatchObject({ status: 'fixed', note: '抢修队已出发' });
  });

  it('refuses an unknown company or a missing description with 400', async () => {
    const hh = await newHousehold();
    const base = { address: '站前区建设小区3号楼', problem: 'leak', description: '漏水', urgency: 'normal' };
    const unknown = await call(resident.createRepair, { token: hh.token, body: { ...base, company: 'ut-nosuch' } });
    const empty = await call(resident.createRepair, {
      token: hh.token,
      body: { ...base, company: 'ut-water', description: '' },
    });
    expect([unknown.status, empty.status]).toEqual([400, 400]);
    const mine = RepairList.parse((await call(resident.myRepairs, { method: 'GET', token: hh.token })).body);
    expect(mine.repairs).toEqual([]);
  });
});

void AFTER_WINDOW;
