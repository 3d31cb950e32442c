import { endpoint } from '../lib/http';
import { notFound } from '../lib/errors';
import { sessionConfig, sessionSecret } from './config';
import { defaultDisplayName, userIdForOpenid } from './identity';
import { findOrCreateUser, getUser } from './storage';
import { signPersonCode } from './person-code';
import { signSession } from './tokens';
import { loginProvider } from './wiring';

/** POST /auth/login: super-app code in, session token and profile out. */
export const login = endpoint('login', {}, async ({ body }) => {
  const identity = await loginProvider().exchange(body.code);
  const userId = userIdForOpenid(identity.openid);
  const { user } = await findOrCreateUser(userId, identity.openid, defaultDisplayName(userId));
  const { token, expiresAt } = signSession(user.userId, user.roles, await sessionSecret(), sessionConfig());
  return { token, expiresAt: expiresAt.toISOString(), user };
});

/** GET /me: the caller's profile and current roles. */
export const me = endpoint('me', {}, async ({ caller }) => {
  const user = await getUser(caller.userId);
  if (!user) throw notFound('找不到该用户');
  return { user };
});

/** GET /me/code (personalCode): the caller's personal code for 我的, valid for minutes (auth/person-code.ts). */
export const personalCode = endpoint('personalCode', {}, async ({ caller }) => {
  const { code, expiresAt } = signPersonCode(caller.userId, await sessionSecret(), sessionConfig());
  return { code, expiresAt: expiresAt.toISOString() };
});
