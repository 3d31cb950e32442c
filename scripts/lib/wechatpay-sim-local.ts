import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './paths';
import { startWechatPaySim, type SimOptions, type WechatPaySim } from './wechatpay-sim';
import type { PlatformKey } from './wechatpay-sim-notify';

/** Reads the simulator's keys from a `.keys/` folder made by scripts/lib/keys.ts. */
export function simKeysFrom(
  dir: string,
): Pick<SimOptions, 'merchantSerialNo' | 'merchantPublicKeyPem' | 'platform' | 'apiV3Key'> {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8').trim();
  const merchant = JSON.parse(read('wechatpay-merchant-key')) as { serialNo: string; privateKeyPem: string };
  return {
    merchantSerialNo: merchant.serialNo,
    merchantPublicKeyPem: createPublicKey(merchant.privateKeyPem).export({ format: 'pem', type: 'spki' }).toString(),
    platform: JSON.parse(read('wechatpay-sim-platform-key')) as PlatformKey,
    apiV3Key: read('wechatpay-apiv3-key'),
  };
}

function stageSettings(stage: string) {
  return parse(readFileSync(join(ROOT, 'config', `${stage}.yml`), 'utf8')) as {
    wechat: { appId: string };
    wechatPay: { mchId: string; simPort: number };
  };
}

/** The port config/<stage>.yml gives the simulator (`wechatPay.simPort`). */
export const localSimPort = (stage = 'local'): number => Number(stageSettings(stage).wechatPay.simPort);

/**
 * The simulator as the local stack runs it: the stage's merchant number, app id and port from
 * config/<stage>.yml, the keys from its `.keys/` folder. (`ensureLocalKeys` must have run.)
 */
export function startLocalWechatPaySim(
  keysDir: string,
  stage = 'local',
  port?: number,
  options: Partial<SimOptions> = {},
): Promise<WechatPaySim> {
  const config = stageSettings(stage);
  return startWechatPaySim({
    ...simKeysFrom(keysDir),
    mchId: String(config.wechatPay.mchId),
    appId: config.wechat.appId,
    port: port ?? config.wechatPay.simPort,
    ...options,
  });
}
