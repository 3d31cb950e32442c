import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requireEnv } from './env';

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
  | 'health-id-pepper';

const cache = new Map<SecretName, Promise<string>>();

async function fetchSecret(name: SecretName): Promise<string> {
  const source = requireEnv('SECRETS_SOURCE');
  if (source === 'file') {
    const value = await readFile(join(requireEnv('LOCAL_KEYS_DIR'), name), 'utf8');
    return value.trim();
  }
  if (source === 'ssm') {
    const { SSMClient, GetParameterCommand } = await import('@aws-sdk/client-ssm');
    const ssm = new SSMClient({});
    const out = await ssm.send(
      new GetParameterCommand({ Name: `${requireEnv('SECRETS_PATH')}/${name}`, WithDecryption: true }),
    );
    const value = out.Parameter?.Value;
    if (!value) throw new Error(`SSM parameter for ${name} is empty`);
    return value;
  }
  throw new Error(`unknown SECRETS_SOURCE ${source}`);
}

export function getSecret(name: SecretName): Promise<string> {
  let pending = cache.get(name);
  if (!pending) {
    pending = fetchSecret(name);
    cache.set(name, pending);
    // A failed fetch is not cached: the next request tries again.
    pending.catch(() => cache.delete(name));
  }
  return pending;
}
