import { createCipheriv, verify } from 'node:crypto';
import {
  authorization,
  decryptResource,
  encryptResource,
  parseAuthorization,
  requestPaymentParams,
} from '../../src/payments/wechatpay/crypto';
import { testKeys } from '../wechatpay-fixtures';

const keys = testKeys();
const signer = { mchId: keys.mchId, serialNo: keys.merchant.serialNo, privateKeyPem: keys.merchant.privateKeyPem };
const now = new Date('2020-02-10T04:00:00Z');
/** An independent check: node:crypto's one-shot verify over a message written out by hand. */
const verifies = (message: string, signature: string) =>
  verify('sha256', Buffer.from(message, 'utf8'), keys.merchant.publicKeyPem, Buffer.from(signature, 'base64'));

describe('request signing (WECHATPAY2-SHA256-RSA2048)', () => {
  const body = JSON.stringify({ appid: keys.appId, amount: { total: 1250, currency: 'CNY' } });
  const header = authorization(signer, 'POST', '/v3/pay/transactions/jsapi', body, now, 'NONCE123');

  it('writes the Authorization header in WeChat Pay’s format', () => {
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="NONCE123",signature="[A-Za-z0-9+/=]+",timestamp="1581307200",serial_no="[0-9A-F]{40}"$/,
    );
    expect(parseAuthorization(header)).toMatchObject({
      mchid: keys.mchId,
      nonce_str: 'NONCE123',
      timestamp: '1581307200',
    });
  });

  it('signs METHOD\\nURL\\ntimestamp\\nnonce\\nbody\\n with the merchant key', () => {
    const { signature } = parseAuthorization(header) ?? {};
    expect(verifies(`POST\n/v3/pay/transactions/jsapi\n1581307200\nNONCE123\n${body}\n`, signature ?? '')).toBe(true);
    // One byte of the body, the method or the path changed: the signature no longer holds.
    expect(
      verifies(
        `POST\n/v3/pay/transactions/jsapi\n1581307200\nNONCE123\n${body.replace('1250', '1251')}\n`,
        signature ?? '',
      ),
    ).toBe(false);
    expect(verifies(`GET\n/v3/pay/transactions/jsapi\n1581307200\nNONCE123\n${body}\n`, signature ?? '')).toBe(false);
  });

  it('signs a GET with its query string and an empty body', () => {
    const get = authorization(signer, 'GET', '/v3/pay/transactions/out-trade-no/P1?mchid=1900000109', '', now, 'N2');
    const { signature } = parseAuthorization(get) ?? {};
    expect(
      verifies('GET\n/v3/pay/transactions/out-trade-no/P1?mchid=1900000109\n1581307200\nN2\n\n', signature ?? ''),
    ).toBe(true);
  });
});

describe('requestPayment parameters', () => {
  it('signs appId\\ntimeStamp\\nnonceStr\\npackage\\n with the merchant key (signType RSA)', () => {
    const params = requestPaymentParams(
      keys.appId,
      'wx201410272009395522657a690389285100',
      keys.merchant.privateKeyPem,
      now,
      'N3',
    );
    expect(params).toMatchObject({
      timeStamp: '1581307200',
      nonceStr: 'N3',
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
    });
    const message = `${keys.appId}\n1581307200\nN3\nprepay_id=wx201410272009395522657a690389285100\n`;
    expect(verifies(message, params.paySign)).toBe(true);
    expect(verifies(message.replace('N3', 'N4'), params.paySign)).toBe(false);
  });
});

describe('AEAD_AES_256_GCM resource', () => {
  const plaintext = JSON.stringify({ out_trade_no: 'P1', amount: { total: 1250 } });
  /** Encrypted independently: ciphertext = AES-256-GCM(data) || 16-byte tag, base64. */
  const cipherNonce = 'a1b2c3d4e5f6';
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keys.apiV3Key), Buffer.from(cipherNonce));
  cipher.setAAD(Buffer.from('transaction'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]).toString('base64');
  const resource = { algorithm: 'AEAD_AES_256_GCM', ciphertext, nonce: cipherNonce, associated_data: 'transaction' };

  it('decrypts what WeChat Pay encrypts with the APIv3 key', () => {
    expect(decryptResource(keys.apiV3Key, resource)).toBe(plaintext);
    expect(encryptResource(keys.apiV3Key, plaintext, 'transaction', 'transaction', cipherNonce).ciphertext).toBe(
      ciphertext,
    );
  });

  it('refuses a changed ciphertext, other associated data, another key or another algorithm', () => {
    const bytes = Buffer.from(ciphertext, 'base64');
    bytes[3] = (bytes[3] ?? 0) ^ 1;
    expect(() => decryptResource(keys.apiV3Key, { ...resource, ciphertext: bytes.toString('base64') })).toThrow();
    expect(() => decryptResource(keys.apiV3Key, { ...resource, associated_data: 'refund' })).toThrow();
    expect(() => decryptResource(testKeys().apiV3Key, resource)).toThrow();
    expect(() => decryptResource(keys.apiV3Key, { ...resource, algorithm: 'AEAD_AES_128_GCM' })).toThrow('unsupported');
  });
});
