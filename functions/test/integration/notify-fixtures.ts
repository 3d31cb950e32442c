import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NOTIFY_TOPICS, type NotifyTopic } from '@citycare/contract';
import { startStreamPoller, type StreamPoller } from '../../../scripts/lib/stream-poller';
import { startLocalWechatSim } from '../../../scripts/lib/wechat-sim-local';
import type { WechatSim } from '../../../scripts/lib/wechat-sim';
import { templateEnv } from '../../src/notify/config';
import { notifyBatch } from '../../src/notify/notifier';
import { wechatSubscribeApi, type SubscribeSender } from '../../src/notify/wechat';
import { getSecret } from '../../src/lib/secrets';
import * as notify from '../../src/notify/handlers';
import { call } from './helpers';
import { staff, worker } from './grocery-api';

/**
 * A notify test's WeChat: the simulator (stable_token, subscribe/send) on a free port, the sender
 * the notifier uses pointed at it, and the stream poller over the grocery, health and utility
 * tables' streams in DynamoDB Local running the notifier as Lambda would.
 */
export interface NotifyRig {
  sim: WechatSim;
  sender: SubscribeSender;
  poller: StreamPoller;
}

export function notifyRig(): NotifyRig {
  const rig = {} as NotifyRig;
  beforeAll(async () => {
    rig.sim = await startLocalWechatSim(process.env.LOCAL_KEYS_DIR ?? '', 'local', 0);
    rig.sender = wechatSubscribeApi({
      appId: process.env.WECHAT_APP_ID ?? '',
      apiBase: rig.sim.url,
      appSecret: () => getSecret('wechat-app-secret'),
      miniprogramState: 'developer',
    });
    const endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
    rig.poller = await startStreamPoller({
      client: new DynamoDBClient({
        endpoint,
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
      endpoint,
      tables: [process.env.TABLE_GROCERY, process.env.TABLE_HEALTH, process.env.TABLE_UTILITY].map(String),
      handler: (event) => notifyBatch(event.Records, rig.sender),
      maximumRetryAttempts: 2,
      intervalMs: null,
    });
  });
  afterAll(async () => {
    await rig.poller?.stop();
    await rig.sim?.close();
  });
  return rig;
}

export const templateId = (topic: NotifyTopic) => process.env[templateEnv(topic)] ?? '';
export const allTemplates = () => NOTIFY_TOPICS.map(templateId);

export const subscribe = (token: string, results: Record<string, string>) =>
  call<{ credits: Record<string, number> }>(notify.subscribe, { token, body: { results } });

export const advance = async (token: string, orderId: string, action: string) => {
  const res = await call(staff.advance, { token, params: { orderId }, body: { action } });
  if (res.status !== 200) throw new Error(`${action}: ${JSON.stringify(res.body)}`);
};

export const deliver = async (token: string, orderId: string, pickupCode: string) => {
  const res = await call(worker.confirm, {
    token,
    params: { orderId },
    body: { pickupCode, collected: 'cash' },
    headers: { 'idempotency-key': randomUUID() },
  });
  if (res.status !== 200) throw new Error(`deliver: ${JSON.stringify(res.body)}`);
};

/** The messages the simulator holds for a user (by their openid). */
export const messagesTo = (sim: WechatSim, openid: string) => sim.messages.filter((m) => m.touser === openid);
