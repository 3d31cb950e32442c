import { createPrivateKey, createPublicKey } from 'node:crypto';
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

export const WECHATPAY_SECRETS = ['wechatpay-merchant-key', 'wechatpay-apiv3-key', 'wechatpay-public-keys'] as const;
export type WechatPaySecret = (typeof WECHATPAY_SECRETS)[number];

interface MerchantKey {
  serialNo: string;
  privateKeyPem: string;
}

export function parseMerchantKey(json: string): MerchantKey {
  const key = JSON.parse(json) as Partial<MerchantKey>;
  if (typeof key.serialNo !== 'string' || !/^[0-9A-Fa-f]{8,64}$/.test(key.serialNo)) {
    throw new Error('wechatpay-merchant-key: serialNo must be the certificate serial number (hex)');
  }
  if (typeof key.privateKeyPem !== 'string') throw new Error('wechatpay-merchant-key: privateKeyPem missing');
  const details = createPrivateKey(key.privateKeyPem).asymmetricKeyDetails;
  if ((details?.modulusLength ?? 0) < 2048)
    throw new Error('wechatpay-merchant-key: not an RSA key of 2048 bits or more');
  return { serialNo: key.serialNo, privateKeyPem: key.privateKeyPem };
}

export function parseApiV3Key(value: string): string {
  if (!/^[\x21-\x7e]{32}$/.test(value)) throw new Error('wechatpay-apiv3-key: must be 32 printable ASCII characters');
  return value;
}

export function parsePublicKeys(json: string): PublicKeys {
  const list = JSON.parse(json) as { id?: unknown; publicKeyPem?: unknown }[];
  if (!Array.isArray(list) || list.length === 0) throw new Error('wechatpay-public-keys: holds no key');
  return new Map(
    list.map((k) => {
      if (typeof k.id !== 'string' || !k.id || typeof k.publicKeyPem !== 'string') {
        throw new Error('wechatpay-public-keys: each key needs id and publicKeyPem');
      }
      createPublicKey(k.publicKeyPem);
      return [k.id, k.publicKeyPem] as const;
    }),
  );
}

/** What is wrong with a WeChat Pay secret's value, in words that never quote it; undefined if nothing. */
export function secretProblem(name: WechatPaySecret, value: string): string | undefined {
  const parse = {
    'wechatpay-merchant-key': parseMerchantKey,
    'wechatpay-apiv3-key': parseApiV3Key,
    'wechatpay-public-keys': parsePublicKeys,
  }[name];
  try {
    parse(value.trim());
    return undefined;
  } catch (err) {
    return err instanceof SyntaxError ? `${name}: not valid JSON` : (err as Error).message;
  }
}

export async function wechatPayConfig(): Promise<WechatPayConfig> {
  const [merchantJson, apiV3Key, publicKeysJson] = await Promise.all(WECHATPAY_SECRETS.map((name) => getSecret(name)));
  const merchant = parseMerchantKey(merchantJson ?? '');
  const mchId = requireEnv('WECHATPAY_MCH_ID');
  return {
    apiBase: requireEnv('WECHATPAY_API_BASE'),
    mchId,
    appId: requireEnv('WECHAT_APP_ID'),
    notifyUrl: requireEnv('WECHATPAY_NOTIFY_URL'),
    timeoutMs: Number(optionalEnv('WECHATPAY_TIMEOUT_MS') ?? 2500),
    merchant: { mchId, ...merchant },
    apiV3Key: parseApiV3Key(apiV3Key ?? ''),
    publicKeys: parsePublicKeys(publicKeysJson ?? ''),
  };
}
