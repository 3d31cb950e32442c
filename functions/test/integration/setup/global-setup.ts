import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cityConfig } from '../../../../scripts/lib/config';
import { startDynamoLocal } from '../../../../scripts/lib/dynamo-local';
import { ensureLocalKeys } from '../../../../scripts/lib/keys';
import { freePort } from '../../../../scripts/lib/ports';
import { seed } from '../../../../scripts/lib/seed';
import { ensureTables, serviceDefinition } from '../../../../scripts/lib/tables';
import { serveLambda } from '../../../../scripts/lib/lambda-http';
import { startLocalWechatPaySim } from '../../../../scripts/lib/wechatpay-sim-local';

/**
 * Starts a DynamoDB Local of its own (in memory, on a free port), creates the tables of
 * serverless.yml and seeds the city and demo accounts; the functions' environment is the one
 * serverless.yml gives stage `local`, pointed at this database. Beside it, the WeChat Pay
 * simulator (WECHATPAY_API_BASE; WECHATPAY_SIM_URL for its cashier) posting notifications to
 * the real notify function, served in this process (WECHATPAY_NOTIFY_URL). A test may start a
 * simulator or notify server of its own and point those variables at it.
 */
export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoLocal(await freePort(), null);
  const keysDir = mkdtempSync(join(tmpdir(), 'citycare-keys-'));
  ensureLocalKeys(keysDir);
  const sim = await startLocalWechatPaySim(keysDir, 'local', 0);
  // Loaded now: Jest compiles TypeScript for the global setup only while it runs.
  const { handler } = await import('../../../src/payments/lambdas/notify');
  const notify = await serveLambda(handler);
  const service = await serviceDefinition('local', {
    ...process.env,
    CITYCARE_DYNAMODB_ENDPOINT: dynamo.endpoint,
    CITYCARE_KEYS_DIR: keysDir,
    CITYCARE_WECHATPAY_API_BASE: sim.url,
    CITYCARE_WECHATPAY_NOTIFY_URL: `${notify.url}/payments/wechat/notify`,
  });
  await ensureTables(dynamo.client, service.tables);
  await seed(
    dynamo.client,
    { directory: service.environment.TABLE_DIRECTORY ?? '', users: service.environment.TABLE_USERS ?? '' },
    cityConfig(),
    true,
    undefined,
    readFileSync(join(keysDir, 'health-id-pepper'), 'utf8').trim(),
  );
  Object.assign(process.env, service.environment, {
    // Handlers run in-process here, with no Lambda timeout, beside other test files on one DynamoDB
    // Local: a burst of 100 transactions can wait longer than any deployed deadline. The fault
    // tests (faults*.test.ts) put the deployed deadlines back.
    DYNAMODB_ATTEMPT_TIMEOUT_MS: '30000',
    DYNAMODB_CALL_BUDGET_MS: '30000',
    LOG_LEVEL: 'error',
    AWS_REGION: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    WECHATPAY_SIM_URL: sim.url,
  });
  Object.assign(globalThis, { __dynamo__: dynamo, __wechatPaySim__: sim, __notify__: notify });
}
