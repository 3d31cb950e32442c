import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cityConfig, stageConfig } from './config';
import { startDynamoLocal, type DynamoLocal } from './dynamo-local';
import { ensureLocalKeys } from './keys';
import { BIN, ROOT } from './paths';
import { portIsFree, waitForHttp } from './ports';
import { javaProblem, pipeWithPrefix, ProcessGroup } from './processes';
import { seed } from './seed';
import { ensureTables, serviceDefinition } from './tables';
import type { WechatPaySim } from './wechatpay-sim';
import { startLocalWechatPaySim } from './wechatpay-sim-local';
import type { WechatSim } from './wechat-sim';
import { startLocalWechatSim } from './wechat-sim-local';

export interface StackOptions {
  stage: string;
  /** `wechatPaySim`: the WeChat Pay simulator's port (`npm start`: config's `wechatPay.simPort`); any free one if unset. */
  ports: { dynamodb: number; api: number; lambda: number; wechatPaySim?: number; wechatSim?: number };
  /** Folder for DynamoDB Local's data, or null to keep it in memory. */
  dataDir: string | null;
  keysDir: string;
  /** Print each child's output, prefixed. */
  verbose: boolean;
}

export interface Stack {
  apiBase: string;
  dynamo: DynamoLocal;
  /** The local WeChat Pay (scripts/lib/wechatpay-sim.ts): the functions' WeChat Pay base URL points at it. */
  wechatPaySim: WechatPaySim;
  /** The local WeChat server API (scripts/lib/wechat-sim.ts): subscribe messages are sent to it. */
  wechatSim: WechatSim;
  /** The functions' environment for this stage (table names, auth settings). */
  functionEnv: Record<string, string>;
  env: NodeJS.ProcessEnv;
  seeded: { created: number; existing: number };
  group: ProcessGroup;
  stop(): Promise<void>;
}

/**
 * Where a local stack's serverless-offline bundles its handlers: a folder per API port. Packaging
 * runs (npm run package, deploy, bench) bundle in folders of their own (scripts/serverless/package-folder.js).
 */
export const offlineBuildDir = (apiPort: number) => join(ROOT, 'node_modules', '.cache', `citycare-offline-${apiPort}`);

/** A one-line, actionable problem that stops the stack before it starts. */
export class StackProblem extends Error {}

export async function checkPrerequisites(ports: number[]): Promise<void> {
  const java = javaProblem();
  if (java) throw new StackProblem(java);
  for (const port of ports) {
    if (!(await portIsFree(port))) {
      throw new StackProblem(
        `Port ${port} on 127.0.0.1 is busy: stop what uses it (lsof -i :${port}) or change ports in config/local.yml.`,
      );
    }
  }
}

/**
 * DynamoDB Local, tables from serverless.yml, seed data, the WeChat Pay simulator, and the API
 * under serverless-offline (WeChat Pay's base URL pointed at the simulator, its notify_url at the API).
 */
export async function startBackend(options: StackOptions): Promise<Stack> {
  const { stage, ports } = options;
  const simPort = ports.wechatPaySim ?? 0;
  await checkPrerequisites([ports.dynamodb, ports.api, ports.lambda, simPort]);
  ensureLocalKeys(options.keysDir);
  const group = new ProcessGroup();
  const wechatPaySim = await startLocalWechatPaySim(options.keysDir, stage, simPort);
  const wechatSim = await startLocalWechatSim(options.keysDir, stage, ports.wechatSim ?? 0);
  const dynamo = await startDynamoLocal(ports.dynamodb, options.dataDir).catch(async (err: unknown) => {
    await wechatPaySim.close();
    await wechatSim.close();
    throw err;
  });
  group.adopt('dynamodb', dynamo.process);
  const stop = async () => {
    await group.stopAll();
    rmSync(offlineBuildDir(ports.api), { recursive: true, force: true });
    await wechatPaySim.close();
    await wechatSim.close();
  };
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CITYCARE_DYNAMODB_ENDPOINT: dynamo.endpoint,
      CITYCARE_KEYS_DIR: options.keysDir,
      CITYCARE_WECHATPAY_API_BASE: wechatPaySim.url,
      CITYCARE_WECHATPAY_NOTIFY_URL: `http://127.0.0.1:${ports.api}/payments/wechat/notify`,
      CITYCARE_WECHAT_SIM_BASE: wechatSim.url,
      SLS_TELEMETRY_DISABLED: '1',
      CITYCARE_ESBUILD_DIR: relative(ROOT, offlineBuildDir(ports.api)),
      // The pinned AWS SDK warns that later versions need Node 22; Lambda runs Node 22 already.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const service = await serviceDefinition(stage, env);
    await ensureTables(dynamo.client, service.tables);
    const fnEnv = service.environment;
    const seeded = await seed(
      dynamo.client,
      { directory: fnEnv.TABLE_DIRECTORY ?? '', users: fnEnv.TABLE_USERS ?? '' },
      cityConfig(),
      stageConfig(stage).auth.devLogin === true,
      undefined,
      readFileSync(join(options.keysDir, 'health-id-pepper'), 'utf8').trim(),
    );
    const offline = group.start(
      'api',
      join(BIN, 'serverless'),
      ['offline', 'start', '--stage', stage, '--httpPort', String(ports.api), '--lambdaPort', String(ports.lambda)],
      { cwd: ROOT, env },
    );
    let offlineLog = '';
    offline.stdout?.on('data', (d: Buffer) => (offlineLog += d.toString()));
    offline.stderr?.on('data', (d: Buffer) => (offlineLog += d.toString()));
    if (options.verbose) pipeWithPrefix(offline, 'api', (l) => !/^\s*$/.test(l));
    const apiBase = `http://127.0.0.1:${ports.api}`;
    // Stream triggers, which serverless-offline does not run: the functions' own handlers on DynamoDB Local's streams.
    const streams = group.start('streams', process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'streams.ts')], {
      cwd: ROOT,
      env: { ...env, ...fnEnv, CITYCARE_STREAMS: JSON.stringify(service.streams) },
    });
    pipeWithPrefix(streams, 'streams', (l) => /subscribe message|dead letter|failed|polling/i.test(l));
    await Promise.race([
      // Bundling every function first: about 90 s measured on a loaded 2-core machine.
      waitForHttp(`${apiBase}/me`, 180_000),
      new Promise((_, reject) =>
        offline.once('exit', (code) =>
          reject(new StackProblem(`serverless offline exited (${code}):\n${offlineLog.slice(-2000)}`)),
        ),
      ),
    ]);
    return { apiBase, dynamo, wechatPaySim, wechatSim, functionEnv: fnEnv, env, seeded, group, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
