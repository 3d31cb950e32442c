import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { WechatPayConfig } from '../src/payments/wechatpay/config';
import type { SimOptions } from '../../scripts/lib/wechatpay-sim';

/** Fresh key material for a merchant and a WeChat Pay platform, as the tests' own. */
export function testKeys() {
  const pair = () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
      privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      publicKeyPem: createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString(),
    };
  };
  return {
    merchant: { serialNo: randomBytes(20).toString('hex').toUpperCase(), ...pair() },
    platform: { id: `PUB_KEY_ID_0${randomBytes(8).toString('hex')}`, ...pair() },
    apiV3Key: randomBytes(16).toString('hex'),
    mchId: '1900000109',
    appId: 'wx0000000000000000',
  };
}
export type TestKeys = ReturnType<typeof testKeys>;

export function clientConfig(keys: TestKeys, apiBase: string, notifyUrl: string, timeoutMs = 2500): WechatPayConfig {
  return {
    apiBase,
    mchId: keys.mchId,
    appId: keys.appId,
    notifyUrl,
    timeoutMs,
    merchant: { mchId: keys.mchId, serialNo: keys.merchant.serialNo, privateKeyPem: keys.merchant.privateKeyPem },
    apiV3Key: keys.apiV3Key,
    publicKeys: new Map([[keys.platform.id, keys.platform.publicKeyPem]]),
  };
}

export function simOptions(keys: TestKeys, extra: Partial<SimOptions> = {}): SimOptions {
  return {
    mchId: keys.mchId,
    appId: keys.appId,
    merchantSerialNo: keys.merchant.serialNo,
    merchantPublicKeyPem: keys.merchant.publicKeyPem,
    platform: { id: keys.platform.id, privateKeyPem: keys.platform.privateKeyPem },
    apiV3Key: keys.apiV3Key,
    retryDelaysMs: [50, 100],
    ...extra,
  };
}
