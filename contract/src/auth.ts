import * as z from 'zod';
import type { RouteDef } from './route-def';
import { ROLE_NAMES } from './role-names';
import { SERVICE_CATEGORIES } from './service-labels';

/** Every role a user can hold. `resident` is everyone's; the others are granted by an admin. */
export const RoleName = z.enum(ROLE_NAMES);
export type RoleName = z.infer<typeof RoleName>;

/** Roles that only make sense inside a scope (a community, a place, a store, a utility company, a district). */
export const SCOPED_ROLES = ['worker', 'checkpoint', 'store', 'utility', 'resumption'] as const;
export type ScopedRole = (typeof SCOPED_ROLES)[number];

/**
 * Roles that may carry a scope or not: service-centre staff work every category of consultation,
 * or only those they are granted (`service:health-code`).
 */
export const OPTIONALLY_SCOPED_ROLES = ['service'] as const;

const ScopeId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '范围编号只能包含小写字母、数字和连字符');

/** One role as held by a user: scoped roles carry the id of what they are scoped to. */
export const RoleGrant = z.object({ role: RoleName, scope: ScopeId.optional() }).superRefine((g, ctx) => {
  const scoped = (SCOPED_ROLES as readonly string[]).includes(g.role);
  const optional = (OPTIONALLY_SCOPED_ROLES as readonly string[]).includes(g.role);
  if (scoped && !g.scope) ctx.addIssue({ code: 'custom', path: ['scope'], message: `角色 ${g.role} 必须指定范围` });
  if (!scoped && !optional && g.scope) {
    ctx.addIssue({ code: 'custom', path: ['scope'], message: `角色 ${g.role} 不带范围` });
  }
  if (g.role === 'service' && g.scope && !(SERVICE_CATEGORIES as readonly string[]).includes(g.scope)) {
    ctx.addIssue({
      code: 'custom',
      path: ['scope'],
      message: `服务中心的范围应为咨询类别：${SERVICE_CATEGORIES.join('、')}`,
    });
  }
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const UserProfile = z.object({
  userId: z.string(),
  displayName: z.string(),
  roles: z.array(RoleGrant),
  createdAt: z.string(),
});
export type UserProfile = z.infer<typeof UserProfile>;

export const LoginRequest = z.object({
  /** The code from `wx.login` / `Taro.login`; in local stages also `dev:<demo-user>`. */
  code: z.string().trim().min(1, '登录凭证不能为空').max(128, '登录凭证过长'),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: UserProfile,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({ user: UserProfile });
export type MeResponse = z.infer<typeof MeResponse>;

export const RoleChangeRequest = z.object({
  userId: z.string().trim().min(1).max(64),
  grant: RoleGrant,
});
export type RoleChangeRequest = z.infer<typeof RoleChangeRequest>;

export const RoleChangeResponse = z.object({ user: UserProfile });
export type RoleChangeResponse = z.infer<typeof RoleChangeResponse>;

export const UserLookupResponse = z.object({ user: UserProfile });

/** Chinese labels for the UI. */
export const ROLE_LABELS: Record<RoleName, string> = {
  resident: '居民',
  worker: '社区工作者',
  checkpoint: '卡点/场所工作人员',
  store: '商户',
  utility: '公用事业工作人员',
  official: '卫健工作人员',
  regulator: '市场监管人员',
  service: '服务中心工作人员',
  admin: '管理员',
  company: '企业复工联络人',
  resumption: '复工复产审核（区县）',
};

export const authRoutes = {
  login: { method: 'POST', path: '/auth/login', auth: false, body: LoginRequest, response: LoginResponse },
  me: { method: 'GET', path: '/me', auth: true, response: MeResponse },
  getUser: { method: 'GET', path: '/admin/users/{userId}', auth: true, response: UserLookupResponse },
  grantRole: {
    method: 'POST',
    path: '/admin/roles/grant',
    auth: true,
    body: RoleChangeRequest,
    response: RoleChangeResponse,
  },
  revokeRole: {
    method: 'POST',
    path: '/admin/roles/revoke',
    auth: true,
    body: RoleChangeRequest,
    response: RoleChangeResponse,
  },
} as const satisfies Record<string, RouteDef>;
