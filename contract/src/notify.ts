import * as z from 'zod';
import type { RouteDef } from './route-def';

/**
 * WeChat subscribe messages (一次性订阅消息). Each topic is one template of the mini-program;
 * its id is per app and lives in config/<stage>.yml `notify.templates`. A resident's "accept"
 * of a template allows one message of it (WeChat's one-time subscription), so each step of an
 * order the resident may hear about (accepted, on the way, delivered) is a template of its own.
 */
export const NOTIFY_TOPICS = [
  'healthCode',
  'orderAccepted',
  'orderOnTheWay',
  'orderDelivered',
  'relief',
  'repair',
  'appeal',
] as const;
export const NotifyTopic = z.enum(NOTIFY_TOPICS);
export type NotifyTopic = z.infer<typeof NotifyTopic>;

/** What `wx.requestSubscribeMessage` answers per template id. */
export const SubscribeAnswer = z.enum(['accept', 'reject', 'ban', 'filter']);
export type SubscribeAnswer = z.infer<typeof SubscribeAnswer>;

/** Template ids are short opaque strings (43 characters at WeChat). */
const TemplateId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '模板编号格式不对');

export const SubscribeRequest = z.object({
  results: z
    .record(TemplateId, SubscribeAnswer)
    .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 5, '每次报告 1 到 5 个订阅结果'),
});
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

/** How many more messages of each topic the caller will receive. */
export const SubscriptionsResponse = z.object({ credits: z.record(z.string(), z.number().int()) });
export type SubscriptionsResponse = z.infer<typeof SubscriptionsResponse>;

/** The app asks with these ids (requestSubscribeMessage must run inside the tap, so they are fetched first). */
export const NotifyTemplatesResponse = z.object({ templates: z.record(z.string(), z.string()) });
export type NotifyTemplatesResponse = z.infer<typeof NotifyTemplatesResponse>;

export const notifyRoutes = {
  notifyTemplates: { method: 'GET', path: '/notify/templates', auth: true, response: NotifyTemplatesResponse },
  notifySubscribe: {
    method: 'POST',
    path: '/notify/subscriptions',
    auth: true,
    body: SubscribeRequest,
    response: SubscriptionsResponse,
  },
} as const satisfies Record<string, RouteDef>;
