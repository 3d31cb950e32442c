import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ScanRow, ScansUploadResponse } from '@citycare/contract';
import { db } from '../../src/lib/dynamo';
import { residentHandlers as h, staffHandlers as staff } from './health-api';
import { codeGsiPk, scanKey } from '../../src/health/keys';
import { healthKeys, signHealthToken } from '../../src/health/tokens';
import { call, scanAll, signedIn, unique } from './helpers';
import {
  CONSENT,
  codeOf,
  healthSnapshot,
  registeredUser,
  residentWithCode,
  scanId,
  scansTable,
} from './health-helpers';

/** Scans at checkpoints (uploaded, offline ones retried), outsiders. Visits by place code: health-place-codes.test.ts. */

// 张伟 of 陆屯卡点 (cp-lutun), and an official.
const [checkpoint, official] = signedIn('checkpoint', 'official');

const scan = (token: string, overrides: Record<string, unknown> = {}) => ({
  scanId: scanId(),
  scannedAt: new Date().toISOString(),
  token,
  temperature: 36.4,
  result: 'pass',
  reason: 'ok',
  ...overrides,
});

const upload = (token: string, body: Record<string, unknown>) =>
  call<ScansUploadResponse>(staff.uploadScans, { token, body });
const codeIdOf = async (residentId: string) =>
  (await scanAll(process.env.TABLE_HEALTH ?? '')).find((i) => i.sk === `P#${residentId}`)?.codeId as string;
const rowsWith = async (ids: string[]) =>
  (await scanAll(scansTable())).filter((i) => ids.some((id) => String(i.sk).endsWith(`#${id}`)));

describe('POST /health/scans', () => {
  it('stores scans once, however often an offline batch is retried, even concurrently', async () => {
    const { resident, token } = await residentWithCode();
    const scans = [scan(token), scan(token, { scannedAt: new Date(Date.now() - 60_000).toISOString() })];
    const body = { placeId: 'cp-lutun', scans };
    const first = await upload(checkpoint.token, body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ stored: 2, duplicates: 0 });
    const retries = await Promise.all([1, 2, 3].map(() => upload(checkpoint.token, body)));
    expect(retries.map((r) => r.body.stored)).toEqual([0, 0, 0]);
    expect(await rowsWith(scans.map((s) => s.scanId))).toHaveLength(2);
    // The resident sees where they were scanned.
    const mine = await call<{ scans: ScanRow[] }>(h.myScans, {
      method: 'GET',
      token: resident.token,
      params: { residentId: resident.resident.residentId },
    });
    expect(mine.body.scans).toHaveLength(2);
    expect(mine.body.scans[0]).toMatchObject({
      placeName: '陆屯卡点',
      kind: 'scan',
      colour: 'green',
      maskedName: '王*兰',
    });
  });

  it('refuses a forged code per item and stores nothing for it', async () => {
    const { token } = await residentWithCode();
    const forged = scan('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', { result: 'pass', reason: 'ok' });
    const [h64, p64, s64] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p64, 'base64url').toString()) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...claims, nm: '李*' })).toString('base64url');
    const edited = scan(`${h64}.${tampered}.${s64}`);
    const good = scan(token);
    const res = await upload(checkpoint.token, { placeId: 'cp-lutun', scans: [forged, edited, good] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 1, refused: 2, duplicates: 0 });
    expect(res.body.results).toEqual([
      expect.objectContaining({ scanId: forged.scanId, stored: false, refused: 'unknown-key' }),
      expect.objectContaining({ scanId: edited.scanId, stored: false, refused: 'bad-signature' }),
      expect.objectContaining({ scanId: good.scanId, stored: true, result: 'pass', reason: 'ok' }),
    ]);
    expect(await rowsWith([forged.scanId, edited.scanId])).toHaveLength(0);
  });

  it('refuses a scan of a fresh code dated 20 days ago, so tracing cannot place anyone in the past', async () => {
    const { resident, token } = await residentWithCode();
    const backdated = scan(token, { scannedAt: new Date(Date.now() - 20 * 86400_000).toISOString() });
    const yesterday = scan(token, { scannedAt: new Date(Date.now() - 86400_000).toISOString() });
    const before = await healthSnapshot(checkpoint.userId, resident.userId);
    const res = await upload(checkpoint.token, { placeId: 'cp-lutun', scans: [backdated, yesterday] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 0, refused: 2 });
    expect(res.body.results.map((r) => r.refused)).toEqual(['too-late', 'outside-validity']);
    expect(res.body.results[1]?.message).toMatch(/有效期/);
    expect(await healthSnapshot(checkpoint.userId, resident.userId)).toBe(before);
  });

  it('accepts an offline scan of an older code inside its validity and the offline window, and refuses past the window', async () => {
    const resident = await registeredUser();
    const keys = await healthKeys();
    const codeId = await codeIdOf(resident.resident.residentId);
    const sign = (hoursAgo: number) =>
      signHealthToken(keys, codeId, 'green', '王*兰', 300, new Date(Date.now() - hoursAgo * 3600_000)).token;
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000 + 60_000).toISOString();
    const offline = scan(sign(30), { scannedAt: at(30) });
    const stale = scan(sign(80), { scannedAt: at(80) });
    const res = await upload(checkpoint.token, { placeId: 'cp-lutun', scans: [offline, stale] });
    expect(res.body.results).toEqual([
      expect.objectContaining({ scanId: offline.scanId, stored: true }),
      expect.objectContaining({ scanId: stale.scanId, stored: false, refused: 'too-late' }),
    ]);
    expect(await rowsWith([offline.scanId, stale.scanId])).toHaveLength(1);
  });

  it('judges the result itself and keeps what the scanner showed only beside it', async () => {
    const resident = await registeredUser();
    await call(staff.setStatus, {
      token: official.token,
      params: { residentId: resident.resident.residentId },
      body: { colour: 'red', reason: '密接' },
    });
    const red = (await codeOf(resident.token, resident.resident.residentId)).token;
    const other = await registeredUser();
    const green = (await codeOf(other.token, other.resident.residentId)).token;
    const lie = scan(red, { result: 'pass', reason: 'ok' });
    const hot = scan(green, { temperature: 38.4, result: 'pass', reason: 'ok' });
    const res = await upload(checkpoint.token, { placeId: 'cp-lutun', scans: [lie, hot] });
    expect(res.body.results).toEqual([
      expect.objectContaining({ stored: true, result: 'stop', reason: 'colour' }),
      expect.objectContaining({ stored: true, result: 'stop', reason: 'fever' }),
    ]);
    const [row] = await rowsWith([lie.scanId]);
    expect(row).toMatchObject({
      result: 'stop',
      reason: 'colour',
      clientResult: 'pass',
      clientReason: 'ok',
      colour: 'red',
    });
  });

  it("refuses another place's scans, residents, and bad bodies, writing nothing", async () => {
    const { resident, token } = await residentWithCode();
    const before = await healthSnapshot(checkpoint.userId, resident.userId);
    expect((await upload(checkpoint.token, { placeId: 'vn-yingkou-station', scans: [scan(token)] })).status).toBe(403);
    expect((await upload(resident.token, { placeId: 'cp-lutun', scans: [scan(token)] })).status).toBe(403);
    expect((await upload(checkpoint.token, { placeId: 'cp-lutun', scans: [] })).status).toBe(400);
    const badTime = await upload(checkpoint.token, {
      placeId: 'cp-lutun',
      scans: [scan(token), scan(token, { scannedAt: 'yesterday' })],
    });
    expect(badTime.status).toBe(400);
    expect(await healthSnapshot(checkpoint.userId, resident.userId)).toBe(before);
    const future = scan(token, { scannedAt: new Date(Date.now() + 3600_000).toISOString() });
    const ahead = await upload(checkpoint.token, { placeId: 'cp-lutun', scans: [future] });
    expect(ahead.status).toBe(200);
    expect(ahead.body.results).toEqual([expect.objectContaining({ stored: false, refused: 'future' })]);
    expect(ahead.body.results[0]?.message).toMatch(/设备时钟/);
    expect(await healthSnapshot(checkpoint.userId, resident.userId)).toBe(before);
  });

  it("spreads a busy place's stream over shards, not one partition", async () => {
    const { token } = await residentWithCode();
    const scans = Array.from({ length: 40 }, () => scan(token));
    expect((await upload(checkpoint.token, { placeId: 'cp-lutun', scans })).body.stored).toBe(40);
    const rows = await rowsWith(scans.map((s) => s.scanId));
    expect(new Set(rows.map((r) => r.pk)).size).toBeGreaterThan(1);
    expect(rows.every((r) => /^PLACE#cp-lutun#\d{4}-\d{2}-\d{2}#\d$/.test(String(r.pk)))).toBe(true);
    expect(
      rows.every((r) => typeof r.expiresAt === 'number' && Number(r.expiresAt) > Date.now() / 1000 + 27 * 86400),
    ).toBe(true);
  });

  it('ignores rows past their expiry that TTL has not deleted yet', async () => {
    const { resident, token } = await residentWithCode();
    const codeId = (await scanAll(process.env.TABLE_HEALTH ?? '')).find(
      (i) => i.sk === `P#${resident.resident.residentId}`,
    )?.codeId as string;
    const at = new Date(Date.now() - 60_000).toISOString();
    const id = unique('expired');
    await db().send(
      new PutCommand({
        TableName: scansTable(),
        Item: {
          ...scanKey('cp-lutun', at, id),
          kind: 'scan',
          id,
          at,
          placeId: 'cp-lutun',
          placeName: '陆屯卡点',
          maskedName: '王*兰',
          result: 'pass',
          gpk: codeGsiPk(codeId),
          gsk: `${at}#${id}`,
          expiresAt: Math.floor(Date.now() / 1000) - 10,
        },
      }),
    );
    await upload(checkpoint.token, { placeId: 'cp-lutun', scans: [scan(token)] });
    const mine = await call<{ scans: ScanRow[] }>(h.myScans, {
      method: 'GET',
      token: resident.token,
      params: { residentId: resident.resident.residentId },
    });
    expect(mine.body.scans).toHaveLength(1);
    const traced = await call<{ scans: ScanRow[] }>(staff.tracePlace, {
      token: official.token,
      body: {
        placeId: 'cp-lutun',
        from: new Date(Date.now() - 3600_000).toISOString(),
        to: new Date().toISOString(),
        reason: '测试过期记录',
      },
    });
    expect(traced.body.scans.some((s) => s.at === at)).toBe(false);
  });
});

describe('outsiders (对外来人员登记)', () => {
  const outsider = (overrides: Record<string, unknown> = {}) => ({
    outsiderId: scanId(),
    placeId: 'cp-lutun',
    name: '赵国庆',
    phone: '13900001111',
    origin: '大石桥市永安镇',
    reason: '给父母送药',
    temperature: 36.6,
    decision: 'through',
    ...CONSENT,
    ...overrides,
  });

  it('are registered once, masked in lists, and kept 28 days', async () => {
    const body = outsider();
    const res = await call(staff.addOutsider, { token: checkpoint.token, body });
    expect(res.status).toBe(201);
    expect(res.body.outsider).toMatchObject({ maskedName: '赵*庆', phoneMasked: '139****1111', decision: 'through' });
    expect((await call(staff.addOutsider, { token: checkpoint.token, body })).status).toBe(200);
    const rows = (await scanAll(scansTable())).filter((i) => i.id === body.outsiderId);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]?.expiresAt)).toBeGreaterThan(Date.now() / 1000 + 27 * 86400);
    const list = await call<{ outsiders: { outsiderId: string }[] }>(staff.outsiders, {
      method: 'GET',
      token: checkpoint.token,
      params: { placeId: 'cp-lutun' },
    });
    expect(list.body.outsiders.some((o) => o.outsiderId === body.outsiderId)).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain('13900001111');
    expect(JSON.stringify(list.body)).not.toContain('赵国庆');
    const byOfficial = await call(staff.outsiders, {
      method: 'GET',
      token: official.token,
      params: { placeId: 'cp-lutun' },
    });
    expect(byOfficial.status).toBe(200);
  });

  it('refuse another place, residents and bad bodies, writing nothing', async () => {
    const resident = await registeredUser();
    const before = await healthSnapshot(checkpoint.userId, resident.userId);
    expect(
      (await call(staff.addOutsider, { token: checkpoint.token, body: outsider({ placeId: 'cp-shanzui-1' }) })).status,
    ).toBe(403);
    expect((await call(staff.addOutsider, { token: resident.token, body: outsider() })).status).toBe(403);
    expect((await call(staff.addOutsider, { token: checkpoint.token, body: outsider({ phone: '123' }) })).status).toBe(
      400,
    );
    expect(
      (await call(staff.addOutsider, { token: checkpoint.token, body: outsider({ decision: 'maybe' }) })).status,
    ).toBe(400);
    expect(
      (await call(staff.outsiders, { method: 'GET', token: checkpoint.token, params: { placeId: 'cp-shanzui-1' } }))
        .status,
    ).toBe(403);
    expect(await healthSnapshot(checkpoint.userId, resident.userId)).toBe(before);
  });
});
