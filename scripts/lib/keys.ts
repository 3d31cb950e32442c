import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * Generates the local stage's secrets into a git-ignored folder, once. Deployed stages keep
 * theirs in SSM Parameter Store instead.
 */
export function ensureLocalKeys(dir: string): string[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made: string[] = [];
  const secrets: Record<string, () => string> = {
    ...generatedSecrets('local'),
    // Locally there is no WeChat: the code2session stub in the tests accepts this one.
    'wechat-app-secret': () => randomBytes(16).toString('hex'),
  };
  for (const [name, make] of Object.entries(secrets)) {
    const file = join(dir, name);
    if (existsSync(file)) continue;
    writeFileSync(file, make() + '\n', { mode: 0o600 });
    made.push(name);
  }
  return [...made, ...ensureWechatPayKeys(dir)];
}

/**
 * Local WeChat Pay key material, made once: the merchant's API key (`wechatpay-merchant-key`,
 * the backend signs requests and paySign with it), the APIv3 key, and the simulated platform's
 * RSA key pair — its private key only for the simulator (`wechatpay-sim-platform-key`), its
 * public key and id where the backend reads WeChat Pay's (`wechatpay-public-keys`). Deployed
 * stages get all of these from the WeChat Pay merchant console instead (docs/operations.md).
 */
export function ensureWechatPayKeys(dir: string): string[] {
  const made: string[] = [];
  const write = (name: string, make: () => string) => {
    const file = join(dir, name);
    if (existsSync(file)) return;
    writeFileSync(file, make() + '\n', { mode: 0o600 });
    made.push(name);
  };
  const rsaPem = () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  write('wechatpay-merchant-key', () =>
    JSON.stringify({ serialNo: randomBytes(20).toString('hex').toUpperCase(), privateKeyPem: rsaPem() }),
  );
  write('wechatpay-apiv3-key', () => randomBytes(16).toString('hex'));
  write('wechatpay-sim-platform-key', () =>
    JSON.stringify({ id: `PUB_KEY_ID_0${Date.now()}${randomBytes(3).toString('hex')}`, privateKeyPem: rsaPem() }),
  );
  // Always derived from the simulator's key, so the two never disagree.
  write('wechatpay-public-keys', () => {
    const platform = JSON.parse(readFileSync(join(dir, 'wechatpay-sim-platform-key'), 'utf8')) as {
      id: string;
      privateKeyPem: string;
    };
    const publicKeyPem = createPublicKey(platform.privateKeyPem).export({ format: 'pem', type: 'spki' }).toString();
    return JSON.stringify([{ id: platform.id, publicKeyPem }]);
  });
  return made;
}

/**
 * The secrets CityCare makes itself, by name, for a stage. The WeChat app secret is not among
 * them: it comes from the mini-program's WeChat console.
 */
export function generatedSecrets(stage: string): Record<string, () => string> {
  return {
    'session-secret': () => randomBytes(48).toString('base64url'),
    'health-code-keys': () => healthCodeKeys(`${stage}-${new Date().toISOString().slice(0, 10)}`),
    'health-id-pepper': () => randomBytes(32).toString('base64url'),
  };
}

/**
 * A new health-code key set: an ES256 (P-256) signing key and no previous keys. Rotation moves
 * `current` (as its public key) to the front of `previous` and puts a new key in `current`.
 */
export function healthCodeKeys(kid: string): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return JSON.stringify({ current: { kid, privateKeyPem: pem, createdAt: new Date().toISOString() }, previous: [] });
}

interface HealthKeySet {
  current: { kid: string; privateKeyPem: string; createdAt?: string; activeFrom?: string };
  previous: { kid: string; publicKeyPem: string; privateKeyPem?: string }[];
}

/** How many retired public keys stay in the JWKS: enough for any token still within its 5 minutes. */
const KEEP_PREVIOUS = 2;

/**
 * Rotates a health-code key set. The new key becomes `current` and is published in the JWKS at
 * once, but signs only from `activeFrom` (now + `publishHours`): until then the key it replaces
 * — kept, with its private key, at the front of `previous` — goes on signing, so a scanner that
 * cached the JWKS before the rotation is never shown a code it cannot verify. Older keys keep
 * only their public key; the oldest drop off.
 */
export function rotateHealthCodeKeys(existing: string, newKid: string, publishHours = 0, now = new Date()): string {
  const set = JSON.parse(existing) as HealthKeySet;
  if (set.current.kid === newKid || set.previous.some((k) => k.kid === newKid)) {
    throw new Error(`key id ${newKid} is already in use`);
  }
  if (set.current.activeFrom && new Date(set.current.activeFrom) > now) {
    throw new Error(`key ${set.current.kid} is published but not yet signing (from ${set.current.activeFrom})`);
  }
  const fresh = JSON.parse(healthCodeKeys(newKid)) as HealthKeySet;
  const activeFrom = new Date(now.getTime() + publishHours * 3600_000).toISOString();
  const retiring = {
    kid: set.current.kid,
    publicKeyPem: createPublicKey(set.current.privateKeyPem).export({ format: 'pem', type: 'spki' }).toString(),
    ...(publishHours > 0 ? { privateKeyPem: set.current.privateKeyPem } : {}),
  };
  const older = set.previous.map(({ kid, publicKeyPem }) => ({ kid, publicKeyPem }));
  return JSON.stringify({
    current: { ...fresh.current, activeFrom },
    previous: [retiring, ...older].slice(0, KEEP_PREVIOUS),
  });
}
