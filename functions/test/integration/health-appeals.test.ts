import type { AppealView, ResidentDetailResponse } from '@citycare/contract';
import { residentHandlers as h, staffHandlers as staff } from './health-api';
import { sealCursor } from '../../src/lib/cursor';
import { call, httpEvent, loginAs, scanAll } from './helpers';
import { declare, healthSnapshot, normalDeclaration, registeredUser } from './health-helpers';

/** Appeals (纠错) that cannot flood the queue: one open per resident, closable without a change, paged. */

let official: { token: string; userId: string };
beforeAll(async () => {
  official = await loginAs('official');
});

const fileAppeal = (token: string, residentId: string, reason = '体温计读数有误，复测 36.5 °C') =>
  call<{ appeal: AppealView }>(h.appeal, { token, body: { residentId, reason } });
const myAppeals = (token: string, residentId: string) =>
  call<{ appeals: AppealView[] }>(h.myAppeals, { method: 'GET', token, params: { residentId } });
const closeAppeal = (token: string, appealId: string, reason: string) =>
  call<{ appeal: AppealView }>(staff.closeAppeal, { token, params: { appealId }, body: { reason } });
/** One page of the officials' queue; `cursor` goes in the query string. */
async function queuePage(token: string, cursor?: string) {
  const event = httpEvent({ method: 'GET', token });
  if (cursor !== undefined) event.queryStringParameters = { cursor };
  const res = await staff.appeals(event);
  return {
    status: res.statusCode ?? 0,
    body: JSON.parse(res.body ?? 'null') as {
      appeals: AppealView[];
      waiting: number;
      nextCursor?: string;
      error?: { code: string; message: string };
    },
  };
}

describe('one open appeal per resident', () => {
  it('accepts one of 12 appeals filed at once, and another only after the first is closed', async () => {
    const r = await registeredUser();
    const id = r.resident.residentId;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => fileAppeal(r.token, id, `第 ${i} 次申请`)));
    expect(results.filter((x) => x.status === 201)).toHaveLength(1);
    const refused = results.filter((x) => x.status !== 201);
    expect(refused.every((x) => x.status === 409)).toBe(true);
    expect(refused[0]?.body.error?.message).toMatch(/正在处理/);
    const open = results.find((x) => x.status === 201)!.body.appeal;
    const before = await healthSnapshot(r.userId);
    expect((await fileAppeal(r.token, id)).status).toBe(409);
    expect(await healthSnapshot(r.userId)).toBe(before);
    expect((await closeAppeal(official.token, open.appealId, '经核实，状态无误')).status).toBe(200);
    expect((await fileAppeal(r.token, id, '再次申请复核')).status).toBe(201);
  });
});

describe('closing an appeal', () => {
  it('维持原状态: keeps the colour, and the resident sees the outcome and the reason', async () => {
    const r = await registeredUser();
    const id = r.resident.residentId;
    await declare(r.token, normalDeclaration(id, { temperature: 38.4 }));
    const { appeal } = (await fileAppeal(r.token, id)).body;
    expect((await myAppeals(r.token, id)).body.appeals).toEqual([
      expect.objectContaining({ appealId: appeal.appealId, status: 'open' }),
    ]);
    const resident = await loginAs('resident2');
    expect((await closeAppeal(resident.token, appeal.appealId, '自己关掉')).status).toBe(403);
    expect((await closeAppeal(official.token, appeal.appealId, '')).status).toBe(400);
    const closed = await closeAppeal(official.token, appeal.appealId, '发热记录属实，请继续每日申报');
    expect(closed.status).toBe(200);
    expect(closed.body.appeal).toMatchObject({ status: 'closed', outcome: 'kept' });
    const detail = await call<ResidentDetailResponse>(h.resident, {
      method: 'GET',
      token: r.token,
      params: { residentId: id },
    });
    expect(detail.body.resident.status.colour).toBe('yellow');
    const mine = (await myAppeals(r.token, id)).body.appeals;
    expect(mine).toEqual([
      expect.objectContaining({
        appealId: appeal.appealId,
        status: 'closed',
        outcome: 'kept',
        decision: '发热记录属实，请继续每日申报',
        closedAt: expect.any(String),
      }),
    ]);
    expect((await closeAppeal(official.token, appeal.appealId, '再关一次')).status).toBe(409);
    const audit = (await scanAll(process.env.TABLE_AUDIT ?? '')).filter(
      (i) => i.action === 'health.appeal.keep' && i.appealId === appeal.appealId,
    );
    expect(audit).toEqual([
      expect.objectContaining({ actorId: official.userId, reason: '发热记录属实，请继续每日申报' }),
    ]);
    const other = await registeredUser();
    expect((await myAppeals(other.token, id)).status).toBe(403);
  });

  it('closed by a status change shows that outcome to the resident', async () => {
    const r = await registeredUser();
    const id = r.resident.residentId;
    await declare(r.token, normalDeclaration(id, { temperature: 38.1 }));
    const { appeal } = (await fileAppeal(r.token, id)).body;
    const res = await call(staff.setStatus, {
      token: official.token,
      params: { residentId: id },
      body: { colour: 'green', reason: '复测正常', appealId: appeal.appealId },
    });
    expect(res.status).toBe(200);
    expect((await myAppeals(r.token, id)).body.appeals[0]).toMatchObject({
      status: 'closed',
      outcome: 'changed',
      decision: '复测正常',
    });
    expect((await fileAppeal(r.token, id, '又有疑问')).status).toBe(201);
  });
});

describe("the officials' queue", () => {
  it('pages with a sealed cursor through every open appeal once, and shows how many wait', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await registeredUser();
      filed.push((await fileAppeal(r.token, r.resident.residentId)).body.appeal.appealId);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let first: number | undefined;
    for (let page = 0; page < 200; page++) {
      const res = await queuePage(official.token, cursor);
      expect(res.status).toBe(200);
      expect(res.body.appeals.length).toBeLessThanOrEqual(20);
      first ??= res.body.waiting;
      seen.push(...res.body.appeals.map((a) => a.appealId));
      cursor = res.body.nextCursor;
      if (!cursor) break;
      expect(cursor).not.toMatch(/APPEAL|HH#|\{/);
      expect(Buffer.from(cursor, 'base64url').toString()).not.toMatch(/APPEAL/);
    }
    expect(seen).toEqual(expect.arrayContaining(filed));
    expect(new Set(seen).size).toBe(seen.length);
    expect(first).toBeGreaterThanOrEqual(3);
  });

  it('refuses a cursor the client made or changed, or one sealed for another queue, with 400', async () => {
    const forgedPlain = Buffer.from(JSON.stringify({ pk: 'HH#someone', sk: 'P#r1' })).toString('base64url');
    const otherScope = await sealCursor('grocery.orders', { pk: 'APPEAL#OPEN', sk: 'a0' });
    const otherPartition = await sealCursor('health.appeals', { pk: 'HH#someone', sk: 'P#r1' });
    const valid = await sealCursor('health.appeals', { pk: 'APPEAL#OPEN', sk: 'a0' });
    expect((await queuePage(official.token, valid)).status).toBe(200);
    const i = Math.floor(valid.length / 2);
    const changed = `${valid.slice(0, i)}${valid[i] === 'A' ? 'B' : 'A'}${valid.slice(i + 1)}`;
    // Cursors that did not come sealed for this queue: refused by the cursor's seal.
    for (const cursor of [forgedPlain, otherScope, otherPartition, changed, '%%%']) {
      const res = await queuePage(official.token, cursor);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('BAD_REQUEST');
    }
    // An oversized one never reaches the handler: the contract's bounds on query strings refuse it.
    for (const cursor of ['x'.repeat(3000)]) {
      const res = await queuePage(official.token, cursor);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    }
    expect((await queuePage((await loginAs('checkpoint')).token)).status).toBe(403);
  });
});
