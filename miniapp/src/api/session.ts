import Taro from '@tarojs/taro';
import type { LoginResponse, UserProfile } from '@citycare/contract';

/** The signed-in session, kept in Taro storage (localStorage on H5). */
export type Session = LoginResponse;

const SESSION_KEY = 'citycare.session';
export const LOGIN_URL = '/pages/login/index';
export const HOME_URL = '/pages/home/index';

function isSession(value: unknown): value is Session {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<Session>;
  return typeof s.token === 'string' && typeof s.expiresAt === 'string' && !!s.user;
}

/** The stored session, or null when there is none or it has expired. */
export function getSession(): Session | null {
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(SESSION_KEY);
  } catch {
    return null;
  }
  if (!isSession(stored)) return null;
  if (Date.parse(stored.expiresAt) <= Date.now()) return null;
  return stored;
}

export function saveSession(session: Session): void {
  Taro.setStorageSync(SESSION_KEY, session);
}

/** Keep the stored profile fresh after GET /me. */
export function saveUser(user: UserProfile): void {
  const session = getSession();
  if (session) saveSession({ ...session, user });
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}

/** A sign-in in progress (the weapp's silent login at launch); requests wait for it. */
let pendingLogin: Promise<Session | null> | null = null;

export function setPendingLogin(login: Promise<Session | null>): void {
  pendingLogin = login;
  const clear = () => {
    if (pendingLogin === login) pendingLogin = null;
  };
  login.then(clear, clear);
}

/** The session to send with a request: the stored one, else whatever a running sign-in yields. */
export async function sessionForRequest(): Promise<Session | null> {
  const stored = getSession();
  if (stored || !pendingLogin) return stored;
  try {
    return await pendingLogin;
  } catch {
    return null;
  }
}

function currentRoute(): string {
  try {
    const pages = Taro.getCurrentPages();
    return pages[pages.length - 1]?.route ?? '';
  } catch {
    return '';
  }
}

let redirecting = false;

/** Send the user to the login page once, however many requests fail together. */
export function goToLogin(): void {
  if (redirecting || currentRoute().replace(/^\//, '') === LOGIN_URL.slice(1)) return;
  redirecting = true;
  Taro.reLaunch({ url: LOGIN_URL }).finally(() => {
    setTimeout(() => {
      redirecting = false;
    }, 500);
  });
}

export function signOut(): void {
  clearSession();
  Taro.reLaunch({ url: LOGIN_URL });
}
