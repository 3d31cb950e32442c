import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import * as z from 'zod';
import { paramNames, routes, type RoleGrant, type RouteDef, type RouteName } from '@citycare/contract';
import { grantRole } from '../../src/admin/handlers';
import type { Router } from '../../src/lib/router';
import { routeKey } from '../../src/lib/router';
import { httpEvent, loginAs, unique } from './helpers';
import { body, HOSTILE_PARAMS, oddHeaders, paramValue, pick, prng, query, type Rng } from './fuzz-cases';
import { startWechatStub, type WechatStub } from './wechat-stub';

/**
 * Contract-driven fuzzing: every route of the contract, through the router API Gateway calls,
 * for every kind of caller, with malformed bodies, hostile path parameters, odd headers and
 * query strings. Never a 5xx; every refusal in the one error shape; every success in the
 * contract's response shape. Replay a failure with FUZZ_SEED=<the seed it prints>.
 */
jest.setTimeout(180_000);

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CASES = Number(process.env.FUZZ_CASES ?? 3);

/** Every router in functions/src/<domain>/lambdas/, by the route keys it serves. */
function routers(): Map<string, Router> {
  const src = join(__dirname, '..', '..', 'src');
  const byKey = new Map<string, Router>();
  for (const domain of readdirSync(src)) {
    const dir = join(src, domain, 'lambdas');
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(src, domain, 'lambdas', file)) as Record<string, Partial<Router>>;
      for (const fn of Object.values(mod)) for (const key of fn.routeKeys ?? []) byKey.set(key, fn as Router);
    }
  }
  return byKey;
}

const STAFF: RoleGrant[] = [
  { role: 'worker', scope: 'zq-jianshe' },
  { role: 'checkpoint', scope: 'cp-lutun' },
  { role: 'store', scope: 'st-xingfu' },
  { role: 'utility', scope: 'ut-water' },
  { role: 'official' },
  { role: 'regulator' },
  { role: 'service' },
  { role: 'admin' },
];

interface Caller {
  who: string;
  /** A fresh Authorization header per request (forgeries vary). */
  authorization: (rng: Rng) => string | undefined;
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Tokens a forger would try: wrong key, `alg: none`, a real token with its roles edited, junk. */
function forgeries(residentToken: string, adminId: string): string[] {
  const claims = { roles: ['resident', 'admin'] };
  const options = { issuer: process.env.AUTH_ISSUER, audience: process.env.AUTH_AUDIENCE, subject: adminId };
  const [head, , sig] = residentToken.split('.');
  const payload = JSON.parse(Buffer.from(residentToken.split('.')[1] ?? '', 'base64url').toString()) as object;
  return [
    `Bearer ${jwt.sign(claims, 'not-the-session-secret', { algorithm: 'HS256', ...options })}`,
    `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: adminId, iss: options.issuer, aud: options.audience })}.`,
    `Bearer ${head}.${b64({ ...payload, sub: adminId, roles: ['admin'] })}.${sig}`,
    `Bearer ${'A'.repeat(100_000)}`,
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${residentToken} ${residentToken}`,
    'Bearer a.b.c',
  ];
}

async function callers(): Promise<Caller[]> {
  const admin = await loginAs('admin');
  const resident = await loginAs(unique('fz'));
  const staff = await Promise.all(
    STAFF.map(async (grant) => {
      const key = unique('fz');
      const { userId } = await loginAs(key);
      const res = await grantRole(
        httpEvent({ token: admin.token, body: { userId, grant: { role: grant.role, scope: grant.scope } } }),
      );
      if (res.statusCode !== 200) throw new Error(`grant ${grant.role}: ${String(res.body)}`);
      return { grant, token: (await loginAs(key)).token };
    }),
  );
  const forged = forgeries(resident.token, admin.userId);
  return [
    { who: 'no token', authorization: () => undefined },
    { who: 'a forged token', authorization: (rng) => pick(rng, forged) },
    { who: 'resident', authorization: () => `Bearer ${resident.token}` },
    ...staff.map(({ grant, token }) => ({ who: grant.role, authorization: () => `Bearer ${token}` })),
  ];
}

const Strict = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[A-Z_]+$/),
    message: z.string().min(1),
    details: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** What is wrong with an answer, or null. */
function problem(route: RouteDef, status: number, headers: Record<string, unknown>, text: string): string | null {
  if (!Number.isInteger(status) || status < 200) return `status ${status}`;
  if (status >= 500) return `${status}: ${text.slice(0, 300)}`;
  if (status >= 400) {
    if (!String(headers['content-type']).startsWith('application/json')) return `${status} is not JSON`;
    try {
      // A route answering an outside service (WeChat Pay's notify route) refuses in that service's shape.
      const parsed = (route.errorResponse ?? Strict).safeParse(JSON.parse(text));
      return parsed.success ? null : `${status} not in the error shape: ${text.slice(0, 300)}`;
    } catch {
      return `${status} with a body that is not JSON: ${text.slice(0, 200)}`;
    }
  }
  if (typeof headers['content-type'] === 'string' && !headers['content-type'].startsWith('application/json'))
    return null;
  const parsed = route.response.safeParse(JSON.parse(text));
  const issue = parsed.error?.issues[0];
  return issue ? `${status} not in the contract's response shape at ${issue.path.join('.')}: ${issue.message}` : null;
}

interface Attempt {
  name: RouteName;
  who: string;
  what: string;
  params: Record<string, string>;
  bodyRaw?: string;
  base64?: boolean;
  headers: Record<string, string>;
  query?: Record<string, string>;
}

function attempt(rng: Rng, name: RouteName, caller: Caller, paramsOverride?: Record<string, string>): Attempt {
  const route: RouteDef = routes[name];
  const params = paramsOverride ?? Object.fromEntries(paramNames(route.path).map((p) => [p, paramValue(rng, p)]));
  const b = route.body || rng() < 0.2 ? body(rng, route) : { what: 'no body' };
  const odd = oddHeaders(rng);
  const authorization = caller.authorization(rng);
  return {
    name,
    who: caller.who,
    what: `${b.what}; headers: ${odd.what}`,
    params,
    bodyRaw: b.raw,
    base64: b.base64,
    headers: { ...odd.headers, ...(authorization ? { authorization } : {}) },
    query: rng() < 0.3 ? query(rng) : undefined,
  };
}

async function send(router: Router, a: Attempt): Promise<string | null> {
  const route: RouteDef = routes[a.name];
  const event = httpEvent({ method: route.method, path: route.path, params: a.params, rawBody: a.bodyRaw });
  event.headers = { 'content-type': 'application/json', ...a.headers };
  event.isBase64Encoded = a.base64 ?? false;
  if (a.query) event.queryStringParameters = a.query;
  const res = await router(event);
  const found = problem(route, res.statusCode ?? 0, res.headers ?? {}, String(res.body ?? ''));
  if (!found) return null;
  const params = Object.fromEntries(Object.entries(a.params).map(([k, v]) => [k, v.slice(0, 40)]));
  return `${a.name} as ${a.who} (${a.what}; params ${JSON.stringify(params)}): ${found}`;
}

/** Runs attempts a few at a time (DynamoDB Local and two cores are shared with other test files). */
async function runAll(byKey: Map<string, Router>, attempts: Attempt[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < attempts.length) {
      const a = attempts[next++] as Attempt;
      const found = await send(byKey.get(routeKey(a.name)) as Router, a).catch(
        (e: Error) => `${a.name}: threw ${e.stack}`,
      );
      if (found) failures.push(found);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return failures;
}

describe(`contract-driven fuzzing (FUZZ_SEED=${SEED})`, () => {
  let stub: WechatStub;
  let byKey: Map<string, Router>;
  let everyone: Caller[];
  beforeAll(async () => {
    const appSecret = readFileSync(join(process.env.LOCAL_KEYS_DIR ?? '', 'wechat-app-secret'), 'utf8').trim();
    stub = await startWechatStub(process.env.WECHAT_APP_ID ?? '', appSecret);
    process.env.WECHAT_API_BASE = stub.url;
    byKey = routers();
    everyone = await callers();
  });
  afterAll(() => stub.close());

  const names = Object.keys(routes) as RouteName[];

  it('finds a router for every route of the contract', () => {
    expect(names.filter((n) => !byKey.has(routeKey(n)))).toEqual([]);
  });

  it('refuses every hostile path parameter of every route with a 4xx in the one shape', async () => {
    const rng = prng(SEED);
    const resident = everyone.find((c) => c.who === 'resident') as Caller;
    const attempts = names.flatMap((name) =>
      paramNames(routes[name].path).flatMap((p) =>
        HOSTILE_PARAMS.map((value) => {
          const params = Object.fromEntries(paramNames(routes[name].path).map((q) => [q, paramValue(rng, q)]));
          return attempt(rng, name, resident, { ...params, [p]: value });
        }),
      ),
    );
    const failures = await runAll(byKey, attempts);
    if (failures.length) console.error(`FUZZ_SEED=${SEED}\n${failures.slice(0, 30).join('\n')}`);
    expect({ seed: SEED, failures: failures.slice(0, 30) }).toEqual({ seed: SEED, failures: [] });
  });

  it('answers every route, for every caller, malformed input with no 5xx and errors in the one shape', async () => {
    const rng = prng(SEED + 1);
    const attempts = names.flatMap((name) =>
      everyone.flatMap((caller) => Array.from({ length: CASES }, () => attempt(rng, name, caller))),
    );
    const started = Date.now();
    const failures = await runAll(byKey, attempts);
    if (failures.length) console.error(`FUZZ_SEED=${SEED}\n${failures.slice(0, 30).join('\n')}`);
    expect({ seed: SEED, failures: failures.slice(0, 30) }).toEqual({ seed: SEED, failures: [] });
    expect(attempts.length).toBeGreaterThan(names.length * everyone.length);
    expect(Date.now() - started).toBeLessThan(120_000);
  });
});
