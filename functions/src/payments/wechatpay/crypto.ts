import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';

/**
 * The two primitives WeChat Pay APIv3 uses, from node:crypto, and the exact strings it signs.
 * SHA256withRSA (PKCS#1 v1.5, base64) signs requests, responses, notifications and the
 * mini-program's `requestPayment`; AEAD_AES_256_GCM with the 32-byte APIv3 key encrypts the
 * `resource` of a notification.
 */

/** The signed message: every part followed by a line feed, the last one included. */
export const signedMessage = (...parts: string[]): string => parts.map((p) => `${p}\n`).join('');

export function rsaSign(privateKeyPem: string, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKeyPem, 'base64');
}

export function rsaVerify(publicKeyPem: string, message: string, signatureBase64: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKeyPem, signatureBase64, 'base64');
  } catch {
    return false;
  }
}

/** A random string for `nonce_str`, `nonceStr` and the like (32 upper-case hex characters). */
export const nonceStr = (): string => randomBytes(16).toString('hex').toUpperCase();

/** Unix time in whole seconds, as WeChat Pay writes timestamps. */
export const unixSeconds = (now: Date): string => String(Math.floor(now.getTime() / 1000));

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

export interface RequestSigner {
  mchId: string;
  serialNo: string;
  privateKeyPem: string;
}

/**
 * The `Authorization` header of a request: SHA256withRSA with the merchant key over
 * `METHOD\nURL\ntimestamp\nnonce\nbody\n`, where URL is the path with its query string.
 */
export function authorization(
  signer: RequestSigner,
  method: string,
  pathAndQuery: string,
  body: string,
  now: Date,
  nonce = nonceStr(),
): string {
  const timestamp = unixSeconds(now);
  const signature = rsaSign(signer.privateKeyPem, signedMessage(method, pathAndQuery, timestamp, nonce, body));
  return (
    `${AUTH_SCHEMA} mchid="${signer.mchId}",nonce_str="${nonce}",signature="${signature}",` +
    `timestamp="${timestamp}",serial_no="${signer.serialNo}"`
  );
}

/** The parts of an `Authorization` header, or undefined when it is not WeChat Pay's schema. */
export function parseAuthorization(header: string): Record<string, string> | undefined {
  if (!header.startsWith(`${AUTH_SCHEMA} `)) return undefined;
  const out: Record<string, string> = {};
  for (const [, key, value] of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    if (key !== undefined && value !== undefined) out[key] = value;
  }
  return out;
}

/** The encrypted `resource` of a notification. */
export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
  original_type?: string;
}

const TAG_BYTES = 16;

/** Decrypts a resource: base64 ciphertext is the encrypted bytes followed by the 16-byte tag. */
export function decryptResource(apiV3Key: string, resource: EncryptedResource): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported algorithm ${resource.algorithm}`);
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** Encrypts a resource as WeChat Pay does (used by the local simulator). */
export function encryptResource(
  apiV3Key: string,
  plaintext: string,
  associatedData: string,
  originalType: string,
  nonce = randomBytes(6).toString('hex'),
): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: originalType,
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: data.toString('base64'),
    associated_data: associatedData,
    nonce,
  };
}

/**
 * The mini-program's `wx.requestPayment` parameters for a prepay id: paySign is SHA256withRSA
 * with the merchant key over `appId\ntimeStamp\nnonceStr\npackage\n`.
 */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export function requestPaymentParams(
  appId: string,
  prepayId: string,
  privateKeyPem: string,
  now: Date,
  nonce = nonceStr(),
): RequestPaymentParams {
  const timeStamp = unixSeconds(now);
  const pkg = `prepay_id=${prepayId}`;
  return {
    timeStamp,
    nonceStr: nonce,
    package: pkg,
    signType: 'RSA',
    paySign: rsaSign(privateKeyPem, signedMessage(appId, timeStamp, nonce, pkg)),
  };
}
