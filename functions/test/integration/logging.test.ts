import { endpoint } from '../../src/lib/http';
import * as auth from '../../src/auth/handlers';
import { residentHandlers as h, staffHandlers as staff } from './health-api';
import { residentHandlers as utility } from './utility-api';
import { uniqueId } from '../health-fixtures';
import { call, loginAs } from './helpers';
import { CONSENT, newUser, registration } from './health-helpers';

/**
 * Real request bodies through the real handlers, every log level switched on, everything the
 * process prints captured: no ID number, phone number, name, sign-in code or token may appear,
 * and every line names its request.
 */
const printed: string[] = [];
const capture = (...args: unknown[]) => {
  printed.push(args.map(String).join(' '));
  return true;
};

beforeAll(() => {
  process.env.LOG_LEVEL = 'debug';
  process.env.METRICS_STAGE = 'test';
  jest.spyOn(console, 'log').mockImplementation(capture);
  jest.spyOn(console, 'info').mockImplementation(capture);
  jest.spyOn(console, 'warn').mockImplementation(capture);
  jest.spyOn(console, 'error').mockImplementation(capture);
  jest.spyOn(process.stdout, 'write').mockImplementation(capture as typeof process.stdout.write);
  jest.spyOn(process.stderr, 'write').mockImplementation(capture as typeof process.stderr.write);
});
afterAll(() => {
  jest.restoreAllMocks();
  delete process.env.METRICS_STAGE;
});

describe('what the logs print, fed with real request bodies', () => {
  it('prints no ID number, phone, name, code or token, and every line has its request id', async () => {
    const secrets: string[] = [];
    const user = await newUser('log');
    secrets.push(user.token);

    // Registration: name, ID number and phone; once accepted, once refused as a duplicate.
    const body = registration({ name: '孟庆华', phone: '13698765432' });
    secrets.push(body.idNumber, '13698765432', '孟庆华');
    const registered = await call<{ resident: { residentId: string } }>(h.registerSelf, { token: user.token, body });
    expect(registered.status).toBe(201);
    const shown = await call<{ token: string }>(h.code, {
      method: 'GET',
      token: user.token,
      params: { residentId: registered.body.resident.residentId },
    });
    expect(shown.status).toBe(200);
    secrets.push(shown.body.token);
    const other = await newUser('log');
    expect((await call(h.registerSelf, { token: other.token, body })).status).toBe(202);

    // Bad bodies: an ID number with a wrong check digit, and malformed JSON carrying one.
    const good = uniqueId();
    const wrong = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    secrets.push(wrong);
    expect((await call(h.registerSelf, { token: other.token, body: { ...body, idNumber: wrong } })).status).toBe(400);
    expect((await call(h.registerSelf, { token: other.token, rawBody: `{"idNumber":"${wrong}"` })).status).toBe(400);

    // A forged and an expired-looking token in the Authorization header.
    const forged = `${user.token.slice(0, -6)}AAAAAA`;
    secrets.push(forged);
    expect((await call(h.household, { method: 'GET', token: forged })).status).toBe(401);

    // An official's lookup by ID number, an outsider registered at a checkpoint with a phone.
    const official = await loginAs('official');
    expect((await call(staff.lookup, { token: official.token, body: { idNumber: body.idNumber } })).status).toBe(200);
    const checkpoint = await loginAs('checkpoint');
    const outsider = {
      outsiderId: `out-${Date.now()}`,
      placeId: 'cp-lutun',
      name: '钱多多',
      phone: '15911112222',
      origin: '大石桥市',
      reason: '送药',
      temperature: 36.6,
      decision: 'through',
      ...CONSENT,
    };
    secrets.push('钱多多', '15911112222');
    expect((await call(staff.addOutsider, { token: checkpoint.token, body: outsider })).status).toBe(201);

    // A utility account linked by holder name, a sign-in code refused by validation.
    expect(
      (await call(utility.linkAccount, { token: user.token, body: { accountNo: 'x', holderName: '孟庆华' } })).status,
    ).toBeGreaterThanOrEqual(400);
    expect((await call(auth.login, { body: { code: 'dev:Not Valid! 13698765432' } })).status).toBe(400);
    secrets.push('dev:Not Valid!');

    // A failure deep inside (a library that echoes its input in the error): the 500 path.
    const failing = endpoint('healthRegister', {}, async ({ body: b }) => {
      throw new Error(`storage refused ${JSON.stringify(b)} for ${b.idNumber} / ${b.phone}`);
    });
    expect((await call(failing, { token: user.token, body })).status).toBe(500);

    const lines = printed.join('\n').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(lines.some((l) => l.includes('request failed'))).toBe(true);
    expect(lines.some((l) => l.includes('"HealthCodesShown":1'))).toBe(true);
    for (const secret of secrets) expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    for (const line of lines) {
      const parsed = JSON.parse(line) as { requestId?: string };
      expect({ line, requestId: typeof parsed.requestId }).toEqual({ line, requestId: 'string' });
    }
  });
});
