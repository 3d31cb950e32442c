import type * as z from 'zod';
import * as auth from './auth';

/**
 * Every HTTP endpoint, defined once. serverless.yml's routes, the handlers' types and the
 * mini-program's client are all checked against this table.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** false: no session token needed. */
  auth: boolean;
  body?: z.ZodType;
  response: z.ZodType;
}

export const routes = {
  login: { method: 'POST', path: '/auth/login', auth: false, body: auth.LoginRequest, response: auth.LoginResponse },
  me: { method: 'GET', path: '/me', auth: true, response: auth.MeResponse },
  getUser: { method: 'GET', path: '/admin/users/{userId}', auth: true, response: auth.UserLookupResponse },
  grantRole: {
    method: 'POST',
    path: '/admin/roles/grant',
    auth: true,
    body: auth.RoleChangeRequest,
    response: auth.RoleChangeResponse,
  },
  revokeRole: {
    method: 'POST',
    path: '/admin/roles/revoke',
    auth: true,
    body: auth.RoleChangeRequest,
    response: auth.RoleChangeResponse,
  },
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RequestBody<N extends RouteName> = Routes[N] extends { body: z.ZodType }
  ? z.input<Routes[N]['body']>
  : never;
export type ResponseBody<N extends RouteName> = z.infer<Routes[N]['response']>;
