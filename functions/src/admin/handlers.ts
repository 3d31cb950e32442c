import { endpoint } from '../lib/http';
import { AppError, notFound } from '../lib/errors';
import { changeRole, getUser } from '../auth/storage';
import { refuseRoleChange } from '../auth/rules';

const REFUSALS = {
  'resident-is-permanent': '居民身份不能撤销',
  'own-admin': '不能撤销自己的管理员角色，请由另一位管理员操作',
} as const;

/** GET /admin/users/{userId}: look a user up before changing their roles. */
export const getUserById = endpoint('getUser', { roles: ['admin'] }, async ({ params }) => {
  const user = await getUser(params.userId ?? '');
  if (!user) throw notFound('找不到该用户');
  return { user };
});

function roleChange(kind: 'grant' | 'revoke') {
  return endpoint(kind === 'grant' ? 'grantRole' : 'revokeRole', { roles: ['admin'] }, async ({ body, caller }) => {
    const refusal = refuseRoleChange(kind, caller.userId, body.userId, body.grant);
    if (refusal) throw new AppError('CONFLICT', REFUSALS[refusal]);
    return { user: await changeRole(kind, caller.userId, body.userId, body.grant) };
  });
}

/** POST /admin/roles/grant and /admin/roles/revoke: admins only; each change is audited. */
export const grantRole = /* @__PURE__ */ roleChange('grant');
export const revokeRole = /* @__PURE__ */ roleChange('revoke');
