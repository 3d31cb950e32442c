export { api, type CallOptions } from './client';
export { ApiError, errorMessage, NETWORK_ERROR_MESSAGE } from './errors';
export { loginWithCode, loginWithWechat, startSilentLogin } from './auth';
export { getSession, goToLogin, requireSession, signOut, saveUser, LOGIN_URL, HOME_URL, type Session } from './session';
