import { maskName, type PersonMatch, type UserProfile } from '@citycare/contract';
import { sessionConfig, sessionSecret } from '../auth/config';
import { personFinder } from '../auth/finder';
import { verifyPersonCode } from '../auth/person-code';
import { getUser, usersByFinder } from '../auth/storage';
import { AppError } from '../lib/errors';
import { endpoint } from '../lib/http';
import { take, type Limit } from '../lib/limits';

/** Admins find the person to grant a role to: by name and phone digits, or by their personal code. */

/** A name and four digits can be guessed: each admin may search this often per hour. */
export const personSearchLimit: Limit = {
  name: 'admin.person-search',
  max: 30,
  windowSeconds: 3600,
  message: '查找次数过多',
};

const match = (user: UserProfile, name: string, phoneTail?: string): PersonMatch => ({
  userId: user.userId,
  maskedName: maskName(name),
  ...(phoneTail ? { phoneTail } : {}),
  roles: user.roles,
});

/** POST /admin/people/search (findPerson): registered name and the phone's last four digits; answers masked. */
export const findPerson = endpoint('findPerson', { roles: ['admin'] }, async ({ body, caller }) => {
  await take(personSearchLimit, caller.userId);
  const users = await usersByFinder(await personFinder(body.name, body.phoneTail));
  return { people: users.map((u) => match(u, body.name, body.phoneTail)) };
});

/** POST /admin/people/code (findPersonByCode): the personal code scanned from the person's 我的. */
export const findPersonByCode = endpoint('findPersonByCode', { roles: ['admin'] }, async ({ body, caller }) => {
  await take(personSearchLimit, caller.userId);
  const userId = verifyPersonCode(body.code, await sessionSecret(), sessionConfig());
  const user = userId ? await getUser(userId) : undefined;
  if (!user)
    throw new AppError('VALIDATION_FAILED', '个人码无效或已过期，请对方刷新后再扫', [
      { path: 'code', message: '无效' },
    ]);
  return { people: [match(user, user.displayName)] };
});
