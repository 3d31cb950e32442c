import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cachedRead } from './cache';
import { requireEnv } from './env';
import { readParameter } from './ssm';

/**
 * Secrets are read at run time, never from the template or the environment: from SSM
 * Parameter Store (SecureString) in deployed stages, from the git-ignored `.keys/` folder
 * that `npm start` generates in local stages. Each is fetched once per container.
 */
export type SecretName =
  | 'session-secret'
  | 'wechat-app-secret'
  /** JSON: the health-code signing key `{ current: { kid, privateKeyPem }, previous: [{ kid, publicKeyPem }] }`. */
  | 'health-code-keys'
  /** Key of the HMAC under which ID numbers are stored for uniqueness lookups. */
  | 'health-id-pepper'
  /** WeChat Pay (functions/src/payments/wechatpay/config.ts says what each holds). */
  | 'wechatpay-merchant-key'
  | 'wechatpay-apiv3-key'
  | 'wechatpay-public-keys';

/**
 * Each secret is cached in the container for SECRETS_CACHE_SECONDS (default 300), so a rotated
 * value (`npm run keys:rotate`) reaches every running function within that time without a
 * redeploy. If a refresh fails (SSM slow, throttled or down: its calls have a 2 s deadline), the
 * last good value is served (lib/cache.ts) and the next request tries again.
 */
const freshSeconds = () => Number(process.env.SECRETS_CACHE_SECONDS ?? 300);

async function fetchSecret(name: SecretName): Promise<string> {
  const source = requireEnv('SECRETS_SOURCE');
  if (source === 'file') {
    const value = await readFile(join(requireEnv('LOCAL_KEYS_DIR'), name), 'utf8');
    return value.trim();
  }
  if (source === 'ssm') {
    const value = await readParameter(`${requireEnv('SECRETS_PATH')}/${name}`);
    if (!value) throw new Error(`SSM parameter for ${name} is empty`);
    return value;
  }
  throw new Error(`unknown SECRETS_SOURCE ${source}`);
}

export function getSecret(name: SecretName): Promise<string> {
  // Any failure of a refresh keeps the last good secret, however old: a rotation publishes ahead.
  return cachedRead(`secret:${name}`, Infinity, () => fetchSecret(name), {
    freshSeconds: freshSeconds(),
    fallbackOn: () => true,
    // A fixed secret is tried again on the next request (SSM's own deadline is 2 s).
    holdAfterFaultMs: 0,
  });
}
