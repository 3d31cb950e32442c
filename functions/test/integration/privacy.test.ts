import { ErrorBody, MyDataResponse, MyReadsResponse, PRIVACY_VERSION, type ResidentView } from '@citycare/contract';
import * as privacy from '../../src/privacy/handlers';
import { uniqueId } from '../health-fixtures';
import { residentHandlers as h, staffHandlers as staff } from './health-api';
import {
  CONSENT,
  declare,
  healthSnapshot,
  newUser,
  normalDeclaration,
  placeToken,
  registration,
  scanId,
} from './health-helpers';
import { call, loginAs, scanAll, unique } from './helpers';

/** Sensitive-data consent, 我的数据, the officials' reads as the resident sees them, and 注销. */

let official: { token: string; userId: string };
beforeAll(async () => {
  official = await loginAs('official'); // 陈静
});

/** A run-unique Chinese name and phone, so a scan of every table finds only this person's rows. */
const NAME_CHARS = '秀兰德福建国丽娟志强海燕春梅玉珍凤英桂兰淑华明亮';
const uniqueName = () =>
  '欧阳' + Array.from({ length: 3 }, () => NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)]).join('');
const uniquePhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function household() {
  const user = await newUser('pv');
  const me = registration({ name: uniqueName(), phone: uniquePhone() });
  const reg = await call<{ resident: ResidentView }>(h.registerSelf, { token: user.token, body: me });
  expect(reg.status).toBe(201);
  const family = { name: uniqueName(), idNumber: uniqueId('210881'), relation: 'parent', ...CONSENT };
  const add = await call<{ resident: ResidentView }>(h.addFamily, { token: user.token, body: family });
  expect(add.status).toBe(201);
  return { ...user, me, family, self: reg.body.resident, member: add.body.resident };
}

const get = (handler: typeof privacy.myData, token: string) => call(handler, { method: 'GET', token });

describe('separate consent to sensitive personal data', () => {
  it('refuses registration without the ticked box, or for an older guide (422, one shape, nothing written), and records the version agreed', async () => {
    const user = await newUser('pv');
    const before = await healthSnapshot(user.userId);
    for (const [consentVersion, message] of [
      [undefined, '勾选同意'],
      ['2020-01-01', '已更新'],
    ] as const) {
      const res = await call(h.registerSelf, { token: user.token, body: registration({ consentVersion }) });
      expect(res.status).toBe(422);
      const error = ErrorBody.parse(res.body).error;
      expect(error).toMatchObject({ code: 'UNPROCESSABLE', details: [{ path: 'consentVersion' }] });
      expect(error.message).toContain(message);
    }
    expect(await healthSnapshot(user.userId)).toBe(before);
    const ok = await call<{ resident: ResidentView }>(h.registerSelf, { token: user.token, body: registration() });
    expect(ok.status).toBe(201);
    const profile = (await scanAll(process.env.TABLE_HEALTH ?? '')).find(
      (i) => i.pk === `HH#${user.userId}` && i.sk === `P#${ok.body.resident.residentId}`,
    );
    expect(profile).toMatchObject({ consentVersion: PRIVACY_VERSION, consentAt: expect.any(String) });
  });

  it('refuses a family member and an outsider at a checkpoint without it', async () => {
    const { token } = await household();
    const family = { name: '王德福', idNumber: uniqueId('210881'), relation: 'parent' };
    expect((await call(h.addFamily, { token, body: family })).status).toBe(422);
    const checkpoint = await loginAs('checkpoint');
    const outsider = {
      outsiderId: scanId(),
      placeId: 'cp-lutun',
      name: '赵国庆',
      phone: '13900001111',
      origin: '大石桥市永安镇',
      reason: '给父母送药',
      temperature: 36.6,
      decision: 'through',
    };
    const refused = await call(staff.addOutsider, { token: checkpoint.token, body: outsider });
    expect(refused.status).toBe(422);
    expect(ErrorBody.parse(refused.body).error.code).toBe('UNPROCESSABLE');
    expect((await call(staff.addOutsider, { token: checkpoint.token, body: { ...outsider, ...CONSENT } })).status).toBe(
      201,
    );
  });
});

describe('the officials’ reads of a resident, audited and shown to the resident', () => {
  it('audits every official read of a resident (lookup, detail, trace, status change, a place trace showing their visit) and shows each to that household only', async () => {
    const hh = await household();
    const stranger = await household();
    const residentId = hh.self.residentId;
    const why = unique('密接核查');
    expect((await call(staff.lookup, { token: official.token, body: { idNumber: hh.me.idNumber } })).status).toBe(200);
    expect((await call(h.resident, { method: 'GET', token: official.token, params: { residentId } })).status).toBe(200);
    expect((await call(staff.traceResident, { token: official.token, body: { residentId, reason: why } })).status).toBe(
      200,
    );
    const statusWhy = unique('密接者居家观察');
    const set = await call(staff.setStatus, {
      token: official.token,
      params: { residentId: hh.member.residentId },
      body: { colour: 'yellow', reason: statusWhy },
    });
    expect(set.status).toBe(200);
    // A place trace that shows the resident's visit is a read of their data too.
    const visit = { visitId: scanId(), placeToken: await placeToken('vh-bus-3'), residentId };
    expect((await call(h.visit, { token: hh.token, body: visit })).status).toBe(200);
    const traceWhy = unique('公交车流调');
    const now = Date.now();
    const traced = await call(staff.tracePlace, {
      token: official.token,
      body: {
        placeId: 'vh-bus-3',
        from: new Date(now - 3600_000).toISOString(),
        to: new Date(now).toISOString(),
        reason: traceWhy,
      },
    });
    expect(traced.status).toBe(200);
    // The resident's own look at their record is not an official's read.
    expect((await call(h.resident, { method: 'GET', token: hh.token, params: { residentId } })).status).toBe(200);

    const res = await get(privacy.myReads, hh.token);
    expect(res.status).toBe(200);
    const { reads } = MyReadsResponse.parse(res.body);
    expect(reads.map((r) => [r.action, r.residentId])).toEqual([
      ['health.trace.seen', residentId],
      ['health.status.set', hh.member.residentId],
      ['health.trace.resident', residentId],
      ['health.resident.view', residentId],
      ['health.lookup', residentId],
    ]);
    expect(reads[0]).toMatchObject({ actionLabel: '场所流调中查看了到访记录', reason: traceWhy });
    expect(reads[1]).toMatchObject({
      office: '市卫生健康委员会',
      officialMasked: '陈*（工作人员）',
      reason: statusWhy,
    });
    expect(reads[1]?.residentName).toBe(hh.member.maskedName);
    expect(reads[2]?.reason).toBe(why);
    expect(JSON.stringify(reads)).not.toContain('陈静');
    expect(JSON.stringify(reads)).not.toContain(official.userId);
    // Another household sees none of it.
    expect(MyReadsResponse.parse((await get(privacy.myReads, stranger.token)).body).reads).toEqual([]);
    expect((await call(privacy.myReads, { method: 'GET' })).status).toBe(401);
  });
});

describe('我的数据', () => {
  it('shows the caller’s own and their family members’ data in full, and nobody else’s', async () => {
    const hh = await household();
    const other = await household();
    await declare(hh.token, normalDeclaration(hh.self.residentId));
    const res = await get(privacy.myData, hh.token);
    expect(res.status).toBe(200);
    const data = MyDataResponse.parse(res.body);
    expect(data.guideVersion).toBe(PRIVACY_VERSION);
    const text = JSON.stringify(data.sections);
    for (const own of [hh.me.name, hh.me.phone, hh.family.name, '健康申报']) expect(text).toContain(own);
    for (const theirs of [other.me.name, other.me.phone, other.family.name]) expect(text).not.toContain(theirs);
    expect(text).not.toContain(hh.me.idNumber);
    expect(data.kept.map((k) => k.days)).toContain(1095);
  });
});

describe('注销', () => {
  const tables = () =>
    Object.entries(process.env)
      .filter(([k]) => k.startsWith('TABLE_'))
      .map(([, v]) => v ?? '');

  it('from CityCare as a whole: nothing about the person remains but the officials’ reads, which expire', async () => {
    const hh = await household();
    await declare(hh.token, normalDeclaration(hh.member.residentId));
    const visited = await call(h.visit, {
      token: hh.token,
      body: { visitId: scanId(), placeToken: await placeToken('vh-bus-3'), residentId: hh.self.residentId },
    });
    expect(visited.status).toBe(200);
    expect((await call(staff.lookup, { token: official.token, body: { idNumber: hh.me.idNumber } })).status).toBe(200);
    const ids = [hh.userId, hh.self.residentId, hh.member.residentId, hh.me.name, hh.me.phone, hh.family.name];

    expect((await call(privacy.deregister, { token: hh.token, body: { scope: 'all', confirm: '好' } })).status).toBe(
      400,
    );
    const res = await call<{ deleted: number; kept: unknown[] }>(privacy.deregister, {
      token: hh.token,
      body: { scope: 'all', confirm: '注销' },
    });
    expect(res.status).toBe(200);
    expect(res.body.deleted).toBeGreaterThan(5);

    const left: { table: string; row: Record<string, unknown> }[] = [];
    for (const table of tables()) {
      for (const row of await scanAll(table)) {
        // Sets too (JSON.stringify writes a Set as {}): a person finder row lists account ids in one.
        const json = JSON.stringify(row, (_, v: unknown) => (v instanceof Set ? [...(v as Set<unknown>)] : v));
        if (ids.some((id) => json.includes(id)) || json.includes(hh.me.idNumber)) left.push({ table, row });
      }
    }
    // Only what the page says stays: the officials' reads by resident id alone, and the day's
    // rate counter by account id alone, each with its expiry.
    const reads = left.filter((l) => l.table === process.env.TABLE_AUDIT);
    const counters = left.filter((l) => l.table === process.env.TABLE_LIMITS);
    expect(reads.length + counters.length).toBe(left.length);
    expect(reads.length).toBeGreaterThan(0);
    for (const { row } of reads) {
      expect(row).toMatchObject({ pk: 'HEALTH#TRACE', residentId: hh.self.residentId, expiresAt: expect.any(Number) });
      expect(row.expiresAt).toBeGreaterThan(Date.now() / 1000 + 1000 * 86400);
    }
    for (const { row } of counters) {
      expect(Object.keys(row).sort()).toEqual(['attempts', 'expiresAt', 'pk']);
      expect(row.expiresAt).toBeLessThanOrEqual(Date.now() / 1000 + 2 * 86400);
    }
    const stays = MyDataResponse.shape.kept.parse(res.body.kept);
    expect(stays.map((k) => k.days)).toEqual([1095, 1, 1095, 1095]);
    // The ID number is free again, and a second 注销 finds nothing more.
    const again = await newUser('pv');
    const reg = await call(h.registerSelf, { token: again.token, body: registration({ idNumber: hh.me.idNumber }) });
    expect(reg.status).toBe(201);
    const twice = await call<{ deleted: number }>(privacy.deregister, {
      token: hh.token,
      body: { scope: 'all', confirm: '注销' },
    });
    expect(twice.body.deleted).toBe(1); // the (absent) account row's delete
  });

  it('from the health code only: the health data goes, the account stays', async () => {
    const hh = await household();
    const res = await call(privacy.deregister, { token: hh.token, body: { scope: 'health', confirm: '注销' } });
    expect(res.status).toBe(200);
    const data = MyDataResponse.parse((await get(privacy.myData, hh.token)).body);
    expect(data.sections.find((s) => s.service === 'health')?.records).toEqual([]);
    expect(data.sections.find((s) => s.service === 'account')?.records).toHaveLength(1);
    expect(MyReadsResponse.parse((await get(privacy.myReads, hh.token)).body).reads).toEqual([]);
  });
});
