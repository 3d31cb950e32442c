import jwt from 'jsonwebtoken';
import type { JwksResponse, ResidentView } from '@citycare/contract';
import { residentHandlers as h } from './health-api';
import { householdColour } from '../../src/health/public';
import { parseJwks, verifyHealthToken } from '../../../miniapp/src/lib/health/verify';
import { call, scanAll } from './helpers';
import {
  codeOf,
  declare,
  healthSnapshot,
  healthTable,
  newUser,
  normalDeclaration,
  registeredUser,
  registration,
} from './health-helpers';

describe('GET /health/keys and /health/rules', () => {
  it('serves the JWKS without a session, cacheable', async () => {
    const res = await h.keys({ headers: {}, requestContext: { requestId: 't' } } as never);
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['cache-control']).toBe('public, max-age=300');
    const body = JSON.parse(res.body ?? '{}') as JwksResponse;
    expect(body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) });
    expect(res.body).not.toMatch(/"d"/);
  });
  it('serves the rule book with the seeded risk areas', async () => {
    const res = await call(h.rules, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      feverCelsius: 37.3,
      yellowNormalDays: 7,
      redMinDays: 14,
      tokenTtlSeconds: 300,
      codeWindows: 12,
    });
    expect(res.body.riskAreas).toEqual(expect.arrayContaining([expect.objectContaining({ region: '湖北省' })]));
  });
});

describe('registration', () => {
  it('registers once, stores the ID only hashed and masked, and shows the code', async () => {
    const user = await newUser();
    const body = registration();
    expect((await call(h.household, { method: 'GET', token: user.token })).body).toEqual({ residents: [] });
    expect(await householdColour(user.userId)).toBe('unregistered');
    const res = await call<{ resident: ResidentView }>(h.registerSelf, { token: user.token, body });
    expect(res.status).toBe(201);
    expect(res.body.resident).toMatchObject({
      relation: 'self',
      maskedName: '王*兰',
      idMasked: `${body.idNumber.slice(0, 4)}**********${body.idNumber.slice(-4)}`,
      phoneMasked: '138****1234',
      status: { colour: 'green' },
    });
    expect(JSON.stringify(res.body)).not.toContain(body.idNumber);
    expect(JSON.stringify(await scanAll(healthTable()))).not.toContain(body.idNumber);
    const me = await call<{ residents: ResidentView[] }>(h.household, { method: 'GET', token: user.token });
    expect(me.body.residents.map((r) => r.residentId)).toEqual([res.body.resident.residentId]);
    expect(await householdColour(user.userId)).toBe('green');
  });

  it('answers a retried registration with the same resident, once', async () => {
    const user = await newUser();
    const body = registration();
    const first = await call<{ resident: ResidentView }>(h.registerSelf, { token: user.token, body });
    const again = await call<{ resident: ResidentView }>(h.registerSelf, { token: user.token, body });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.resident.residentId).toBe(first.body.resident.residentId);
  });

  it('refuses a second registration of a user, writing nothing', async () => {
    const owner = await registeredUser();
    const before = await healthSnapshot(owner.userId);
    const twice = await call(h.registerSelf, { token: owner.token, body: registration() });
    expect(twice.status).toBe(409);
    expect(await healthSnapshot(owner.userId)).toBe(before);
  });

  it('lets exactly one of two users racing for the same ID number register it; the other waits for a check', async () => {
    const [a, b] = await Promise.all([newUser(), newUser()]);
    const body = registration();
    const results = await Promise.all([a, b].map((u) => call(h.registerSelf, { token: u.token, body })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 202]);
  });

  it.each([
    ['a wrong check character', { idNumber: '110105194912310021' }, /校验位/],
    ['an impossible birth date', { idNumber: '110105194902300028' }, /出生日期/],
    ['a short ID number', { idNumber: '11010519491231' }, /18 位/],
    ['a bad phone', { phone: '12345' }, /手机号/],
    ['a missing name', { name: undefined }, /./],
  ])('refuses %s with 400 and writes nothing', async (_what, overrides, message) => {
    const user = await newUser();
    const res = await call(h.registerSelf, { token: user.token, body: registration(overrides) });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    expect(res.body.error?.message).toMatch(message);
    expect(await healthSnapshot(user.userId)).toBe('[]');
  });

  it('refuses an unknown community with 400 and writes nothing', async () => {
    const user = await newUser();
    const res = await call(h.registerSelf, { token: user.token, body: registration({ community: 'no-such-place' }) });
    expect(res.status).toBe(400);
    expect(await healthSnapshot(user.userId)).toBe('[]');
  });

  it('refuses malformed JSON and a missing session', async () => {
    const user = await newUser();
    expect((await call(h.registerSelf, { token: user.token, rawBody: '{"name":' })).status).toBe(400);
    expect((await call(h.registerSelf, { body: registration() })).status).toBe(401);
  });
});

describe('the code', () => {
  it('is an ES256 token for a 5-minute window with an opaque subject, colour and masked name only', async () => {
    const user = await registeredUser();
    const code = await codeOf(user.token, user.resident.residentId);
    const claims = jwt.decode(code.token) as Record<string, unknown>;
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'id', 'nbf', 'nm', 'st', 'sub']);
    expect(claims.id).toBe(user.resident.idMasked);
    expect(claims).toMatchObject({ st: 'green', nm: '王*兰' });
    expect(Number(claims.exp) - Number(claims.nbf)).toBe(300);
    for (const secret of [user.userId, user.resident.residentId, user.idNumber, '13812341234', '王秀兰']) {
      expect(code.token).not.toContain(secret);
      expect(JSON.stringify(claims)).not.toContain(secret);
    }
    const keys = JSON.parse((await h.keys({ headers: {} } as never)).body ?? '{}') as JwksResponse;
    expect(verifyHealthToken(code.token, parseJwks(keys), Date.now())).toMatchObject({ ok: true });
  });

  it("refuses another resident's code and status with 403", async () => {
    const owner = await registeredUser();
    const other = await registeredUser();
    const params = { residentId: owner.resident.residentId };
    expect((await call(h.code, { method: 'GET', token: other.token, params })).status).toBe(403);
    expect((await call(h.resident, { method: 'GET', token: other.token, params })).status).toBe(403);
    expect((await call(h.myScans, { method: 'GET', token: other.token, params })).status).toBe(403);
  });
});

describe('declarations', () => {
  it('turn the code yellow on a fever, audit the change, and the latest of the day counts', async () => {
    const user = await registeredUser();
    const id = user.resident.residentId;
    const ok = await declare(user.token, normalDeclaration(id));
    expect(ok.status).toBe(201);
    expect(ok.body.resident).toMatchObject({ declaredToday: true, status: { colour: 'green' } });
    const fever = await declare(user.token, normalDeclaration(id, { temperature: 38.2, symptoms: ['cough'] }));
    expect(fever.body.resident.status).toMatchObject({
      colour: 'yellow',
      outlook: expect.stringMatching(/再连续 7 天/),
    });
    expect(fever.body.declaration.findingText).toMatch(/38\.2/);
    expect((await codeOf(user.token, id)).colour).toBe('yellow');
    const detail = await call<{ audit: { to: string; by: string }[]; declarations: unknown[] }>(h.resident, {
      method: 'GET',
      token: user.token,
      params: { residentId: id },
    });
    expect(detail.body.audit[0]).toMatchObject({ from: 'green', to: 'yellow', by: 'rule' });
    expect(detail.body.declarations).toHaveLength(1);
    const corrected = await declare(user.token, normalDeclaration(id));
    expect(corrected.body.resident.status.colour).toBe('green');
  });

  it('turn it yellow on travel through a risk area and red on contact with a confirmed case', async () => {
    const user = await registeredUser();
    const id = user.resident.residentId;
    const travel = await declare(user.token, normalDeclaration(id, { travel: ['湖北省武汉市'] }));
    expect(travel.body.resident.status).toMatchObject({ colour: 'yellow', reason: expect.stringMatching(/湖北省/) });
    const red = await declare(user.token, normalDeclaration(id, { contact: 'confirmed' }));
    expect(red.body.resident.status).toMatchObject({ colour: 'red', outlook: expect.stringMatching(/满 14 天/) });
  });

  it("refuse another resident's declaration with 403 and a bad body with 400, writing nothing", async () => {
    const owner = await registeredUser();
    const other = await registeredUser();
    const before = await healthSnapshot(owner.userId, other.userId);
    expect((await declare(other.token, normalDeclaration(owner.resident.residentId))).status).toBe(403);
    const hot = await declare(owner.token, normalDeclaration(owner.resident.residentId, { temperature: 50 }));
    expect(hot.status).toBe(400);
    const sym = await declare(owner.token, normalDeclaration(owner.resident.residentId, { symptoms: ['sneezing'] }));
    expect(sym.status).toBe(400);
    expect(await healthSnapshot(owner.userId, other.userId)).toBe(before);
  });

  it('made concurrently leave one declaration for the day and a consistent status', async () => {
    const user = await registeredUser();
    const id = user.resident.residentId;
    const temps = [36.5, 38.0, 36.6, 38.5, 36.7];
    const results = await Promise.all(temps.map((t) => declare(user.token, normalDeclaration(id, { temperature: t }))));
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const items = (await scanAll(healthTable())).filter((i) => String(i.pk) === `HH#${user.userId}`);
    expect(items.filter((i) => String(i.sk).startsWith(`D#${id}#`))).toHaveLength(1);
    const profile = items.find((i) => i.sk === `P#${id}`) as {
      version: number;
      colour: string;
      state: { colour: string };
    };
    expect(profile.version).toBe(1 + results.filter((r) => r.status === 201).length);
    expect(profile.colour).toBe(profile.state.colour);
  });
});

describe('appeals (纠错)', () => {
  it("are accepted for one's own resident only", async () => {
    const user = await registeredUser();
    const other = await registeredUser();
    const mine = await call<{ appeal: { appealId: string; colour: string } }>(h.appeal, {
      token: user.token,
      body: { residentId: user.resident.residentId, reason: '体温计坏了，复测 36.5 °C' },
    });
    expect(mine.status).toBe(201);
    expect(mine.body.appeal).toMatchObject({ colour: 'green', appealId: expect.stringMatching(/^a/) });
    const theirs = await call(h.appeal, {
      token: other.token,
      body: { residentId: user.resident.residentId, reason: '替别人申请' },
    });
    expect(theirs.status).toBe(403);
  });
});
