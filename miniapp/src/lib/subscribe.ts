import Taro from '@tarojs/taro';
import type { NotifyTopic, SubscribeAnswer } from '@citycare/contract';

/** What each subscribe message tells the resident, as the sheet lists it. */
export const TOPIC_LABELS: Record<NotifyTopic, string> = {
  healthCode: '健康码颜色变化',
  orderAccepted: '商户接单',
  orderOnTheWay: '开始配送',
  orderDelivered: '已送达',
  relief: '缓缴申请结果',
  repair: '报修进度',
  appeal: '申诉处理结果',
};

/** WeChat shows at most three templates in one subscribe sheet. */
export const MAX_PER_SHEET = 3;

/**
 * Asks the resident to subscribe to these templates and returns the answer per template id.
 * In the mini-program: WeChat's own sheet (`requestSubscribeMessage`, which must run inside the
 * tap). H5 has no such API (Taro: not supported): a simulated sheet, one modal for all of them,
 * so the local stack and the browser tests go through the same report to the backend. A sheet
 * that fails or is closed answers nothing.
 */
export async function askToSubscribe(ids: string[], labels: string[]): Promise<Record<string, SubscribeAnswer>> {
  const tmplIds = ids.slice(0, MAX_PER_SHEET);
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, string>;
      return Object.fromEntries(
        tmplIds.flatMap((id) => (['accept', 'reject', 'ban', 'filter'].includes(res[id] ?? '') ? [[id, res[id]]] : [])),
      ) as Record<string, SubscribeAnswer>;
    }
    const { confirm } = await Taro.showModal({
      title: '订阅消息（模拟）',
      content: `状态变化时通过微信通知您：${labels.join('、')}`,
      confirmText: '允许',
      cancelText: '取消',
    });
    return Object.fromEntries(tmplIds.map((id) => [id, confirm ? 'accept' : 'reject']));
  } catch {
    return {};
  }
}
