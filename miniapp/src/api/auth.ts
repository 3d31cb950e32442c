import Taro from '@tarojs/taro';
import { api } from './client';
import { ApiError } from './errors';
import { goToLogin, saveSession, setPendingLogin, type Session } from './session';

interface LoginOptions {
  /** The caller shows the error itself (the login page does, inline); no toast. */
  quiet?: boolean;
}

/** Exchange a login code (WeChat's, or `dev:<key>` in local stages) for a session and keep it. */
export async function loginWithCode(code: string, { quiet = false }: LoginOptions = {}): Promise<Session> {
  const session = await api('login', { body: { code }, quiet });
  saveSession(session);
  return session;
}

/** WeChat sign-in: `Taro.login()` gives a one-time code; the backend exchanges it. */
export async function loginWithWechat(options: LoginOptions = {}): Promise<Session> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    const err = new ApiError(0, 'WECHAT_LOGIN_FAILED', '微信登录失败，请稍后重试');
    if (!options.quiet) void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
    throw err;
  }
  return loginWithCode(code, options);
}

/**
 * At launch without a session, in WeChat: sign in silently (requests and the page guard wait for
 * it); if that fails, go to the login page. Elsewhere (H5) the page guard sends the user there.
 */
export function startSilentLogin(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const login = loginWithWechat().catch(() => {
    goToLogin();
    return null;
  });
  setPendingLogin(login);
}
