import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { cityConfig } from '../lib/config';
import { startDynamoLocal, type DynamoLocal } from '../lib/dynamo-local';
import { ensureLocalKeys } from '../lib/keys';
import { freePort } from '../lib/ports';
import { seed } from '../lib/seed';
import { startSlowProxy, type SlowProxy } from '../lib/slow-proxy';
import { ensureTables, serviceDefinition } from '../lib/tables';

export interface BenchDatabase {
  dynamo: DynamoLocal;
  /** The functions reach the database through this proxy; the fault run slows it down. */
  proxy: SlowProxy;
  stop(): Promise<void>;
}

/**
 * The bench's own DynamoDB Local (in memory), with the tables and seed data of stage `local`,
 * and the functions' environment pointed at it through a TCP proxy (no delay except in the
 * fault run). Handlers are then called in this process.
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const dynamo = await startDynamoLocal(await freePort(), null);
  const proxy = await startSlowProxy(dynamo.endpoint);
  const keysDir = mkdtempSync(join(tmpdir(), 'citycare-bench-keys-'));
  ensureLocalKeys(keysDir);
  const service = await serviceDefinition('local', {
    ...process.env,
    CITYCARE_DYNAMODB_ENDPOINT: proxy.endpoint,
    CITYCARE_KEYS_DIR: keysDir,
  });
  await ensureTables(dynamo.client, service.tables);
  const env = service.environment;
  await seed(dynamo.client, { directory: env.TABLE_DIRECTORY ?? '', users: env.TABLE_USERS ?? '' }, cityConfig(), true);
  Object.assign(process.env, env, { LOG_LEVEL: 'error', AWS_REGION: 'local' });
  // The deployed DynamoDB deadlines (1 s per attempt, 3 s per call), not stage local's longer ones.
  delete process.env.DYNAMODB_ATTEMPT_TIMEOUT_MS;
  delete process.env.DYNAMODB_CALL_BUDGET_MS;
  return {
    dynamo,
    proxy,
    stop: async () => {
      await proxy.close();
      await dynamo.stop();
    },
  };
}

export interface Invocation {
  method?: string;
  body?: unknown;
  token?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

/** A minimal HTTP API v2 event for calling a handler in-process. */
export function benchEvent(inv: Invocation): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...inv.headers };
  if (inv.token) headers.authorization = `Bearer ${inv.token}`;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers,
    pathParameters: inv.params,
    body: inv.body === undefined ? undefined : JSON.stringify(inv.body),
    isBase64Encoded: false,
    requestContext: { requestId: 'bench', http: { method: inv.method ?? 'POST' } },
  } as unknown as APIGatewayProxyEventV2;
}

/** A session token for the demo account `dev:<key>`, from the real login handler (loaded on first use). */
export async function benchToken(key: string): Promise<string> {
  const { login } = await import('../../functions/src/auth/handlers');
  return JSON.parse((await login(benchEvent({ body: { code: `dev:${key}` } }))).body ?? '{}').token as string;
}
