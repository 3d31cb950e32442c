import { AppError } from '../lib/errors';
import { log } from '../lib/log';

/** What a login provider proves: the caller's openid in the super-app. */
export interface Identity {
  openid: string;
  /** Only for demo accounts: the name they are seeded with. */
  devKey?: string;
}

export interface LoginProvider {
  exchange(code: string): Promise<Identity>;
}

export interface WechatConfig {
  appId: string;
  apiBase: string;
  appSecret: () => Promise<string>;
  /** code2session's deadline (default 2.5 s): well inside the function's 10 s, with the secret's read before it. */
  timeoutMs?: number;
}

/** WeChat's error codes of code2session, and what each means for the caller. */
const WECHAT_ERRORS: Record<number, () => AppError> = {
  40029: () => new AppError('INVALID_LOGIN_CODE', '登录凭证无效或已过期，请重新打开小程序'),
  40163: () => new AppError('INVALID_LOGIN_CODE', '登录凭证已被使用，请重新打开小程序'),
  40226: () => new AppError('HIGH_RISK_USER', '该微信账号被判定为高风险，暂时无法登录'),
  45011: () => new AppError('RATE_LIMITED', '登录过于频繁，请一分钟后再试'),
  [-1]: () => new AppError('UPSTREAM_UNAVAILABLE', '微信服务繁忙，请稍后再试'),
};

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/**
 * The super-app's login: exchanges a `wx.login` code for the openid with code2session.
 * `session_key` is dropped here and never stored or returned.
 */
export function wechatProvider(config: WechatConfig): LoginProvider {
  return {
    async exchange(code) {
      const url = new URL('/sns/jscode2session', config.apiBase);
      url.search = new URLSearchParams({
        appid: config.appId,
        secret: await config.appSecret(),
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      let answer: Code2SessionAnswer;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(config.timeoutMs ?? 2500) });
        answer = (await res.json()) as Code2SessionAnswer;
      } catch (err) {
        log.warn('code2session unreachable', { error: (err as Error).message });
        throw new AppError('UPSTREAM_UNAVAILABLE', '暂时无法连接微信登录服务，请稍后再试');
      }
      if (answer.errcode) {
        log.warn('code2session refused', { errorCode: answer.errcode });
        const known = WECHAT_ERRORS[answer.errcode];
        throw known ? known() : new AppError('UPSTREAM_UNAVAILABLE', '微信登录暂时不可用，请稍后再试');
      }
      if (!answer.openid) throw new AppError('UPSTREAM_UNAVAILABLE', '微信登录暂时不可用，请稍后再试');
      return { openid: answer.openid };
    },
  };
}

const DEV_CODE = /^dev:([a-z0-9][a-z0-9-]{0,31})$/;

/**
 * Local stages only: `dev:<demo-user>` signs in as that demo user; any other code goes to the
 * next provider. Wired in only when the stage's config switches it on.
 */
export function devProvider(next: LoginProvider): LoginProvider {
  return {
    async exchange(code) {
      if (!code.startsWith('dev:')) return next.exchange(code);
      const match = DEV_CODE.exec(code);
      if (!match?.[1]) throw new AppError('INVALID_LOGIN_CODE', '开发登录码格式应为 dev:<演示账号>');
      return { openid: `dev:${match[1]}`, devKey: match[1] };
    },
  };
}
