import {
  COLOUR_LABELS,
  ORDER_STATUS_LABELS,
  REPAIR_STATUS_LABELS,
  cityDayText,
  cityClock,
  type NotifyTopic,
  type OrderStatus,
  type RepairStatus,
  type SubscribeAnswer,
} from '@citycare/contract';

/**
 * Pure rules of subscribe messages: which stored change is worth a message to whom, what the
 * message says, how subscriptions count, and what WeChat's answer means. No I/O, no clock.
 */

export type Image = Record<string, unknown>;

/** A message before its template id and openid are known: for a user, of a topic. */
export interface Message {
  userId: string;
  topic: NotifyTopic;
  /** The template's fields, WeChat's `{ key: { value } }` shape. */
  data: Record<string, { value: string }>;
  /** The page the message opens in the mini-program. */
  page: string;
}

/** Each topic's template fields (the template chosen in mp.weixin.qq.com must have these keys). */
const ORDER_FIELDS = ['character_string1', 'phrase2', 'thing3', 'time4'] as const;
export const TEMPLATE_FIELDS: Record<NotifyTopic, readonly string[]> = {
  orderAccepted: ORDER_FIELDS,
  orderOnTheWay: ORDER_FIELDS,
  orderDelivered: ORDER_FIELDS,
  healthCode: ['thing1', 'phrase2', 'time3'],
  appeal: ['phrase1', 'thing2', 'time3'],
  relief: ['thing1', 'phrase2', 'time3'],
  repair: ['thing1', 'phrase2', 'time3'],
};

/** The order changes a resident hears about, each a template of its own. */
const ORDER_NEWS: Partial<Record<OrderStatus, NotifyTopic>> = {
  accepted: 'orderAccepted',
  'out-for-delivery': 'orderOnTheWay',
  delivered: 'orderDelivered',
};
/** The repair steps a resident hears about (`submitted` is their own). */
const REPAIR_NEWS: readonly RepairStatus[] = ['received', 'dispatched', 'fixed'];

/** WeChat's `time` field: `2020年2月10日 09:05` in the city. */
export const wechatTime = (at: string) => `${cityDayText(at)} ${cityClock(at)}`;
/** WeChat's `thing` field: at most 20 characters. */
export const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);
/** WeChat's `character_string` field: at most 32 letters, digits and symbols. */
export const characters = (text: string) => text.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
const v = (value: string) => ({ value });

const str = (image: Image | undefined, key: string) =>
  typeof image?.[key] === 'string' ? (image[key] as string) : undefined;

/**
 * The message a change of a stored item means, if any: an order accepted, out for delivery or
 * delivered; a health code's colour changed; a relief part decided; a repair moved on; an appeal
 * decided. `at` is when the change was written (the stream record's time).
 */
export function messageFor(before: Image | undefined, after: Image | undefined, at: string): Message | undefined {
  if (!after) return undefined;
  const pk = str(after, 'pk') ?? '';
  const sk = str(after, 'sk') ?? '';
  const changed = (key: string) => before !== undefined && str(before, key) !== str(after, key);

  if (pk.startsWith('ORDER#') && sk === 'ORDER') {
    const status = str(after, 'status') as OrderStatus | undefined;
    const topic = status && ORDER_NEWS[status];
    if (!status || !topic || !changed('status')) return undefined;
    return {
      userId: str(after, 'userId') ?? '',
      topic,
      page: `grocery/pages/order/index?orderId=${str(after, 'orderId') ?? ''}`,
      data: {
        character_string1: v(characters(str(after, 'orderId') ?? '')),
        phrase2: v(ORDER_STATUS_LABELS[status]),
        thing3: v(thing(str(after, 'storeName') ?? '')),
        time4: v(wechatTime(at)),
      },
    };
  }
  if (pk.startsWith('HH#') && sk.startsWith('P#')) {
    const colour = str(after, 'colour') as keyof typeof COLOUR_LABELS | undefined;
    if (!colour || !(colour in COLOUR_LABELS) || !changed('colour')) return undefined;
    return {
      userId: str(after, 'ownerId') ?? '',
      topic: 'healthCode',
      page: 'pages/health/index',
      data: {
        thing1: v(thing(str(after, 'maskedName') ?? '')),
        phrase2: v(COLOUR_LABELS[colour]),
        time3: v(wechatTime(at)),
      },
    };
  }
  if (pk.startsWith('HH#') && sk.startsWith('AP#')) {
    if (str(after, 'status') !== 'closed' || !changed('status')) return undefined;
    const outcome = str(after, 'outcome');
    return {
      userId: str(after, 'ownerId') ?? '',
      topic: 'appeal',
      page: 'pages/health/index',
      data: {
        phrase1: v(outcome === 'changed' ? '已改判' : '维持原状'),
        thing2: v(thing(str(after, 'decision') ?? '健康码申诉已处理')),
        time3: v(wechatTime(at)),
      },
    };
  }
  if (pk.startsWith('HOUSEHOLD#') && sk.startsWith('RELIEF#')) {
    const status = str(after, 'status');
    if ((status !== 'approved' && status !== 'rejected') || !changed('status')) return undefined;
    return {
      userId: str(after, 'householdId') ?? pk.slice('HOUSEHOLD#'.length),
      topic: 'relief',
      page: 'pages/bills/index',
      data: {
        thing1: v(thing(str(after, 'companyName') ?? '')),
        phrase2: v(status === 'approved' ? '已批准' : '未批准'),
        time3: v(wechatTime(at)),
      },
    };
  }
  if (pk.startsWith('REPAIR#') && sk === 'REPAIR') {
    const status = str(after, 'status') as RepairStatus | undefined;
    if (!status || !REPAIR_NEWS.includes(status) || !changed('status')) return undefined;
    return {
      userId: str(after, 'householdId') ?? '',
      topic: 'repair',
      page: 'pages/bills/index',
      data: {
        thing1: v(thing(str(after, 'companyName') ?? '')),
        phrase2: v(REPAIR_STATUS_LABELS[status]),
        time3: v(wechatTime(at)),
      },
    };
  }
  return undefined;
}

/** At most this many unused accepts are kept per topic (a one-time subscription each). */
export const MAX_CREDITS = 20;

/**
 * The credits a subscription report adds, per topic: one per accepted template id the app knows
 * (`templates`: topic -> id); ids of other apps or templates are ignored, never trusted.
 */
export function creditsFromReport(
  results: Record<string, SubscribeAnswer>,
  templates: Partial<Record<NotifyTopic, string>>,
): NotifyTopic[] {
  const topicOf = new Map(Object.entries(templates).map(([topic, id]) => [id, topic as NotifyTopic]));
  return Object.entries(results).flatMap(([id, answer]) => {
    const topic = topicOf.get(id);
    return topic && answer === 'accept' ? [topic] : [];
  });
}

/** What WeChat's answer to subscribe/send means for this message. */
export type SendOutcome = 'sent' | 'refused' | 'token-invalid' | 'retry';

export function sendOutcome(errcode: number | undefined): SendOutcome {
  if (!errcode) return 'sent';
  // the user has not subscribed (or used up the subscription): nothing to retry
  if (errcode === 43101) return 'refused';
  // access token invalid (40001, 40014) or expired (42001): refresh once
  if (errcode === 40001 || errcode === 40014 || errcode === 42001) return 'token-invalid';
  return 'retry';
}

/** Seconds before its expiry that a cached access token is renewed. */
export const TOKEN_MARGIN_SECONDS = 300;

export const tokenFresh = (expiresAtMs: number, nowMs: number) => nowMs < expiresAtMs - TOKEN_MARGIN_SECONDS * 1000;
