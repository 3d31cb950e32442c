import type { ResidentDetailResponse, ScanRow } from '@citycare/contract';
import { residentHandlers as h, staffHandlers as staff } from './health-api';
import { call, loginAs, scanAll, unique } from './helpers';
import { declare, healthSnapshot, normalDeclaration, placeToken, registeredUser, scanId } from './health-helpers';

/** Officials (流调复核): status changes with an audit trail, appeals, lookup, tracing, risk areas. */

let official: { token: string; userId: string };
let checkpoint: { token: string; userId: string };
beforeAll(async () => {
  official = await loginAs('official'); // 陈静
  checkpoint = await loginAs('checkpoint'); // 张伟
});

const setStatus = (token: string, residentId: string, body: Record<string, unknown>) =>
  call<ResidentDetailResponse>(staff.setStatus, { token, params: { residentId }, body });

const auditRows = async (action: string) =>
  (await scanAll(process.env.TABLE_AUDIT ?? '')).filter((i) => i.action === action);

describe('status changes by officials', () => {
  it('clear a yellow code with a reason that the resident sees, closing their appeal', async () => {
    const r = await registeredUser();
    const id = r.resident.residentId;
    await declare(r.token, normalDeclaration(id, { temperature: 38.1 }));
    const appeal = await call<{ appeal: { appealId: string } }>(h.appeal, {
      token: r.token,
      body: { residentId: id, reason: '昨晚测温有误，今天复测正常' },
    });
    const queue = await call<{ appeals: { appealId: string; residentId: string }[] }>(staff.appeals, {
      method: 'GET',
      token: official.token,
    });
    expect(queue.body.appeals).toEqual(expect.arrayContaining([expect.objectContaining({ residentId: id })]));
    const cleared = await setStatus(official.token, id, {
      colour: 'green',
      reason: '复测体温正常',
      appealId: appeal.body.appeal.appealId,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.resident.status).toMatchObject({ colour: 'green', reason: '卫健复核：复测体温正常' });
    const seen = await call<ResidentDetailResponse>(h.resident, {
      method: 'GET',
      token: r.token,
      params: { residentId: id },
    });
    expect(seen.body.audit.map((a) => [a.from, a.to, a.by])).toEqual([
      ['yellow', 'green', 'official'],
      ['green', 'yellow', 'rule'],
    ]);
    expect(seen.body.audit[0]?.reason).toBe('卫健复核：复测体温正常');
    const after = await call<{ appeals: { appealId: string }[] }>(staff.appeals, {
      method: 'GET',
      token: official.token,
    });
    expect(after.body.appeals.some((a) => a.appealId === appeal.body.appeal.appealId)).toBe(false);
    // The same appeal cannot be closed twice.
    await declare(r.token, normalDeclaration(id, { temperature: 38.3 }));
    const again = await setStatus(official.token, id, {
      colour: 'green',
      reason: '再次复核',
      appealId: appeal.body.appeal.appealId,
    });
    expect(again.status).toBe(409);
  });

  it('set red, and refuse to clear it before 14 days', async () => {
    const r = await registeredUser();
    const id = r.resident.residentId;
    expect((await setStatus(official.token, id, { colour: 'red', reason: '确诊病例同车密接' })).status).toBe(200);
    const early = await setStatus(official.token, id, { colour: 'green', reason: '想提前解除' });
    expect(early.status).toBe(409);
    expect(early.body.error?.message).toMatch(/须满 14 天/);
    expect((await setStatus(official.token, id, { colour: 'red', reason: '重复' })).status).toBe(409);
  });

  it('are refused to checkpoint staff and residents (403) and for bad bodies (400), writing nothing', async () => {
    const r = await registeredUser();
    const id = r.resident.residentId;
    const before = await healthSnapshot(r.userId);
    expect((await setStatus(checkpoint.token, id, { colour: 'red', reason: '卡点想改' })).status).toBe(403);
    expect((await setStatus(r.token, id, { colour: 'green', reason: '自己改' })).status).toBe(403);
    expect((await setStatus(official.token, id, { colour: 'purple', reason: '颜色不对' })).status).toBe(400);
    expect((await setStatus(official.token, id, { colour: 'yellow', reason: '' })).status).toBe(400);
    expect((await setStatus(official.token, 'r-no-such-resident', { colour: 'yellow', reason: '不存在' })).status).toBe(
      404,
    );
    expect(await healthSnapshot(r.userId)).toBe(before);
    expect((await call(staff.appeals, { method: 'GET', token: checkpoint.token })).status).toBe(403);
  });

  it('let officials look a resident up by ID number and read their status', async () => {
    const r = await registeredUser();
    const found = await call<{ residentId: string }>(staff.lookup, {
      token: official.token,
      body: { idNumber: r.idNumber },
    });
    expect(found.body.residentId).toBe(r.resident.residentId);
    const detail = await call(h.resident, {
      method: 'GET',
      token: official.token,
      params: { residentId: r.resident.residentId },
    });
    expect(detail.status).toBe(200);
    expect((await call(staff.lookup, { token: r.token, body: { idNumber: r.idNumber } })).status).toBe(403);
    expect((await call(staff.lookup, { token: official.token, body: { idNumber: '110105194912310021' } })).status).toBe(
      400,
    );
  });
});

describe('tracing', () => {
  it('answers who was at a place in a window, only to officials, auditing each query with its reason', async () => {
    const r = await registeredUser();
    const visitId = scanId();
    await call(h.visit, {
      token: r.token,
      body: { visitId, placeToken: await placeToken('vh-taxi-t8821'), residentId: r.resident.residentId },
    });
    const body = {
      placeId: 'vh-taxi-t8821',
      from: new Date(Date.now() - 3600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
      reason: unique('确诊病例乘车流调'),
    };
    const res = await call<{ scans: ScanRow[]; auditId: string }>(staff.tracePlace, { token: official.token, body });
    expect(res.status).toBe(200);
    expect(res.body.scans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ residentId: r.resident.residentId, kind: 'visit', maskedName: '王*兰' }),
      ]),
    );
    const audit = (await auditRows('health.trace.place')).find((a) => a.reason === body.reason);
    expect(audit).toMatchObject({ actorId: official.userId, placeId: 'vh-taxi-t8821', from: body.from, to: body.to });
    expect((await call(staff.tracePlace, { token: r.token, body })).status).toBe(403);
    expect((await call(staff.tracePlace, { token: checkpoint.token, body })).status).toBe(403);
    expect(
      (await call(staff.tracePlace, { token: official.token, body: { ...body, to: body.from, from: body.to } })).status,
    ).toBe(400);
    const week = { ...body, from: new Date(Date.now() - 7 * 86400_000).toISOString() };
    expect((await call(staff.tracePlace, { token: official.token, body: week })).status).toBe(400);
    expect((await call(staff.tracePlace, { token: official.token, body: { ...body, reason: '' } })).status).toBe(400);
  });

  it('answers where a resident was in the last 14 days, audited', async () => {
    const r = await registeredUser();
    for (const placeId of ['vh-bus-3', 'vn-xingfu-market']) {
      await call(h.visit, {
        token: r.token,
        body: { visitId: scanId(), placeToken: await placeToken(placeId), residentId: r.resident.residentId },
      });
    }
    const reason = unique('密接者轨迹核查');
    const res = await call<{ scans: ScanRow[] }>(staff.traceResident, {
      token: official.token,
      body: { residentId: r.resident.residentId, reason },
    });
    expect(res.body.scans.map((s) => s.placeName).sort()).toEqual(['3路公交车', '幸福便民超市']);
    expect((await auditRows('health.trace.resident')).find((a) => a.reason === reason)).toMatchObject({
      actorId: official.userId,
      residentId: r.resident.residentId,
    });
    expect(
      (await call(staff.traceResident, { token: r.token, body: { residentId: r.resident.residentId, reason } })).status,
    ).toBe(403);
  });
});

describe('risk areas', () => {
  it('are edited by officials, audited, and used by the next declaration', async () => {
    const region = `测试${unique('q').slice(-6)}区`;
    const add = await call<{ riskAreas: { region: string }[] }>(staff.changeRiskAreas, {
      token: official.token,
      body: { action: 'add', region, note: '测试用', reason: '新增风险地区' },
    });
    expect(add.status).toBe(200);
    expect(add.body.riskAreas.map((a) => a.region)).toContain(region);
    expect((await auditRows('health.riskArea.add')).some((a) => a.region === region)).toBe(true);
    const r = await registeredUser();
    const res = await declare(r.token, normalDeclaration(r.resident.residentId, { travel: [`${region}某街道`] }));
    expect(res.body.resident.status.colour).toBe('yellow');
    expect(
      (
        await call(staff.changeRiskAreas, {
          token: official.token,
          body: { action: 'add', region, reason: '重复添加' },
        })
      ).status,
    ).toBe(409);
    expect(
      (await call(staff.changeRiskAreas, { token: r.token, body: { action: 'remove', region, reason: '居民想删' } }))
        .status,
    ).toBe(403);
    const removed = await call<{ riskAreas: { region: string }[] }>(staff.changeRiskAreas, {
      token: official.token,
      body: { action: 'remove', region, reason: '解除风险' },
    });
    expect(removed.body.riskAreas.map((a) => a.region)).not.toContain(region);
    expect((await call(h.rules, { method: 'GET' })).body.riskAreas).toEqual(
      expect.arrayContaining([expect.objectContaining({ region: '湖北省' })]),
    );
  });
});
