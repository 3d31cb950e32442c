import { log } from '../lib/log';
import { sendOutcome, tokenFresh, type SendOutcome } from './rules';

/**
 * WeChat's server API for subscribe messages: the access token from `POST /cgi-bin/stable_token`
 * (normal mode, cached in the container until five minutes before it expires; force-refreshed
 * once when WeChat calls it invalid) and `POST /cgi-bin/message/subscribe/send`.
 */
export interface WechatApiConfig {
  appId: string;
  apiBase: string;
  appSecret: () => Promise<string>;
  /** `formal` in production, `developer`/`trial` for the other versions of the mini-program. */
  miniprogramState: string;
  timeoutMs?: number;
  now?: () => number;
}

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat answered with an errcode worth retrying (or did not answer): the stream retries the record. */
export class WechatUnavailable extends Error {}

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

export interface SubscribeSender {
  send(message: SubscribeMessage): Promise<'sent' | 'refused'>;
}

export function wechatSubscribeApi(config: WechatApiConfig): SubscribeSender {
  const now = config.now ?? Date.now;
  let cached: { token: string; expiresAtMs: number } | undefined;

  async function post(path: string, body: object): Promise<WechatAnswer> {
    try {
      const res = await fetch(new URL(path, config.apiBase), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs ?? 2500),
      });
      return (await res.json()) as WechatAnswer;
    } catch (err) {
      throw new WechatUnavailable(`WeChat unreachable: ${(err as Error).message}`);
    }
  }

  async function token(forceRefresh: boolean): Promise<string> {
    if (!forceRefresh && cached && tokenFresh(cached.expiresAtMs, now())) return cached.token;
    const answer = await post('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: config.appId,
      secret: await config.appSecret(),
      force_refresh: forceRefresh,
    });
    if (answer.errcode || !answer.access_token) {
      log.warn('stable_token refused', { errorCode: answer.errcode });
      throw new WechatUnavailable(`stable_token refused: ${answer.errcode}`);
    }
    cached = { token: answer.access_token, expiresAtMs: now() + (answer.expires_in ?? 7200) * 1000 };
    return cached.token;
  }

  async function sendWith(accessToken: string, message: SubscribeMessage): Promise<SendOutcome> {
    const path = `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`;
    const answer = await post(path, { ...message, miniprogram_state: config.miniprogramState, lang: 'zh_CN' });
    const outcome = sendOutcome(answer.errcode);
    if (outcome !== 'sent') log.warn('subscribe send refused', { errorCode: answer.errcode, outcome });
    return outcome;
  }

  return {
    async send(message) {
      let outcome = await sendWith(await token(false), message);
      if (outcome === 'token-invalid') {
        cached = undefined;
        outcome = await sendWith(await token(true), message);
      }
      if (outcome === 'token-invalid' || outcome === 'retry') throw new WechatUnavailable(`subscribe send: ${outcome}`);
      return outcome;
    },
  };
}
