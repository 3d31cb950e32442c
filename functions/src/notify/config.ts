import { NOTIFY_TOPICS, type NotifyTopic } from '@citycare/contract';
import { optionalEnv, requireEnv, settingsOnce } from '../lib/env';

/** Env names of the template ids (config/<stage>.yml `notify.templates`), one per topic. */
export const templateEnv = (topic: NotifyTopic) =>
  `NOTIFY_TEMPLATE_${topic.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** The stage's template id of each topic (a topic without one is never asked for nor sent). */
export const templates = settingsOnce(() => {
  const out: Partial<Record<NotifyTopic, string>> = {};
  for (const topic of NOTIFY_TOPICS) {
    const id = optionalEnv(templateEnv(topic));
    if (id) out[topic] = id;
  }
  return out;
});

export const notifyApiSettings = settingsOnce(() => ({
  appId: requireEnv('WECHAT_APP_ID'),
  apiBase: requireEnv('NOTIFY_API_BASE'),
  miniprogramState: requireEnv('NOTIFY_MINIPROGRAM_STATE'),
}));
