import Taro from '@tarojs/taro';
import { api } from './client';
import { ApiError } from './errors';
import { goToLogin, saveSession, setPendingLogin, type Session } from './session';

/** Exchange a login code (WeChat's, or `dev:<key>` in local stages) for a session and keep it. */
export async function loginWithCode(code: string): Promise<Session> {
  const session = await api('login', { body: { code } });
  saveSession(session);
  return session;
}

/** WeChat sign-in: `Taro.login()` gives a one-time code; the backend exchanges it. */
export async function loginWithWechat(): Promise<Session> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    const err = new ApiError(0, 'WECHAT_LOGIN_FAILED', '微信登录失败，请稍后重试');
    Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
    throw err;
  }
  return loginWithCode(code);
}

/**
 * At launch without a session: in WeChat sign in silently (requests wait for it); elsewhere, or if
 * that fails, go to the login page.
 */
export function startSilentLogin(): void {
  if (process.env.TARO_ENV !== 'weapp') {
    goToLogin();
    return;
  }
  const login = loginWithWechat().catch(() => {
    goToLogin();
    return null;
  });
  setPendingLogin(login);
}
