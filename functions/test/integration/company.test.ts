import type { CompanyView, GateCountsResponse, PlaceCodeResponse } from '@citycare/contract';
import { company, decideAs, freshCreditCode, registered, registration } from './company-fixtures';
import { residentHandlers as h } from './health-api';
import { declare, normalDeclaration, registeredUser, scanId } from './health-helpers';
import { call, newStaff, scanAll, signedIn, unique } from './helpers';

/** 复工复产: registration, review by the district, the gate's signed code and its counts. */

// 郑宏 (demo representative, owns the seeded company), 高峰 (站前区 reviewer), an official without the scope.
const [demoRep, reviewer, official] = signedIn('company', 'resumption', 'official');

const get = (token: string, companyId: string) =>
  call<{ company: CompanyView }>(company.get, { method: 'GET', token, params: { companyId } });

describe('registration', () => {
  it('registers a company pending review; a retry with the same key registers nothing twice', async () => {
    const rep = await newStaff('company');
    const body = registration();
    const headers = { 'idempotency-key': unique('reg') };
    const [a, b] = await Promise.all(
      [1, 2].map(() => call<{ company: CompanyView }>(company.register, { token: rep.token, body, headers })),
    );
    expect([a?.status, b?.status]).toEqual([201, 201]);
    expect(a?.body.company.companyId).toBe(b?.body.company.companyId);
    expect(a?.body.company).toMatchObject({ state: 'pending', district: 'zhanqian', creditCode: body.creditCode });
    const mine = await call<{ companies: CompanyView[] }>(company.mine, { method: 'GET', token: rep.token });
    expect(mine.body.companies.map((c) => c.companyId)).toEqual([a?.body.company.companyId]);
  });

  it('refuses a bad credit code (400, GB 32100 check character) and one already registered (409)', async () => {
    const rep = await newStaff('company');
    const good = freshCreditCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    for (const creditCode of [wrongCheck, good.slice(0, 17), `${good.slice(0, 5)}I${good.slice(6)}`]) {
      const res = await call(company.register, {
        token: rep.token,
        body: registration({ creditCode }),
        headers: { 'idempotency-key': unique('reg') },
      });
      expect([creditCode, res.status, res.body.error?.code]).toEqual([creditCode, 400, 'VALIDATION_FAILED']);
      expect(res.body.error?.message).toContain('统一社会信用代码');
    }
    const first = await call(company.register, {
      token: rep.token,
      body: registration({ creditCode: good }),
      headers: { 'idempotency-key': unique('r') },
    });
    expect(first.status).toBe(201);
    const again = await call(company.register, {
      token: rep.token,
      body: registration({ creditCode: good.toLowerCase() }),
      headers: { 'idempotency-key': unique('r') },
    });
    expect(again.status).toBe(409);
    expect(
      (await call<{ companies: unknown[] }>(company.mine, { method: 'GET', token: rep.token })).body.companies,
    ).toHaveLength(1);
  });

  it('refuses residents and reviewers as registrants (403)', async () => {
    const resident = await registeredUser();
    for (const token of [resident.token, reviewer.token]) {
      const res = await call(company.register, {
        token,
        body: registration(),
        headers: { 'idempotency-key': unique('r') },
      });
      expect(res.status).toBe(403);
    }
  });
});

describe('review by the district', () => {
  it('shows the district its queue; another district or a plain official is refused (403); a rep reads only their own', async () => {
    const { rep, company: c } = await registered();
    const queue = await call<{ companies: CompanyView[] }>(company.queue, { method: 'GET', token: reviewer.token });
    expect(queue.body.companies.map((x) => x.companyId)).toContain(c.companyId);
    const gaizhou = await newStaff('resumption', 'gaizhou');
    const theirs = await call<{ companies: CompanyView[] }>(company.queue, { method: 'GET', token: gaizhou.token });
    expect(theirs.body.companies.map((x) => x.companyId)).not.toContain(c.companyId);
    expect((await decideAs(gaizhou.token, c.companyId, { decision: 'approve' })).status).toBe(403);
    expect((await get(gaizhou.token, c.companyId)).status).toBe(403);
    expect((await decideAs(official.token, c.companyId, { decision: 'approve' })).status).toBe(403);
    expect((await decideAs(rep.token, c.companyId, { decision: 'approve' })).status).toBe(403);
    expect((await get(demoRep.token, c.companyId)).status).toBe(403);
    expect((await get(rep.token, 'co-no-such-company')).status).toBe(403);
    expect((await get(reviewer.token, c.companyId)).body.company.state).toBe('pending');
    expect((await get(rep.token, c.companyId)).body.company.state).toBe('pending');
  });

  it('returns with a reason; the rep resubmits; approved once (409 the second time), audited', async () => {
    const { rep, company: c } = await registered();
    expect((await decideAs(reviewer.token, c.companyId, { decision: 'return' })).status).toBe(400);
    const returned = await decideAs(reviewer.token, c.companyId, {
      decision: 'return',
      reason: '消毒方案不具体，请写明频次',
    });
    expect(returned.body.company).toMatchObject({ state: 'returned', returnReason: '消毒方案不具体，请写明频次' });
    expect((await get(rep.token, c.companyId)).body.company.returnReason).toBe('消毒方案不具体，请写明频次');
    expect((await decideAs(reviewer.token, c.companyId, { decision: 'approve' })).status).toBe(409);
    const { creditCode: _c, ...rest } = registration({ workforce: 40 });
    const again = await call<{ company: CompanyView }>(company.resubmitCompany, {
      token: rep.token,
      params: { companyId: c.companyId },
      body: { ...rest, plan: { ...rest.plan, disinfection: '车间每日 8 时、14 时两次消毒' } },
    });
    expect(again.body.company).toMatchObject({ state: 'pending', workforce: 40, creditCode: c.creditCode });
    expect(again.body.company.returnReason).toBeUndefined();
    const resubmitAgain = await call(company.resubmitCompany, {
      token: rep.token,
      params: { companyId: c.companyId },
      body: rest,
    });
    expect(resubmitAgain.status).toBe(409);
    const [one, two] = await Promise.all(
      [1, 2].map(() => decideAs(reviewer.token, c.companyId, { decision: 'approve' })),
    );
    expect([one?.status, two?.status].sort()).toEqual([200, 409]);
    expect((await get(rep.token, c.companyId)).body.company).toMatchObject({
      state: 'approved',
      gatePlaceId: c.companyId,
    });
    const audit = (await scanAll(process.env.TABLE_AUDIT ?? '')).filter((a) => a.pk === `COMPANY#${c.companyId}`);
    expect(audit.map((a) => [a.action, a.actorId]).sort()).toEqual([
      ['company.approve', reviewer.userId],
      ['company.resubmit', rep.userId],
      ['company.return', reviewer.userId],
    ]);
  });
});

describe('the gate', () => {
  it('gives an approved company a signed gate code that works as a place code; counts colours, no names', async () => {
    const { rep, company: c } = await registered();
    const codeOf = (token: string) =>
      call<PlaceCodeResponse>(company.gateCode, { method: 'GET', token, params: { companyId: c.companyId } });
    expect((await codeOf(rep.token)).status).toBe(409);
    await decideAs(reviewer.token, c.companyId, { decision: 'approve' });
    const code = await codeOf(rep.token);
    expect(code.status).toBe(200);
    expect(code.body.place).toMatchObject({ id: c.companyId, kind: 'company', district: 'zhanqian' });
    expect((await codeOf(demoRep.token)).status).toBe(403);

    // Two employees scan the gate's code: one green, one yellow (a fever declared).
    const green = await registeredUser();
    const yellow = await registeredUser();
    await declare(yellow.token, normalDeclaration(yellow.resident.residentId, { temperature: 38.2 }));
    for (const u of [green, yellow]) {
      const body = { visitId: scanId(), placeToken: code.body.token, residentId: u.resident.residentId };
      expect((await call(h.visit, { token: u.token, body })).status).toBe(200);
    }
    const counts = await call<GateCountsResponse>(company.gateCounts, {
      method: 'GET',
      token: rep.token,
      params: { companyId: c.companyId },
    });
    expect(counts.status).toBe(200);
    expect(counts.body.days).toHaveLength(7);
    expect(counts.body.days[0]).toMatchObject({ scans: 2, yellow: 1, red: 0 });
    const answer = JSON.stringify(counts.body);
    for (const personal of [
      '王',
      '*',
      green.resident.residentId,
      yellow.resident.residentId,
      'codeId',
      'maskedName',
      'at"',
    ]) {
      expect(answer).not.toContain(personal);
    }
    expect(Object.keys(counts.body.days[0] ?? {}).sort()).toEqual(['date', 'red', 'scans', 'yellow']);
    expect(
      (await call(company.gateCounts, { method: 'GET', token: demoRep.token, params: { companyId: c.companyId } }))
        .status,
    ).toBe(403);
  });

  it('seeds a demo company, approved, that its representative sees', async () => {
    const mine = await call<{ companies: CompanyView[] }>(company.mine, { method: 'GET', token: demoRep.token });
    expect(mine.body.companies).toEqual(
      expect.arrayContaining([expect.objectContaining({ companyId: 'co-demo-xinda', state: 'approved' })]),
    );
  });
});
