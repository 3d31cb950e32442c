import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { DIST, taroBuild } from '../../scripts/lib/build';
import { freePort } from '../../scripts/lib/ports';
import { startBackend, type Stack } from '../../scripts/lib/stack';
import { serveStatic } from '../../scripts/lib/static-server';

/**
 * Starts the backend on free ports (DynamoDB in memory, the WeChat Pay simulator), builds the
 * weapp and the H5 app (the H5 one pointed at this API and simulator), and serves the H5 build.
 */
export default async function globalSetup(): Promise<void> {
  // The H5 build is served on a free port; the API's CORS allow-list (config/local.yml) takes it.
  const h5Port = await freePort();
  process.env.CITYCARE_EXTRA_ORIGIN = `http://127.0.0.1:${h5Port}`;
  const stack = await startBackend({
    stage: 'local',
    ports: {
      dynamodb: await freePort(),
      api: await freePort(),
      lambda: await freePort(),
      wechatPaySim: await freePort(),
    },
    dataDir: null,
    keysDir: mkdtempSync(join(tmpdir(), 'citycare-e2e-keys-')),
    verbose: false,
  });
  const state = globalThis as { __stack__?: Stack; __h5__?: Server };
  state.__stack__ = stack;
  await taroBuild('weapp');
  await taroBuild('h5', {
    TARO_APP_API_BASE: stack.apiBase,
    TARO_APP_STAGE: 'local',
    // The H5 build's simulated cashier confirms payments here.
    TARO_APP_WECHATPAY_SIM: stack.wechatPaySim.url,
  });
  state.__h5__ = await serveStatic(DIST.h5, h5Port);
  process.env.E2E_APP_URL = `http://127.0.0.1:${h5Port}/`;
  process.env.E2E_API_BASE = stack.apiBase;
  process.env.E2E_DYNAMODB_ENDPOINT = stack.dynamo.endpoint;
  process.env.E2E_WECHATPAY_SIM = stack.wechatPaySim.url;
  process.env.E2E_WECHAT_SIM = stack.wechatSim.url;
  Object.assign(process.env, stack.functionEnv);
}
