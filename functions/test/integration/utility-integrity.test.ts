import { ErrorBody } from '@citycare/contract';
import { residentHandlers as resident, staffHandlers as staff } from './utility-api';
import { call, loginAs, newStaff, scanAll } from './helpers';
import { IN_WINDOW, setNow } from './utility-clock';
import {
  auditRowsOf,
  callRaw,
  linkedAccount,
  makeAccount,
  newHousehold,
  rowsOf,
  staffView,
  table,
} from './utility-fixtures';

/**
 * Attacks on the utility domain (issue 10): guessing holder names, flooding repairs, pushing
 * the real history out of an account's log. Refusals change nothing.
 */
beforeEach(() => setNow(IN_WINDOW));

const link = (token: string, accountNo: string, holderName: string) =>
  call(resident.linkAccount, { token, body: { accountNo, holderName } });

const WRONG = ['王秀英', '王秀芳', '王秀华', '王秀珍', '王秀梅', '王秀云', '王秀玲', '王秀荣', '王秀琴', '王秀红'];

describe('guessing the holder name of an account', () => {
  it('refuses a user after 5 wrong names a day with 429 and Retry-After, even with the right name; links nothing', async () => {
    const stranger = await newHousehold();
    const no = await makeAccount({ holderName: '王秀兰' });
    const before = JSON.stringify(await rowsOf(no));
    for (const name of WRONG.slice(0, 5)) expect((await link(stranger.token, no, name)).status).toBe(422);
    const res = await callRaw(resident.linkAccount, {
      token: stranger.token,
      body: { accountNo: no, holderName: '王秀兰' },
    });
    expect(res.statusCode).toBe(429);
    expect(ErrorBody.parse(JSON.parse(String(res.body))).error.code).toBe('RATE_LIMITED');
    expect(Number(res.headers?.['retry-after'])).toBeGreaterThan(0);
    // The limit is per user: guessing another account is refused too.
    expect((await link(stranger.token, await makeAccount(), '王秀兰')).status).toBe(429);
    expect(JSON.stringify(await rowsOf(no))).toBe(before);
  });

  it('refuses every user after 10 wrong names a day for one account', async () => {
    const no = await makeAccount({ holderName: '王秀兰' });
    const before = JSON.stringify(await rowsOf(no));
    for (const name of WRONG) {
      const guesser = await newHousehold();
      expect((await link(guesser.token, no, name)).status).toBe(422);
    }
    const next = await newHousehold();
    const res = await link(next.token, no, '王秀兰');
    expect(res.status).toBe(429);
    expect(ErrorBody.parse(res.body).error.code).toBe('RATE_LIMITED');
    expect(JSON.stringify(await rowsOf(no))).toBe(before);
  });

  it('does not count right names: a household links many accounts, after a few typos', async () => {
    const hh = await newHousehold();
    for (const name of WRONG.slice(0, 4)) {
      const no = await makeAccount({ holderName: '王秀兰' });
      expect((await link(hh.token, no, name)).status).toBe(422);
      expect((await link(hh.token, no, '王秀兰')).status).toBe(201);
    }
    for (let i = 0; i < 4; i++) expect((await link(hh.token, await makeAccount(), '王秀兰')).status).toBe(201);
    // Four wrong so far: one more wrong name is still answered as wrong, the next is refused.
    const other = await makeAccount({ holderName: '刘德福' });
    expect((await link(hh.token, other, '王秀兰')).status).toBe(422);
    expect((await link(hh.token, other, '刘德福')).status).toBe(429);
  });
});

describe('repair requests', () => {
  const repair = (token: string, company = 'ut-water') =>
    call(resident.createRepair, {
      token,
      body: {
        company,
        address: '站前区建设社区 建设小区3号楼2单元401',
        problem: 'leak',
        description: '水管漏水',
        urgency: 'normal',
      },
    });
  const mine = async (userId: string) => (await scanAll(table())).filter((r) => r.householdId === userId);

  it('are capped per household a day: the sixth is 429 and writes nothing; refused ones do not count', async () => {
    const hh = await newHousehold();
    expect((await repair(hh.token, 'ut-nosuch')).status).toBe(400);
    for (let i = 0; i < 5; i++) expect((await repair(hh.token)).status).toBe(201);
    const before = JSON.stringify(await mine(hh.userId));
    const res = await repair(hh.token);
    expect(res.status).toBe(429);
    expect(ErrorBody.parse(res.body).error.code).toBe('RATE_LIMITED');
    expect(JSON.stringify(await mine(hh.userId))).toBe(before);
    // Another household is not affected.
    expect((await repair((await newHousehold()).token)).status).toBe(201);
  });
});

describe('disconnection attempts by another company’s staff', () => {
  const disconnect = (token: string, company: string, accountNo: string) =>
    call(staff.disconnectAccount, { token, params: { company, accountNo }, body: { reason: '欠费三个月' } });

  it('are refused before anything is written, so the account’s real history stays in its log', async () => {
    const water = await loginAs('utility');
    const power = await newStaff('utility', 'ut-power');
    const { hh, no } = await linkedAccount({ company: 'ut-water' });
    expect((await call(resident.applyRelief, { token: hh.token, body: { hardship: '家中老人无收入' } })).status).toBe(
      200,
    );
    expect((await disconnect(water.token, 'ut-water', no)).status).toBe(409);
    const [audit, rows] = [JSON.stringify(await auditRowsOf(no)), JSON.stringify(await rowsOf(no))];
    for (let i = 0; i < 25; i++) {
      const res = await disconnect(power.token, i % 2 ? 'ut-water' : 'ut-power', no);
      expect(res.status).toBe(i % 2 ? 403 : 404);
    }
    expect((await disconnect(hh.token, 'ut-water', no)).status).toBe(403);
    expect(JSON.stringify(await auditRowsOf(no))).toBe(audit);
    expect(JSON.stringify(await rowsOf(no))).toBe(rows);
    const view = await staffView(water.token, no);
    expect(view.attempts).toEqual([{ at: IN_WINDOW.toISOString(), outcome: 'refused', reason: '欠费三个月' }]);
  });
});
