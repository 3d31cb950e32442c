import type { ResidentView } from '@citycare/contract';
import { residentHandlers as h, staffHandlers as staff, disputeHandlers as disputes } from './health-api';
import { call, loginAs, scanAll } from './helpers';
import { declare, healthSnapshot, newUser, normalDeclaration, registeredUser, registration } from './health-helpers';

/** A registered ID number is neither a dead end nor an oracle: disputes, uniform answers, throttled attempts. */

interface RegisterAnswer {
  resident?: ResidentView;
  verification?: { disputeId: string; message: string; idMasked: string };
}

let official: { token: string; userId: string };
beforeAll(async () => {
  official = await loginAs('official');
});

const register = (token: string, body: Record<string, unknown>) =>
  call<RegisterAnswer>(h.registerSelf, { token, body });
const resolve = (token: string, disputeId: string, body: Record<string, unknown>) =>
  call<{ dispute: { status: string; decision: string } }>(disputes.resolveDispute, {
    token,
    params: { disputeId },
    body,
  });
const auditRows = async (disputeId: string) =>
  (await scanAll(process.env.TABLE_AUDIT ?? '')).filter((i) => i.disputeId === disputeId);

describe('registering an ID number someone else holds', () => {
  it('answers "submitted, needs verification" without saying it is registered, and files a dispute once', async () => {
    const holder = await registeredUser();
    const claimant = await newUser();
    const body = registration({ name: '王秀兰', idNumber: holder.idNumber, phone: '13900002222' });
    const res = await register(claimant.token, body);
    expect(res.status).toBe(202);
    expect(res.body.resident).toBeUndefined();
    expect(res.body.verification?.message).toMatch(/核实/);
    expect(res.body.verification?.message).not.toMatch(/已经登记|已登记|已被/);
    expect(JSON.stringify(res.body)).not.toContain(holder.resident.residentId);
    const again = await register(claimant.token, body);
    expect(again.status).toBe(202);
    expect(again.body.verification?.disputeId).toBe(res.body.verification?.disputeId);
    const queue = await call<{ disputes: { disputeId: string; idMasked: string; claimantName: string }[] }>(
      disputes.disputes,
      { method: 'GET', token: official.token },
    );
    expect(queue.body.disputes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ disputeId: res.body.verification?.disputeId, idMasked: holder.resident.idMasked }),
      ]),
    );
    expect((await call(disputes.disputes, { method: 'GET', token: claimant.token })).status).toBe(403);
  });

  it('an official keeps the ID with its holder: audited, nothing else changes', async () => {
    const holder = await registeredUser();
    const claimant = await newUser();
    const { body } = await register(claimant.token, registration({ idNumber: holder.idNumber }));
    const disputeId = body.verification!.disputeId;
    const before = await healthSnapshot(holder.userId);
    expect((await resolve(claimant.token, disputeId, { decision: 'move', reason: '我才是本人' })).status).toBe(403);
    expect((await resolve(official.token, disputeId, { decision: 'maybe', reason: '不清楚' })).status).toBe(400);
    const kept = await resolve(official.token, disputeId, { decision: 'keep', reason: '原登记人持身份证核验无误' });
    expect(kept.status).toBe(200);
    expect(await healthSnapshot(holder.userId)).toBe(before);
    expect(await auditRows(disputeId)).toEqual([
      expect.objectContaining({ action: 'health.dispute.keep', actorId: official.userId }),
    ]);
    expect((await resolve(official.token, disputeId, { decision: 'keep', reason: '再处理一次' })).status).toBe(409);
  });

  it("an official moves the ID to the claimant, who gets the code with its status; the holder's is gone", async () => {
    const holder = await registeredUser();
    await declare(holder.token, normalDeclaration(holder.resident.residentId, { temperature: 38.3 }));
    const claimant = await newUser();
    const { body } = await register(claimant.token, registration({ idNumber: holder.idNumber, name: '王秀兰' }));
    const disputeId = body.verification!.disputeId;
    const moved = await resolve(official.token, disputeId, { decision: 'move', reason: '申领人持身份证到社区核验' });
    expect(moved.status).toBe(200);
    const mine = await call<{ residents: ResidentView[] }>(h.household, { method: 'GET', token: claimant.token });
    expect(mine.body.residents).toEqual([
      expect.objectContaining({
        relation: 'self',
        idMasked: holder.resident.idMasked,
        status: expect.objectContaining({ colour: 'yellow' }),
      }),
    ]);
    const theirs = await call<{ residents: ResidentView[] }>(h.household, { method: 'GET', token: holder.token });
    expect(theirs.body.residents).toEqual([]);
    const found = await call<{ residentId: string }>(staff.lookup, {
      token: official.token,
      body: { idNumber: holder.idNumber },
    });
    expect(found.body.residentId).toBe(mine.body.residents[0]?.residentId);
    expect(await auditRows(disputeId)).toEqual([
      expect.objectContaining({
        action: 'health.dispute.move',
        actorId: official.userId,
        reason: '申领人持身份证到社区核验',
      }),
    ]);
  });
});

describe('registration attempts', () => {
  it('are limited per account and day, with 429 and Retry-After, writing nothing', async () => {
    const prober = await newUser();
    const holders = await Promise.all(Array.from({ length: 3 }, () => registeredUser()));
    const answers = [];
    for (let i = 0; i < 10; i++) {
      answers.push(await register(prober.token, registration({ idNumber: holders[i % 3]!.idNumber })));
    }
    expect(answers.every((a) => a.status === 202)).toBe(true);
    const before = await healthSnapshot(prober.userId);
    const res = await call(h.registerSelf, { token: prober.token, body: registration() });
    expect(res.status).toBe(429);
    expect(res.body.error?.code).toBe('RATE_LIMITED');
    expect(await healthSnapshot(prober.userId)).toBe(before);
  });
});
