/**
 * `npm start`: the whole local CityCare — DynamoDB Local (data kept in .data/), tables from
 * serverless.yml, seed data, the WeChat Pay simulator, the API under serverless-offline and the
 * H5 build of the mini-program, rebuilt on change. Ctrl-C stops everything it started.
 */
import { join } from 'node:path';
import { ROLE_LABELS } from '@citycare/contract';
import { cityConfig, stageConfig } from './lib/config';
import { BIN, DATA_DIR, KEYS_DIR, ROOT } from './lib/paths';
import { portIsFree, waitForHttp } from './lib/ports';
import { pipeWithPrefix } from './lib/processes';
import { startBackend, StackProblem, type Stack } from './lib/stack';
import { localSimPort } from './lib/wechatpay-sim-local';
import { localWechatSimPort } from './lib/wechat-sim-local';

// The pinned AWS SDK warns that its later versions need Node 22; Lambda runs Node 22 already.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const STAGE = 'local';
let running: Stack | undefined;

async function main(): Promise<void> {
  const config = stageConfig(STAGE);
  if (!(await portIsFree(config.ports.h5))) {
    throw new StackProblem(
      `Port ${config.ports.h5} on 127.0.0.1 is busy: stop what uses it (lsof -i :${config.ports.h5}) or change ports.h5 in config/local.yml.`,
    );
  }
  console.log('Starting DynamoDB Local, tables, seed data and the API ...');
  const stack: Stack = (running = await startBackend({
    stage: STAGE,
    ports: { ...config.ports, wechatPaySim: localSimPort(STAGE), wechatSim: localWechatSimPort(STAGE) },
    dataDir: join(DATA_DIR, 'dynamodb'),
    keysDir: KEYS_DIR,
    verbose: false,
  }));
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the local stack ...');
    await stack.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  console.log(`Seed: ${stack.seeded.created} rows added, ${stack.seeded.existing} already there.`);
  console.log('Building the H5 app (first build takes about a minute) ...');
  const h5 = stack.group.start('h5', join(BIN, 'taro'), ['build', '--type', 'h5', '--watch'], {
    cwd: join(ROOT, 'miniapp'),
    env: {
      ...process.env,
      TARO_APP_API_BASE: stack.apiBase,
      TARO_APP_WECHATPAY_SIM: stack.wechatPaySim.url,
      CITYCARE_H5_PORT: String(config.ports.h5),
      BROWSER: 'none',
    },
  });
  pipeWithPrefix(h5, 'h5', (line) => /error|failed|compiled/i.test(line));
  h5.once('exit', (code) => {
    if (!stopping) {
      console.error(`The H5 build stopped (${code}).`);
      void shutdown(1);
    }
  });
  const h5Url = `http://127.0.0.1:${config.ports.h5}/`;
  await waitForHttp(h5Url, 240_000);

  const demo = cityConfig().demoUsers;
  console.log(`
CityCare is running (stage ${STAGE}). Ctrl-C stops everything.

  Mini-program (H5)  ${h5Url}
  API                ${stack.apiBase}   (try: curl ${stack.apiBase}/me)
  DynamoDB Local     ${stack.dynamo.endpoint}   (data in .data/, wipe with npm run reset)
  WeChat Pay (sim)   ${stack.wechatPaySim.url}   (notifications to ${stack.apiBase}/payments/wechat/notify)
  WeChat (sim)       ${stack.wechatSim.url}/messages   (the subscribe messages the backend sent)

Demo accounts (sign in on the H5 page, or POST /auth/login {"code":"dev:<account>"}):
${demo.map((d) => `  ${d.key.padEnd(11)} ${d.displayName}  ${d.roles.map((r) => ROLE_LABELS[r.role] + (r.scope ? `(${r.scope})` : '')).join('、')}`).join('\n')}
`);
}

main().catch(async (err: unknown) => {
  if (err instanceof StackProblem) console.error(`npm start: ${err.message}`);
  else console.error('npm start failed:', err);
  await running?.stop();
  process.exit(1);
});
