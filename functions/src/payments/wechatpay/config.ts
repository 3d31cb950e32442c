import { optionalEnv, requireEnv } from '../../lib/env';
import { getSecret } from '../../lib/secrets';
import type { RequestSigner } from './crypto';
import type { PublicKeys } from './signature';

/**
 * Everything the WeChat Pay client needs. Settings come from `config/<stage>.yml` `wechatPay:`
 * through the environment; keys from the stage's secrets (`.keys/` locally, SSM deployed):
 * - `wechatpay-merchant-key`: JSON `{ serialNo, privateKeyPem }`, the merchant API key and its
 *   certificate serial number;
 * - `wechatpay-apiv3-key`: the 32-character APIv3 key set in the merchant console;
 * - `wechatpay-public-keys`: JSON `[{ id, publicKeyPem }]`, the WeChat Pay public keys
 *   (`PUB_KEY_ID_…`) answers and notifications may be signed with; two while one is rotated in.
 */
export interface WechatPayConfig {
  apiBase: string;
  mchId: string;
  appId: string;
  notifyUrl: string;
  /** Deadline of each call to WeChat Pay. */
  timeoutMs: number;
  merchant: RequestSigner;
  apiV3Key: string;
  publicKeys: PublicKeys;
}

interface MerchantKey {
  serialNo: string;
  privateKeyPem: string;
}

export function parsePublicKeys(json: string): PublicKeys {
  const list = JSON.parse(json) as { id: string; publicKeyPem: string }[];
  if (!Array.isArray(list) || list.length === 0) throw new Error('wechatpay-public-keys holds no key');
  return new Map(list.map((k) => [k.id, k.publicKeyPem]));
}

export async function wechatPayConfig(): Promise<WechatPayConfig> {
  const [merchantJson, apiV3Key, publicKeysJson] = await Promise.all([
    getSecret('wechatpay-merchant-key'),
    getSecret('wechatpay-apiv3-key'),
    getSecret('wechatpay-public-keys'),
  ]);
  const merchant = JSON.parse(merchantJson) as MerchantKey;
  const mchId = requireEnv('WECHATPAY_MCH_ID');
  if (Buffer.byteLength(apiV3Key, 'utf8') !== 32) throw new Error('wechatpay-apiv3-key must be 32 bytes');
  return {
    apiBase: requireEnv('WECHATPAY_API_BASE'),
    mchId,
    appId: requireEnv('WECHAT_APP_ID'),
    notifyUrl: requireEnv('WECHATPAY_NOTIFY_URL'),
    timeoutMs: Number(optionalEnv('WECHATPAY_TIMEOUT_MS') ?? 2500),
    merchant: { mchId, serialNo: merchant.serialNo, privateKeyPem: merchant.privateKeyPem },
    apiV3Key,
    publicKeys: parsePublicKeys(publicKeysJson),
  };
}
