import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody, LoginResponse, MeResponse } from '@citycare/contract';
import { db } from '../../src/lib/dynamo';
import { userKey } from '../../src/auth/keys';
import { userIdForOpenid } from '../../src/auth/identity';
import * as handlers from '../../src/auth/handlers';
import { call, demoUserId, loginAs, scanAll } from './helpers';
import { startWechatStub, type WechatStub } from './wechat-stub';

let stub: WechatStub;
const secret = () => readFileSync(join(process.env.LOCAL_KEYS_DIR ?? '', 'session-secret'), 'utf8').trim();

beforeAll(async () => {
  const appSecret = readFileSync(join(process.env.LOCAL_KEYS_DIR ?? '', 'wechat-app-secret'), 'utf8').trim();
  stub = await startWechatStub(process.env.WECHAT_APP_ID ?? '', appSecret);
  process.env.WECHAT_API_BASE = stub.url;
});
afterAll(() => stub.close());

describe('POST /auth/login', () => {
  it('signs a demo account in with a dev code and answers the contract shape', async () => {
    const res = await call(handlers.login, { body: { code: 'dev:official' } });
    expect(res.status).toBe(200);
    const body = LoginResponse.parse(res.body);
    expect(body.user).toMatchObject({ userId: demoUserId('official'), displayName: '陈静' });
    expect(body.user.roles).toEqual([{ role: 'resident' }, { role: 'official' }]);
    const decoded = jwt.decode(body.token, { complete: true });
    expect(decoded?.header).toMatchObject({ alg: 'HS256', kid: process.env.SESSION_KEY_ID });
    expect(decoded?.payload).toMatchObject({ iss: process.env.AUTH_ISSUER, aud: process.env.AUTH_AUDIENCE });
    const { exp, iat } = decoded?.payload as { exp: number; iat: number };
    expect(exp - iat).toBe(7200);
    expect(new Date(body.expiresAt).getTime()).toBe(exp * 1000);
  });

  it('exchanges a WeChat code, creates the user once, and never returns session_key', async () => {
    const first = await call(handlers.login, { body: { code: 'wx-new-person' } });
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body)).not.toContain('sk-secret');
    const userId = userIdForOpenid('o-wx-new-person');
    expect(LoginResponse.parse(first.body).user).toMatchObject({ userId, roles: [{ role: 'resident' }] });
    const stored = await db().send(new GetCommand({ TableName: process.env.TABLE_USERS, Key: userKey(userId) }));
    expect(JSON.stringify(stored.Item)).not.toContain('sk-secret');
    const again = await call(handlers.login, { body: { code: 'wx-new-person' } });
    expect(LoginResponse.parse(again.body).user.createdAt).toBe(LoginResponse.parse(first.body).user.createdAt);
    const last = stub.requests.at(-1);
    expect(last?.get('grant_type')).toBe('authorization_code');
    expect(last?.get('appid')).toBe(process.env.WECHAT_APP_ID);
  });

  it('creates one user when the same first sign-in arrives ten times at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call(handlers.login, { body: { code: 'wx-racer' } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const ids = new Set(results.map((r) => LoginResponse.parse(r.body).user.createdAt));
    expect(ids.size).toBe(1);
  });

  it.each([
    ['code-invalid', 400, 'INVALID_LOGIN_CODE'],
    ['code-used', 400, 'INVALID_LOGIN_CODE'],
    ['code-risky', 403, 'HIGH_RISK_USER'],
    ['code-limited', 429, 'RATE_LIMITED'],
    ['code-busy', 503, 'UPSTREAM_UNAVAILABLE'],
    ['code-odd', 503, 'UPSTREAM_UNAVAILABLE'],
  ])('maps WeChat answer for %s to %i %s', async (code, status, errorCode) => {
    const res = await call(handlers.login, { body: { code } });
    expect(res.status).toBe(status);
    expect(ErrorBody.parse(res.body).error.code).toBe(errorCode);
    expect(res.body.error?.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    ['no body', undefined, undefined],
    ['malformed JSON', undefined, '{"code":'],
    ['empty code', { code: '' }, undefined],
    ['code of wrong type', { code: 42 }, undefined],
    ['code too long', { code: 'x'.repeat(200) }, undefined],
    ['bad dev code', { code: 'dev:Not Valid!' }, undefined],
  ])('refuses %s with 400 and writes nothing', async (_name, body, rawBody) => {
    const before = (await scanAll(process.env.TABLE_USERS ?? '')).length;
    const res = await call(handlers.login, { body, rawBody });
    expect(res.status).toBe(400);
    expect(ErrorBody.safeParse(res.body).success).toBe(true);
    expect((await scanAll(process.env.TABLE_USERS ?? '')).length).toBe(before);
  });
});

describe('GET /me and token attacks', () => {
  it('returns the caller profile and roles', async () => {
    const { token } = await loginAs('worker');
    const res = await call(handlers.me, { method: 'GET', path: '/me', token });
    expect(res.status).toBe(200);
    expect(MeResponse.parse(res.body).user).toMatchObject({
      displayName: '李建国',
      roles: [{ role: 'resident' }, { role: 'worker', scope: 'zq-jianshe' }],
    });
  });

  const claims = () => ({ sub: demoUserId('resident'), roles: ['resident'] });
  const opts = (over: jwt.SignOptions = {}): jwt.SignOptions => ({
    algorithm: 'HS256',
    issuer: process.env.AUTH_ISSUER,
    audience: process.env.AUTH_AUDIENCE,
    expiresIn: 600,
    keyid: process.env.SESSION_KEY_ID,
    ...over,
  });
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

  const attacks: [string, () => string | undefined][] = [
    ['missing', () => undefined],
    ['garbage', () => 'not-a-jwt'],
    [
      'expired',
      () =>
        jwt.sign({ ...claims(), iat: Math.floor(Date.now() / 1000) - 9000 }, secret(), { ...opts(), expiresIn: 7200 }),
    ],
    ['signed with another key', () => jwt.sign(claims(), 'some-other-secret-of-enough-length', opts())],
    ['wrong issuer', () => jwt.sign(claims(), secret(), opts({ issuer: 'someone-else' }))],
    ['wrong audience', () => jwt.sign(claims(), secret(), opts({ audience: 'another-app' }))],
    ['another HMAC algorithm', () => jwt.sign(claims(), secret(), opts({ algorithm: 'HS512' }))],
    [
      'alg none',
      () => {
        const now = Math.floor(Date.now() / 1000);
        const payload = {
          ...claims(),
          iss: process.env.AUTH_ISSUER,
          aud: process.env.AUTH_AUDIENCE,
          iat: now,
          exp: now + 600,
        };
        return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
      },
    ],
    [
      'tampered payload',
      () => {
        const [h, , s] = jwt.sign(claims(), secret(), opts()).split('.');
        return `${h}.${b64({ ...claims(), roles: ['resident', 'admin'], exp: 9999999999 })}.${s}`;
      },
    ],
  ];

  it.each(attacks)('rejects a %s token with 401', async (_name, make) => {
    const res = await call(handlers.me, { method: 'GET', path: '/me', token: make() });
    expect(res.status).toBe(401);
    expect(ErrorBody.parse(res.body).error.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a well-formed token signed with the stage secret (the attacks above are not refused for another reason)', async () => {
    const res = await call(handlers.me, { method: 'GET', path: '/me', token: jwt.sign(claims(), secret(), opts()) });
    expect(res.status).toBe(200);
  });
});
