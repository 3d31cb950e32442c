import Taro from '@tarojs/taro';
import type { LoginResponse, UserProfile } from '@citycare/contract';
import { forgetCodes } from '@/lib/health/code-store';
import { forgetAnswers } from './cache';

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
  // Another user signed in: nothing fetched for the one before stays on screen.
  // (Stored health codes name their user: code-store.ts never shows them to another.)
  if (getSession()?.user.userId !== session.user.userId) forgetAnswers();
  Taro.setStorageSync(SESSION_KEY, session);
}

/** Keep the stored profile fresh after GET /me. */
export function saveUser(user: UserProfile): void {
  const session = getSession();
  if (session) saveSession({ ...session, user });
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
  forgetAnswers();
  // The offline health codes are the user's too: gone with the session.
  forgetCodes();
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

/** The page being shown, as `pages/login/index`. */
function currentRoute(): string {
  // H5 (hash router): read the address itself. At launch Taro has not created the first page yet,
  // so getCurrentPages() is empty, and a second reLaunch would replace the login page being shown.
  if (process.env.TARO_ENV === 'h5') return window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  try {
    const pages = Taro.getCurrentPages();
    return (pages[pages.length - 1]?.route ?? '').replace(/^\//, '');
  } catch {
    return '';
  }
}

let redirecting = false;

/** Send the user to the login page once, however many requests fail together. */
export function goToLogin(): void {
  if (redirecting || currentRoute() === LOGIN_URL.slice(1)) return;
  redirecting = true;
  void Taro.reLaunch({ url: LOGIN_URL }).finally(() => {
    setTimeout(() => {
      redirecting = false;
    }, 500);
  });
}

/**
 * The page guard: once a page is shown, a user with no session (and no sign-in under way) goes to
 * the login page. Run from the page's onShow, not at launch: on H5 a reLaunch started while the
 * first page is still mounting can leave that page on top of the login page.
 */
export async function requireSession(): Promise<void> {
  if (!(await sessionForRequest())) goToLogin();
}

export function signOut(): void {
  clearSession();
  void Taro.reLaunch({ url: LOGIN_URL });
}
