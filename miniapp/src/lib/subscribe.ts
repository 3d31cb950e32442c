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

/** Every template answered the same (the simulated sheet on H5 has one choice for all). */
export const answerAll = (ids: string[], allow: boolean): Record<string, SubscribeAnswer> =>
  Object.fromEntries(ids.slice(0, MAX_PER_SHEET).map((id) => [id, allow ? 'accept' : 'reject']));

/**
 * WeChat's own subscribe sheet (`requestSubscribeMessage`, which must run inside the tap): the
 * answer per template id; a sheet that fails or is closed answers nothing. The mini-program only:
 * H5 has no such API (Taro: not supported), so SubscribeButton shows a simulated sheet there.
 */
export async function askWechat(ids: string[]): Promise<Record<string, SubscribeAnswer>> {
  const tmplIds = ids.slice(0, MAX_PER_SHEET);
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, string>;
    return Object.fromEntries(
      tmplIds.flatMap((id) => (['accept', 'reject', 'ban', 'filter'].includes(res[id] ?? '') ? [[id, res[id]]] : [])),
    ) as Record<string, SubscribeAnswer>;
  } catch {
    return {};
  }
}
