import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { NotifyTopic } from '@citycare/contract';
import { ROOT } from './paths';
import { startWechatSim, type WechatSim, type WechatSimOptions } from './wechat-sim';

function stageSettings(stage: string) {
  return parse(readFileSync(join(ROOT, 'config', `${stage}.yml`), 'utf8')) as {
    wechat: { appId: string };
    notify: { simPort: number; templates: Partial<Record<NotifyTopic, string>> };
  };
}

/** The port config/<stage>.yml gives the WeChat simulator (`notify.simPort`). */
export const localWechatSimPort = (stage = 'local'): number => Number(stageSettings(stage).notify.simPort);

/**
 * The WeChat simulator as the local stack runs it: the stage's app id and template ids from
 * config/<stage>.yml, the app secret from its `.keys/` folder (`ensureLocalKeys` must have run).
 */
export function startLocalWechatSim(
  keysDir: string,
  stage = 'local',
  port?: number,
  options: Partial<WechatSimOptions> = {},
): Promise<WechatSim> {
  const config = stageSettings(stage);
  return startWechatSim({
    appId: config.wechat.appId,
    secret: readFileSync(join(keysDir, 'wechat-app-secret'), 'utf8').trim(),
    templates: config.notify.templates,
    port: port ?? config.notify.simPort,
    ...options,
  });
}
