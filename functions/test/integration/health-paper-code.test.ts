import jwt from 'jsonwebtoken';
import type { PaperCodeResponse, ScansUploadResponse } from '@citycare/contract';
import { forgetCached } from '../../src/lib/cache';
import { paperCode } from '../../src/health/paper/handlers';
import { staffHandlers as staff } from './health-api';
import { call, loginAs, newStaff, scanAll } from './helpers';
import { registeredUser, scanId } from './health-helpers';

/**
 * Paper codes (纸质码, issue 12): a community worker prints one for a resident of their community,
 * an official for anyone; the card's token is a code's with `pc: 1`, valid 7 days; every print
 * is audited once (an Idempotency-Key retry gets the same card); scanners refuse it after the
 * resident's status changes.
 */

let worker: { token: string; userId: string };
let official: { token: string; userId: string };
let checkpoint: { token: string };
beforeAll(async () => {
  [worker, official, checkpoint] = await Promise.all([loginAs('worker'), loginAs('official'), loginAs('checkpoint')]);
});

const print = (token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call<PaperCodeResponse>(paperCode, { token, body, headers });
const printRows = async (residentId: string) =>
  (await scanAll(process.env.TABLE_AUDIT ?? '')).filter(
    (i) => i.action === 'health.paper.print' && i.residentId === residentId,
  );

describe('POST /health/paper-codes', () => {
  it('a community worker prints one for a resident of their community, by ID number: masked, 7 days, pc: 1, audited', async () => {
    const user = await registeredUser('pc'); // 建设社区, 李建国's community
    const res = await print(worker.token, { idNumber: user.idNumber });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      colour: 'green',
      maskedName: '王*兰',
      idMasked: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/),
      community: 'zq-jianshe',
    });
    const claims = jwt.decode(res.body.token) as Record<string, unknown>;
    expect(claims).toMatchObject({ pc: 1, st: 'green', nm: '王*兰', id: res.body.idMasked });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(7 * 86400);
    expect(JSON.stringify(claims)).not.toContain(user.idNumber);
    const rows = await printRows(user.resident.residentId);
    expect(rows).toEqual([
      expect.objectContaining({
        actorId: worker.userId,
        action: 'health.paper.print',
        sk: expect.stringContaining(res.body.auditId),
      }),
    ]);
  });

  it('an official prints for any resident, by resident id; a retry with the same Idempotency-Key gets the same card and no second row', async () => {
    const user = await registeredUser('pc');
    const id = user.resident.residentId;
    const headers = { 'idempotency-key': `paper-${id}` };
    const first = await print(official.token, { residentId: id }, headers);
    const again = await print(official.token, { residentId: id }, headers);
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await printRows(id)).toHaveLength(1);
  });

  it('refuses a resident (403), a worker of another community (403), an unknown resident (404) and bad input (400); nothing audited', async () => {
    const user = await registeredUser('pc');
    const id = user.resident.residentId;
    const other = await newStaff('worker', 'zq-yingbin');
    const cases = [
      [await print(user.token, { residentId: id }), 403],
      [await print(other.token, { residentId: id }), 403],
      [await print(other.token, { idNumber: user.idNumber }), 403],
      [await print(worker.token, { residentId: 'r-nobody-here' }), 404],
      [await print(official.token, { residentId: id, idNumber: user.idNumber }), 400],
      [await print(official.token, { idNumber: '210802' }), 400],
    ] as const;
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      expect(res.body.error?.code).toEqual(expect.any(String));
    }
    expect(await printRows(id)).toHaveLength(0);
  });

  it('scans like any code until the resident turns red; then the server refuses it (superseded)', async () => {
    const user = await registeredUser('pc');
    const card = (await print(worker.token, { idNumber: user.idNumber })).body;
    const scan = () => ({
      scanId: scanId(),
      scannedAt: new Date().toISOString(),
      token: card.token,
      temperature: 36.5,
      result: 'pass',
      reason: 'ok',
    });
    const upload = (s: ReturnType<typeof scan>) =>
      call<ScansUploadResponse>(staff.uploadScans, {
        token: checkpoint.token,
        body: { placeId: 'cp-lutun', scans: [s] },
      });
    forgetCached();
    expect((await upload(scan())).body.results[0]).toMatchObject({ stored: true, result: 'pass', reason: 'ok' });
    const red = await call(staff.setStatus, {
      token: official.token,
      params: { residentId: user.resident.residentId },
      body: { colour: 'red', reason: '确诊病例密切接触者' },
    });
    expect(red.status).toBe(200);
    forgetCached();
    expect((await upload(scan())).body.results[0]).toMatchObject({
      stored: true,
      result: 'stop',
      reason: 'superseded',
    });
  });
});
