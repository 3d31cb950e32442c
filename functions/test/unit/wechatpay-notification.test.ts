import { createCipheriv, sign } from 'node:crypto';
import {
  checkPaid,
  checkRefund,
  notifyAnswer,
  openNotification,
  type Opened,
} from '../../src/payments/wechatpay/notification';
import type { Refund, Transaction } from '../../src/payments/wechatpay/types';
import { notificationBody, signBody } from '../../../scripts/lib/wechatpay-sim-notify';
import { testKeys } from '../wechatpay-fixtures';

const keys = testKeys();
const notificationKeys = {
  publicKeys: new Map([[keys.platform.id, keys.platform.publicKeyPem]]),
  apiV3Key: keys.apiV3Key,
};
const now = new Date('2020-02-10T04:00:00Z');
const ts = (offsetSeconds: number) => String(now.getTime() / 1000 + offsetSeconds);

const paid: Transaction = {
  appid: keys.appId,
  mchid: keys.mchId,
  out_trade_no: 'PAY-0001',
  transaction_id: '4200000985202002101234567890',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  success_time: '2020-02-10T12:00:00+08:00',
  payer: { openid: 'o-resident' },
  amount: { total: 1250, payer_total: 1250, currency: 'CNY', payer_currency: 'CNY' },
};
const expected = { mchId: keys.mchId, appId: keys.appId, paymentId: 'PAY-0001', amountFen: 1250 };

/** A notification made by hand with node:crypto, not with the simulator's code. */
function handMade(resource: object, eventType = 'TRANSACTION.SUCCESS', originalType = 'transaction') {
  const nonce = 'fdasflkja484';
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keys.apiV3Key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(originalType));
  const data = Buffer.concat([cipher.update(JSON.stringify(resource)), cipher.final(), cipher.getAuthTag()]);
  const body = JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: '2020-02-10T12:00:01+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: '支付成功',
    resource: {
      original_type: originalType,
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: data.toString('base64'),
      associated_data: originalType,
      nonce,
    },
  });
  const signature = sign('sha256', Buffer.from(`${ts(0)}\nNONCE\n${body}\n`), keys.platform.privateKeyPem).toString(
    'base64',
  );
  const headers = {
    'wechatpay-timestamp': ts(0),
    'wechatpay-nonce': 'NONCE',
    'wechatpay-signature': signature,
    'wechatpay-serial': keys.platform.id,
  };
  return { headers, body };
}

const simMade = (resource: object, options: { timestamp?: string; serial?: string } = {}) =>
  signBody(
    keys.platform,
    notificationBody(keys.apiV3Key, 'TRANSACTION.SUCCESS', 'transaction', resource, now),
    now,
    options,
  );

const reason = (r: ReturnType<typeof openNotification>) => (r.ok ? 'ok' : r.reason);

describe('opening a payment notification', () => {
  it('verifies and decrypts one made independently with node:crypto', () => {
    const { headers, body } = handMade(paid);
    const opened = openNotification(headers, body, notificationKeys, now) as Extract<Opened, { kind: 'transaction' }>;
    expect(opened).toMatchObject({ ok: true, kind: 'transaction', eventType: 'TRANSACTION.SUCCESS' });
    expect(opened.transaction).toEqual(paid);
    expect(checkPaid(opened.transaction, expected)).toEqual({
      ok: true,
      paymentId: 'PAY-0001',
      transactionId: paid.transaction_id,
      amountFen: 1250,
      paidAt: paid.success_time,
    });
  });

  it('verifies the simulator’s, with header names in any case', () => {
    const { headers, body } = simMade(paid);
    expect(reason(openNotification(headers, body, notificationKeys, now))).toBe('ok');
  });

  it('refuses a tampered body', () => {
    const { headers, body } = simMade(paid);
    const tampered = body.replace('"event_type":"TRANSACTION.SUCCESS"', '"event_type":"TRANSACTION.SUCCESS" ');
    expect(reason(openNotification(headers, tampered, notificationKeys, now))).toBe('BAD_SIGNATURE');
  });

  it('refuses a key id it does not know, even when the signature is good', () => {
    const { headers, body } = simMade(paid, { serial: 'PUB_KEY_ID_0000000000000000000000000000' });
    expect(reason(openNotification(headers, body, notificationKeys, now))).toBe('UNKNOWN_SERIAL');
  });

  it('refuses a signature made with another key under our key id', () => {
    const other = testKeys();
    const forged = signBody(
      { id: keys.platform.id, privateKeyPem: other.platform.privateKeyPem },
      simMade(paid).body,
      now,
    );
    expect(reason(openNotification(forged.headers, forged.body, notificationKeys, now))).toBe('BAD_SIGNATURE');
  });

  it('refuses a timestamp more than five minutes off, either way; takes one within', () => {
    for (const [offset, want] of [
      [-301, 'STALE_TIMESTAMP'],
      [301, 'STALE_TIMESTAMP'],
      [-299, 'ok'],
      [299, 'ok'],
    ] as const) {
      const { headers, body } = simMade(paid, { timestamp: ts(offset) });
      expect([offset, reason(openNotification(headers, body, notificationKeys, now))]).toEqual([offset, want]);
    }
  });

  it('refuses missing headers, WeChat Pay’s signature probe, another APIv3 key, and a body that is not JSON', () => {
    const { headers, body } = simMade(paid);
    const { 'Wechatpay-Nonce': _n, ...noNonce } = headers;
    expect(reason(openNotification(noNonce, body, notificationKeys, now))).toBe('MISSING_HEADERS');
    const probe = { ...headers, 'Wechatpay-Signature': `WECHATPAY/SIGNTEST/${headers['Wechatpay-Signature']}` };
    expect(reason(openNotification(probe, body, notificationKeys, now))).toBe('BAD_SIGNATURE');
    expect(reason(openNotification(headers, body, { ...notificationKeys, apiV3Key: testKeys().apiV3Key }, now))).toBe(
      'UNDECRYPTABLE',
    );
    const junk = signBody(keys.platform, 'not json', now);
    expect(reason(openNotification(junk.headers, junk.body, notificationKeys, now))).toBe('MALFORMED');
  });
});

describe('checking what a verified notification or query says', () => {
  it.each([
    ['WRONG_AMOUNT', { amount: { total: 1, payer_total: 1, currency: 'CNY' } }],
    ['WRONG_AMOUNT', { amount: { total: 1250, payer_total: 1250, currency: 'USD' } }],
    ['WRONG_AMOUNT', { amount: undefined }],
    ['WRONG_MERCHANT', { mchid: '1900000999' }],
    ['WRONG_APP', { appid: 'wx1111111111111111' }],
    ['WRONG_ORDER', { out_trade_no: 'PAY-0002' }],
    ['NOT_PAID', { trade_state: 'NOTPAY' }],
    ['NOT_PAID', { trade_state: 'CLOSED' }],
    ['MALFORMED', { transaction_id: undefined }],
  ] as const)('refuses %s (%j)', (want, change) => {
    const result = checkPaid({ ...paid, ...change } as Transaction, expected);
    expect(result.ok ? 'ok' : result.reason).toBe(want);
  });
});

describe('refund notifications', () => {
  const refund: Refund = {
    mchid: keys.mchId,
    refund_id: '50300000000000000000000000001',
    out_refund_no: 'PAY-0001',
    transaction_id: paid.transaction_id ?? '',
    out_trade_no: 'PAY-0001',
    refund_status: 'SUCCESS',
    success_time: '2020-02-10T13:00:00+08:00',
    amount: { total: 1250, refund: 1250, payer_total: 1250, payer_refund: 1250 },
  };
  const expectedRefund = { mchId: keys.mchId, paymentId: 'PAY-0001', outRefundNo: 'PAY-0001', refundFen: 1250 };

  it('opens and checks REFUND.SUCCESS', () => {
    const { headers, body } = handMade(refund, 'REFUND.SUCCESS', 'refund');
    const opened = openNotification(headers, body, notificationKeys, now);
    expect(opened).toMatchObject({ ok: true, kind: 'refund', eventType: 'REFUND.SUCCESS' });
    expect(checkRefund(refund, expectedRefund)).toMatchObject({ ok: true, status: 'SUCCESS', refundFen: 1250 });
  });

  it('refuses a refund of another amount, another refund number or another merchant', () => {
    const why = (r: Refund) => {
      const out = checkRefund(r, expectedRefund);
      return out.ok ? 'ok' : out.reason;
    };
    expect(why({ ...refund, amount: { ...refund.amount, refund: 1 } })).toBe('WRONG_AMOUNT');
    expect(why({ ...refund, out_refund_no: 'PAY-0009' })).toBe('WRONG_ORDER');
    expect(why({ ...refund, mchid: '1900000999' })).toBe('WRONG_MERCHANT');
    expect(why({ ...refund, refund_status: 'PROCESSING' })).toBe('NOT_PAID');
  });
});

describe('the answer WeChat Pay expects', () => {
  it('is 204 with no body when handled, and 4xx/5xx with {code: FAIL} so it sends again', () => {
    expect(notifyAnswer({ ok: true })).toEqual({ statusCode: 204, headers: {}, body: '' });
    const bad = notifyAnswer({ ok: false, reason: 'BAD_SIGNATURE', message: 'x' });
    expect([bad.statusCode, JSON.parse(bad.body)]).toEqual([401, { code: 'FAIL', message: 'BAD_SIGNATURE' }]);
    expect(notifyAnswer({ ok: false, reason: 'TRY_AGAIN', message: 'x' }).statusCode).toBe(500);
    expect(notifyAnswer({ ok: false, reason: 'UNKNOWN_REFUND', message: 'x' }).statusCode).toBe(404);
    expect(notifyAnswer({ ok: false, reason: 'WRONG_AMOUNT', message: 'x' }).statusCode).toBe(400);
  });
});
