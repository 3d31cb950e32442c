import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { chinaTime } from '../../functions/src/payments/wechatpay/client';
import { parseAuthorization, rsaVerify, signedMessage } from '../../functions/src/payments/wechatpay/crypto';
import type { Refund, Transaction } from '../../functions/src/payments/wechatpay/types';
import {
  deliver,
  deliverOnce,
  notificationBody,
  signBody,
  variantMessage,
  type Delivery,
  type SignedMessage,
  type Variant,
} from './wechatpay-sim-notify';
import {
  checkJsapi,
  digits,
  isFen,
  SimError,
  type RequestBody,
  type SimOptions,
  type SimOrder,
  type SimRefund,
} from './wechatpay-sim-types';

export type { SimOptions, SimOrder, SimRefund } from './wechatpay-sim-types';

/**
 * A local WeChat Pay (APIv3, JSAPI) that speaks the real protocol: it checks the merchant's
 * request signatures, keeps orders and refunds in memory, signs every answer with its own
 * platform key, and on a simulated payment or refund posts notifications signed and encrypted
 * as WeChat Pay does, retrying until the merchant answers 200/204. Loopback only.
 */
export type WechatPaySim = Awaited<ReturnType<typeof startWechatPaySim>>;

export async function startWechatPaySim(options: SimOptions) {
  const clock = options.clock ?? (() => new Date());
  const retryDelaysMs = options.retryDelaysMs ?? [200, 1000, 3000];
  const orders = new Map<string, SimOrder>();
  const byPrepay = new Map<string, SimOrder>();
  const refunds = new Map<string, SimRefund>();
  const deliveries: Delivery[] = [];
  const pending = new Set<Promise<unknown>>();
  /** The last notification signed for each out_trade_no / out_refund_no, for replays. */
  const sent = new Map<string, SignedMessage>();
  /** Every call made to it (the cashier's and the merchant's), for the bench's counts. */
  const requests: { method: string; path: string }[] = [];
  const sign = (body: string) => signBody(options.platform, body, clock());

  function send(url: string, eventType: string, originalType: 'transaction' | 'refund', resource: object) {
    const body = notificationBody(options.apiV3Key, eventType, originalType, resource, clock());
    const no = (resource as { out_refund_no?: string; out_trade_no?: string }).out_refund_no;
    const key = no ?? (resource as { out_trade_no: string }).out_trade_no;
    const signAndKeep = (b: string) => {
      const message = sign(b);
      sent.set(key, message);
      return message;
    };
    const done = deliver(url, body, signAndKeep, deliveries, retryDelaysMs).finally(() => pending.delete(done));
    pending.add(done);
    return done;
  }

  /** The merchant's Authorization header, checked as WeChat Pay does (401 SIGN_ERROR otherwise). */
  function authenticate(req: IncomingMessage, body: string) {
    const auth = parseAuthorization(req.headers.authorization ?? '');
    if (!auth?.signature || !auth.timestamp || !auth.nonce_str) throw new SimError(401, 'SIGN_ERROR', '签名错误');
    if (auth.mchid !== options.mchId) throw new SimError(401, 'SIGN_ERROR', '商户号与签名不符');
    if (auth.serial_no !== options.merchantSerialNo) throw new SimError(401, 'SIGN_ERROR', '商户证书序列号有误');
    if (Math.abs(clock().getTime() / 1000 - Number(auth.timestamp)) > 300)
      throw new SimError(401, 'SIGN_ERROR', '时间戳过期');
    const message = signedMessage(req.method ?? '', req.url ?? '', auth.timestamp, auth.nonce_str, body);
    if (!rsaVerify(options.merchantPublicKeyPem, message, auth.signature))
      throw new SimError(401, 'SIGN_ERROR', '签名错误');
  }

  function order(no: string): SimOrder {
    const found = orders.get(no);
    if (!found) throw new SimError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return found;
  }

  function jsapi(p: RequestBody): object {
    const { total, timeExpire, openid, outTradeNo } = checkJsapi(p, options, clock());
    const existing = orders.get(outTradeNo);
    if (existing) {
      if (existing.transaction.trade_state === 'SUCCESS') throw new SimError(400, 'ORDERPAID', '该订单已支付');
      if (existing.transaction.trade_state === 'CLOSED') throw new SimError(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.transaction.amount?.total !== total || existing.transaction.payer?.openid !== openid) {
        throw new SimError(400, 'INVALID_REQUEST', '201 商户订单号重复');
      }
      return { prepay_id: existing.prepayId };
    }
    const created: SimOrder = {
      prepayId: `wx${clock().toISOString().replace(/\D/g, '').slice(0, 14)}${randomBytes(9).toString('hex')}`,
      notifyUrl: p.notify_url as string,
      timeExpire,
      description: p.description as string,
      refunded: 0,
      transaction: {
        appid: options.appId,
        mchid: options.mchId,
        out_trade_no: outTradeNo,
        trade_type: 'JSAPI',
        trade_state: 'NOTPAY',
        trade_state_desc: '订单未支付',
        payer: { openid },
        amount: { total, currency: 'CNY' },
      },
    };
    orders.set(outTradeNo, created);
    byPrepay.set(created.prepayId, created);
    return { prepay_id: created.prepayId };
  }

  /** The cashier: the payer confirms (or cancels) in WeChat. `notify: false` loses the notification. */
  function pay(prepayId: string, action: string, notify = true): Transaction {
    const found = byPrepay.get(prepayId);
    if (!found) throw new SimError(404, 'RESOURCE_NOT_EXISTS', '预支付交易会话不存在');
    const tx = found.transaction;
    if (action !== 'confirm' || tx.trade_state !== 'NOTPAY') return tx;
    if (clock() > found.timeExpire) throw new SimError(400, 'ORDER_CLOSED', '订单已过期');
    Object.assign(tx, {
      transaction_id: `4200${digits(24)}`,
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      success_time: chinaTime(clock()),
      amount: { ...tx.amount, payer_total: tx.amount?.total, payer_currency: 'CNY' },
    });
    if (notify) void send(found.notifyUrl, 'TRANSACTION.SUCCESS', 'transaction', tx);
    return tx;
  }

  function refund(p: RequestBody): Refund {
    const found = order(p.out_trade_no ?? '');
    const amount = p.amount ?? {};
    const outRefundNo = p.out_refund_no;
    if (typeof outRefundNo !== 'string' || !/^[A-Za-z0-9_*@|-]{1,64}$/.test(outRefundNo)) {
      throw new SimError(400, 'PARAM_ERROR', 'out_refund_no有误');
    }
    const previous = refunds.get(outRefundNo);
    if (previous) return previous.refund;
    if (found.transaction.trade_state !== 'SUCCESS' && found.transaction.trade_state !== 'REFUND') {
      throw new SimError(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    }
    if (amount.total !== found.transaction.amount?.total)
      throw new SimError(400, 'PARAM_ERROR', '订单金额与原订单不符');
    if (!isFen(amount.refund) || !isFen(amount.total) || found.refunded + amount.refund > amount.total) {
      throw new SimError(400, 'NOT_ENOUGH', '退款金额超过可退金额');
    }
    found.refunded += amount.refund;
    found.transaction.trade_state = 'REFUND';
    const made: SimRefund = {
      notifyUrl: p.notify_url ?? found.notifyUrl,
      refund: {
        refund_id: `5030${digits(25)}`,
        out_refund_no: outRefundNo,
        transaction_id: found.transaction.transaction_id ?? '',
        out_trade_no: found.transaction.out_trade_no,
        status: 'PROCESSING',
        amount: {
          total: amount.total,
          refund: amount.refund,
          payer_total: amount.total,
          payer_refund: amount.refund,
          currency: 'CNY',
        },
      },
    };
    refunds.set(outRefundNo, made);
    if (options.autoCompleteRefunds !== false) setTimeout(() => void completeRefund(outRefundNo), 20);
    return made.refund;
  }

  /** Finishes a refund and posts its REFUND.<status> notification. */
  function completeRefund(outRefundNo: string, status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED' = 'SUCCESS') {
    const found = refunds.get(outRefundNo);
    if (!found || found.refund.status !== 'PROCESSING') return Promise.resolve(false);
    found.refund.status = status;
    if (status === 'SUCCESS') found.refund.success_time = chinaTime(clock());
    const { status: _s, ...rest } = found.refund;
    const resource = { ...rest, mchid: options.mchId, refund_status: status, user_received_account: '支付用户零钱' };
    return send(found.notifyUrl, `REFUND.${status}`, 'refund', resource);
  }

  /** Sends one notification about a paid order (no retries) and reports the merchant's answer. */
  async function sendVariant(outTradeNo: string, variant: Variant | 'replay') {
    const found = order(outTradeNo);
    const last = sent.get(outTradeNo);
    if (variant === 'replay' && !last) throw new SimError(400, 'INVALID_REQUEST', '没有可重放的通知');
    const body = notificationBody(options.apiV3Key, 'TRANSACTION.SUCCESS', 'transaction', found.transaction, clock());
    const message =
      variant === 'replay' && last ? last : variantMessage(options.platform, body, clock(), variant as Variant);
    if (variant === 'genuine') sent.set(outTradeNo, message);
    const delivered = await deliverOnce(found.notifyUrl, message, deliveries);
    return { delivered, status: deliveries.at(-1)?.status };
  }

  /** Failures to answer with, once each, to the next merchant calls whose path starts with `prefix`. */
  const faults: { prefix: string; status: number; code: string }[] = [];

  async function route(req: IncomingMessage, body: string): Promise<[number, object | undefined]> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname;
    requests.push({ method: req.method ?? '', path });
    const simPay = /^\/sim\/pay\/([^/]+)$/.exec(path);
    if (req.method === 'POST' && simPay) {
      const p = body ? (JSON.parse(body) as { action?: string; notify?: boolean }) : {};
      return [200, pay(decodeURIComponent(simPay[1] ?? ''), p.action ?? 'confirm', p.notify !== false)];
    }
    const simNotify = /^\/sim\/notify\/([^/]+)$/.exec(path);
    if (req.method === 'POST' && simNotify) {
      const p = body ? (JSON.parse(body) as { variant?: Variant | 'replay' }) : {};
      return [200, await sendVariant(decodeURIComponent(simNotify[1] ?? ''), p.variant ?? 'replay')];
    }
    authenticate(req, body);
    const fault = faults.findIndex((f) => path.startsWith(f.prefix));
    if (fault >= 0) {
      const [f] = faults.splice(fault, 1);
      throw new SimError(f?.status ?? 500, f?.code ?? 'SYSTEM_ERROR', '模拟故障');
    }
    const p = body ? (JSON.parse(body) as RequestBody) : {};
    if (req.method === 'POST' && path === '/v3/pay/transactions/jsapi') return [200, jsapi(p)];
    if (req.method === 'POST' && path === '/v3/refund/domestic/refunds') return [200, refund(p)];
    const refundQuery = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && refundQuery) {
      const found = refunds.get(decodeURIComponent(refundQuery[1] ?? ''));
      if (!found) throw new SimError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
      return [200, { ...found.refund, user_received_account: '支付用户零钱', channel: 'ORIGINAL' }];
    }
    const trade = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(path);
    if (trade) {
      const found = order(decodeURIComponent(trade[1] ?? ''));
      const mchid = trade[2] ? p.mchid : url.searchParams.get('mchid');
      if (mchid !== options.mchId) throw new SimError(400, 'PARAM_ERROR', 'mchid有误');
      if (req.method === 'GET' && !trade[2]) return [200, found.transaction];
      if (req.method === 'POST' && trade[2]) {
        if (found.transaction.trade_state === 'SUCCESS') throw new SimError(400, 'ORDERPAID', '订单已支付');
        found.transaction.trade_state = 'CLOSED';
        found.transaction.trade_state_desc = '订单已关闭';
        return [204, undefined];
      }
    }
    throw new SimError(404, 'NOT_FOUND', '接口不存在');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    // The simulated cashier is called from the H5 page.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    let status: number;
    let answer: object | undefined;
    try {
      [status, answer] = await route(req, body);
    } catch (err) {
      const e = err instanceof SimError ? err : new SimError(400, 'PARAM_ERROR', (err as Error).message);
      [status, answer] = [e.status, { code: e.code, message: e.message }];
    }
    const text = answer === undefined ? '' : JSON.stringify(answer);
    const signed = sign(text);
    res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json' } : {}), ...signed.headers });
    res.end(text);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    orders,
    refunds,
    deliveries,
    requests,
    /** The next merchant call whose path starts with `prefix` fails with this status and code (once). */
    failNext: (prefix: string, status = 500, code = 'SYSTEM_ERROR') => void faults.push({ prefix, status, code }),
    pay: (prepayId: string, action: 'confirm' | 'cancel' = 'confirm', notify = true) => pay(prepayId, action, notify),
    completeRefund,
    sendVariant,
    /** Posts a TRANSACTION.SUCCESS for a paid order again (a replay WeChat Pay may make). */
    renotify: (outTradeNo: string) =>
      send(order(outTradeNo).notifyUrl, 'TRANSACTION.SUCCESS', 'transaction', order(outTradeNo).transaction),
    /** Resolves when every notification in flight has been delivered or given up. */
    settled: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
