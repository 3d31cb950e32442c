import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../src/lib/dynamo';
import type { Handler } from '../../src/lib/http';
import type { RoleGrant } from '@citycare/contract';
import { userIdForOpenid } from '../../src/auth/identity';
import { login } from '../../src/auth/handlers';
import { grantRole } from '../../src/admin/handlers';

export interface CallOptions {
  method?: string;
  path?: string;
  body?: unknown;
  /** Sent as is, for malformed JSON. */
  rawBody?: string;
  token?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

/** An API Gateway HTTP API (v2) event, as API Gateway and serverless-offline send it. */
export function httpEvent(options: CallOptions): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const path = options.path ?? '/';
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers,
    pathParameters: options.params,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: '127',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: `test-${Math.random().toString(36).slice(2)}`,
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
  };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T & { error?: { code: string; message: string; details?: unknown[] } };
}

export async function call<T = Record<string, unknown>>(
  handler: Handler,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const res = await handler(httpEvent(options));
  return { status: res.statusCode ?? 0, body: JSON.parse(res.body ?? 'null') };
}

/** Signs in as a seeded demo account through the real login handler. */
export async function loginAs(key: string): Promise<{ token: string; userId: string }> {
  const res = await call<{ token: string; user: { userId: string } }>(login, { body: { code: `dev:${key}` } });
  if (res.status !== 200) throw new Error(`login as ${key} failed: ${JSON.stringify(res.body)}`);
  return { token: res.body.token, userId: res.body.user.userId };
}

export const demoUserId = (key: string) => userIdForOpenid(`dev:${key}`);

export interface Session {
  token: string;
  userId: string;
}

/**
 * Accounts signed in once, together, before the file's tests (in a `beforeAll` registered
 * here): `const [store, worker] = signedIn('store', 'worker')`, then `store.token` in a test.
 */
export function signedIn<const K extends readonly string[]>(...keys: K): { [I in keyof K]: Session } {
  const sessions = keys.map(() => ({ token: '', userId: '' }));
  beforeAll(async () => {
    const signed = await Promise.all(keys.map((key) => loginAs(key)));
    signed.forEach((s, i) => Object.assign(sessions[i] as Session, s));
  });
  return sessions as { [I in keyof K]: Session };
}

/** A new user (signing in for the first time) holding `grant`, given by the demo admin through the real API. */
export async function newStaff(role: RoleGrant['role'], scope?: string): Promise<Session> {
  const [user, admin] = await Promise.all([loginAs(unique('st').toLowerCase()), loginAs('admin')]);
  const res = await call(grantRole, { token: admin.token, body: { userId: user.userId, grant: { role, scope } } });
  if (res.status !== 200) throw new Error(`grant failed: ${JSON.stringify(res.body)}`);
  return user;
}

/** Every item of a table, all pages. */
export async function scanAll(table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A run-unique suffix, so tests never collide on keys. */
export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
