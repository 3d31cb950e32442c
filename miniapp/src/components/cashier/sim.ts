import Taro from '@tarojs/taro';

/**
 * The local WeChat Pay simulator's cashier endpoint (scripts/lib/wechatpay-sim.ts), which H5
 * builds of stage local know from TARO_APP_WECHATPAY_SIM: the payer's 确认支付 / 取消 as WeChat's
 * cashier would report them to WeChat Pay. Production builds have no simulator.
 */
const SIM_BASE = (process.env.TARO_APP_WECHATPAY_SIM ?? '').replace(/\/+$/, '');

export const simulatorAvailable = (): boolean => SIM_BASE !== '';

/** Tells the simulator the payer confirmed or cancelled; true when it took the answer. */
export async function answerCashier(prepayId: string, action: 'confirm' | 'cancel'): Promise<boolean> {
  try {
    const res = await Taro.request<{ trade_state?: string }>({
      url: `${SIM_BASE}/sim/pay/${encodeURIComponent(prepayId)}`,
      method: 'POST',
      header: { 'Content-Type': 'application/json' },
      data: { action },
      timeout: 10000,
    });
    return res.statusCode === 200 && (action === 'cancel' || res.data?.trade_state === 'SUCCESS');
  } catch {
    return false;
  }
}
