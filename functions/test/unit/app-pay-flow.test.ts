import type { PaymentStatus } from '@citycare/contract';
import {
  CHECK_PAUSES_MS,
  payFlow,
  prepayIdOf,
  resultOf,
  type CashierOutcome,
  type PayParams,
  type PayPlatform,
} from '../../../miniapp/src/lib/pay-flow';
import { currentCashier, openCashier, subscribe } from '../../../miniapp/src/components/cashier/store';

/** The app's WeChat Pay flow (miniapp/src/lib/pay-flow.ts): the backend's word decides, never the cashier's. */
const clientParams = {
  provider: 'wechat-pay',
  paymentId: 'P200210030405abcdefghijklmnopqrs',
  timeStamp: '1581303845',
  nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
  package: 'prepay_id=wx201410272009395522657a690389285100',
  signType: 'RSA',
  paySign: 'c2lnbmF0dXJl',
};
const params: PayParams = {
  paymentId: clientParams.paymentId,
  amountFen: 3580,
  merchant: '幸福便民超市',
  description: '蔬菜套餐',
  clientParams,
};

/** A platform that records what the flow asked of it; the backend answers `statuses` in turn. */
function platform(env: string, outcome: CashierOutcome, statuses: PaymentStatus[]) {
  const calls: string[] = [];
  const waits: number[] = [];
  let pendingShown = 0;
  const p: PayPlatform = {
    env,
    requestPayment: async (request) => {
      calls.push(`requestPayment ${JSON.stringify(request)}`);
      return outcome;
    },
    simulatedCashier: async (request) => {
      calls.push(`cashier ${JSON.stringify(request)}`);
      return outcome;
    },
    check: async (id) => {
      calls.push(`check ${id}`);
      return statuses.shift() ?? 'pending';
    },
    wait: async (ms) => {
      waits.push(ms);
    },
    showPending: () => {
      pendingShown += 1;
    },
  };
  return { p, calls, waits, pendingShown: () => pendingShown };
}

describe('paying with WeChat Pay in the app', () => {
  it('opens WeChat’s cashier on weapp with the backend’s RSA-signed parameters, then asks the backend', async () => {
    const { p, calls, waits } = platform('weapp', 'confirmed', ['paid']);
    expect(await payFlow(params, p)).toBe('paid');
    const { provider: _p, paymentId: _id, ...request } = clientParams;
    expect(calls).toEqual([`requestPayment ${JSON.stringify(request)}`, `check ${params.paymentId}`]);
    expect(waits).toEqual([]);
  });

  it('shows the simulated cashier on H5, and says pending — never paid — while the backend has no proof', async () => {
    const { p, calls, waits, pendingShown } = platform('h5', 'confirmed', ['pending', 'pending', 'pending']);
    expect(await payFlow(params, p)).toBe('pending');
    expect(calls[0]).toBe(
      `cashier ${JSON.stringify({ prepayId: 'wx201410272009395522657a690389285100', amountFen: 3580, merchant: '幸福便民超市', description: '蔬菜套餐' })}`,
    );
    expect(calls.filter((c) => c.startsWith('check'))).toHaveLength(1 + CHECK_PAUSES_MS.length);
    expect(waits).toEqual([...CHECK_PAUSES_MS]);
    expect(pendingShown()).toBe(1);
  });

  it('stops asking as soon as the backend says paid', async () => {
    const { p, waits, pendingShown } = platform('h5', 'confirmed', ['pending', 'paid']);
    expect(await payFlow(params, p)).toBe('paid');
    expect(waits).toEqual([CHECK_PAUSES_MS[0]]);
    expect(pendingShown()).toBe(0);
  });

  it('takes a cancelled cashier as cancelled, unless the backend knows it was paid', async () => {
    const cancelled = platform('weapp', 'cancelled', ['pending']);
    expect(await payFlow(params, cancelled.p)).toBe('cancelled');
    expect(cancelled.waits).toEqual([]);
    expect(await payFlow(params, platform('h5', 'cancelled', ['paid']).p)).toBe('paid');
    expect(await payFlow(params, platform('h5', 'failed', ['pending']).p)).toBe('cancelled');
  });

  it('refuses parameters that are not a signed WeChat Pay order, before any cashier opens', async () => {
    const local = platform('weapp', 'confirmed', ['paid']);
    await expect(payFlow({ ...params, clientParams: { provider: 'local', paymentId: 'x' } }, local.p)).rejects.toThrow(
      '支付参数有误',
    );
    const md5 = { ...clientParams, signType: 'MD5' };
    await expect(payFlow({ ...params, clientParams: md5 }, local.p)).rejects.toThrow();
    expect(local.calls).toEqual([]);
    expect(prepayIdOf('prepay_id=wx1&x=1')).toBeUndefined();
  });

  it('maps the backend’s status to what the payer is told', () => {
    expect(resultOf('paid', 'cancelled')).toBe('paid');
    expect(resultOf('pending', 'confirmed')).toBe('pending');
    expect(resultOf('cancelled', 'confirmed')).toBe('cancelled');
    expect(resultOf('refunding', 'confirmed')).toBe('cancelled');
  });
});

describe('the simulated cashier’s state', () => {
  it('opens only where a page shows it, one at a time, and resolves with the payer’s answer', async () => {
    const request = { prepayId: 'wx1', amountFen: 100, merchant: '幸福便民超市' };
    expect(await openCashier(request)).toBe('failed');
    const unsubscribe = subscribe(() => undefined);
    const paying = openCashier(request);
    expect(currentCashier()).toMatchObject(request);
    expect(await openCashier(request)).toBe('failed');
    currentCashier()?.settle('confirmed');
    expect(await paying).toBe('confirmed');
    expect(currentCashier()).toBeUndefined();
    unsubscribe();
  });
});
