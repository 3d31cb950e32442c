import { residentHandlers as resident, staffHandlers as staff } from './utility-api';
import { call, loginAs } from './helpers';
import { auditRowsOf, BEFORE_WINDOW, IN_WINDOW, makeAccount, newHousehold, rowsOf, setNow } from './utility-fixtures';

/**
 * Disconnection racing with relief being granted: whatever the order, no round may end with an
 * account that is protected and cut off. Many rounds, each a Promise.all of the competing requests.
 */
const ROUNDS = 20;
const DISCONNECTS_PER_ROUND = 3;

async function finalState(no: string, at: Date) {
  const row = (await rowsOf(no)).find((r) => r.sk === 'ACCOUNT') as { supply: string; protectedUntil?: string };
  const protectedNow = row.protectedUntil !== undefined && row.protectedUntil >= at.toISOString();
  return { supply: row.supply, protectedNow };
}

async function linkedAccount() {
  const hh = await newHousehold();
  const no = await makeAccount();
  const res = await call(resident.linkAccount, { token: hh.token, body: { accountNo: no, holderName: '王秀兰' } });
  expect(res.status).toBe(201);
  return { hh, no };
}

describe('disconnection racing with relief', () => {
  jestSetTimeout();

  it('never leaves a protected account disconnected when relief is approved by rule (resident applies)', async () => {
    setNow(IN_WINDOW);
    const water = await loginAs('utility');
    const statuses: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { hh, no } = await linkedAccount();
      const disconnects = Array.from({ length: DISCONNECTS_PER_ROUND }, () =>
        call(staff.disconnectAccount, {
          token: water.token,
          params: { company: 'ut-water', accountNo: no },
          body: { reason: '欠费停供' },
        }),
      );
      const apply = call(resident.applyRelief, { token: hh.token, body: { hardship: '停工在家，暂无收入' } });
      const [applied, ...cut] = await Promise.all([apply, ...disconnects]);
      expect(applied?.status).toBe(200);
      statuses.push(...cut.map((r) => r.status));
      expect(await finalState(no, IN_WINDOW)).toEqual({ supply: 'on', protectedNow: true });
      expect((await auditRowsOf(no)).filter((r) => r.action === 'utility.disconnect')).toHaveLength(
        DISCONNECTS_PER_ROUND,
      );
    }
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
  });

  it('never leaves a protected account disconnected when staff approve outside the window', async () => {
    setNow(BEFORE_WINDOW);
    const water = await loginAs('utility');
    const reviewer = await loginAs('utility');
    for (let round = 0; round < ROUNDS; round++) {
      const { hh, no } = await linkedAccount();
      await call(resident.applyRelief, { token: hh.token, body: { hardship: '停工在家，暂无收入' } });
      const approve = call(staff.decideRelief, {
        token: reviewer.token,
        params: { company: 'ut-water', householdId: hh.userId },
        body: { decision: 'approve' },
      });
      const disconnects = Array.from({ length: DISCONNECTS_PER_ROUND }, () =>
        call(staff.disconnectAccount, {
          token: water.token,
          params: { company: 'ut-water', accountNo: no },
          body: { reason: '欠费停供' },
        }),
      );
      const [approved, ...cut] = await Promise.all([approve, ...disconnects]);
      expect(approved?.status).toBe(200);
      expect(cut.every((r) => r.status === 200 || r.status === 409)).toBe(true);
      expect(await finalState(no, BEFORE_WINDOW)).toEqual({ supply: 'on', protectedNow: true });
    }
  });

  it('refuses every one of many concurrent disconnects of an already protected account', async () => {
    setNow(IN_WINDOW);
    const water = await loginAs('utility');
    const { hh, no } = await linkedAccount();
    await call(resident.applyRelief, { token: hh.token, body: { hardship: '停工在家，暂无收入' } });
    const cut = await Promise.all(
      Array.from({ length: 12 }, () =>
        call(staff.disconnectAccount, {
          token: water.token,
          params: { company: 'ut-water', accountNo: no },
          body: { reason: '欠费停供' },
        }),
      ),
    );
    expect(cut.map((r) => r.status)).toEqual(Array(12).fill(409));
    expect(await finalState(no, IN_WINDOW)).toEqual({ supply: 'on', protectedNow: true });
    expect((await auditRowsOf(no)).map((r) => r.outcome)).toEqual(Array(12).fill('refused'));
  });
});

function jestSetTimeout() {
  jest.setTimeout(120_000);
}
