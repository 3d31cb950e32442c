import { getSecret } from '../lib/secrets';
import { notifyApiSettings } from './config';
import { wechatSubscribeApi, type SubscribeSender } from './wechat';

let sender: SubscribeSender | undefined;

/** The WeChat subscribe-message API (its access token cached per container); tests swap it. */
export function subscribeSender(): SubscribeSender {
  sender ??= wechatSubscribeApi({ ...notifyApiSettings(), appSecret: () => getSecret('wechat-app-secret') });
  return sender;
}

export function setSubscribeSender(next: SubscribeSender | undefined): void {
  sender = next;
}
